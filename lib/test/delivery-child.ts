// One "app server" for lib/notifications/delivery.pg.test.ts, on DATABASE_URL and SMTP_URL:
// `schedule` runs the whole scheduled work (runScheduledWork), `deliver <limit>` only email delivery
// in batches of <limit>; either every ~200 ms until killed, printing `pass <n> <result as JSON>`.
// With --wait it connects, prints `waiting` and starts on the first line on its stdin (the test decides
// who goes first). It exits when its stdin closes, so a test that dies leaves no server behind.
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { deliverPendingEmails, emailSettingsFromEnv, emailTransportFromEnv } from "@/lib/notifications/email";
import { runScheduledWork } from "@/lib/scheduler";

const args = process.argv.slice(2);
const [mode, limit] = args.filter((a) => a !== "--wait");
if (mode !== "schedule" && mode !== "deliver") throw new Error(`usage: delivery-child.ts [--wait] schedule | deliver <limit>`);

process.stdin.on("end", () => process.exit(0));
if (args.includes("--wait")) {
  await getDb().execute(sql`select 1`);
  console.log("waiting");
  await new Promise((resolve) => process.stdin.once("data", resolve));
}
process.stdin.resume();

async function pass() {
  if (mode === "schedule") return runScheduledWork();
  const transport = emailTransportFromEnv();
  if (!transport) throw new Error("SMTP_URL is not set");
  const { from, baseUrl } = emailSettingsFromEnv();
  return { emails: await deliverPendingEmails(getDb(), { transport, from, baseUrl, limit: Number(limit ?? 50) }) };
}

for (let n = 1; ; n++) {
  try {
    console.log(`pass ${n} ${JSON.stringify(await pass())}`);
  } catch (error) {
    console.error(`pass ${n} failed`, error);
  }
  await new Promise((r) => setTimeout(r, 200));
}

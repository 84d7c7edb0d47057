import { getDb, withoutSqlCount } from "@/db";
import { deliverPendingEmails, emailSettingsFromEnv, emailTransportFromEnv } from "@/lib/notifications/email";
import { sendDeadlineReminders } from "@/lib/notifications/reminders";
import { sweepPairing } from "@/lib/pairing/sweep";

const INTERVAL_MS = 60_000;
const globalForSweep = globalThis as unknown as { __werkbankSweep?: NodeJS.Timeout };

/**
 * One pass of the scheduled work: pair assignments past their deadline, expire overdue reviews into
 * the reserve pool, send "due in 24 hours" reminders, deliver waiting emails (when SMTP_URL is set).
 * Safe on every app server at once: each step decides under a lock or a unique key.
 */
export async function runScheduledWork(now = new Date()) {
  const db = getDb();
  const pairing = await sweepPairing(db, now);
  const reminders = await sendDeadlineReminders(db, now);
  const transport = emailTransportFromEnv();
  let emails = { claimed: 0, sent: 0, failed: 0 };
  if (transport) {
    const { from, baseUrl } = emailSettingsFromEnv();
    emails = await deliverPendingEmails(db, { transport, from, baseUrl });
  }
  return { pairing, reminders, emails };
}

/** Runs the scheduled work every minute in this process (and once shortly after start). WERKBANK_SWEEP=0 turns it off. */
export function startScheduler(): void {
  if (process.env.WERKBANK_SWEEP === "0" || globalForSweep.__werkbankSweep) return;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      // Not a request's work: the statement counter (bench, budget test) leaves it out.
      await withoutSqlCount(() => runScheduledWork());
    } catch (error) {
      console.error("[scheduler] scheduled work failed", error);
    } finally {
      running = false;
    }
  };
  setTimeout(tick, 2_000).unref();
  globalForSweep.__werkbankSweep = setInterval(tick, INTERVAL_MS);
  globalForSweep.__werkbankSweep.unref();
}

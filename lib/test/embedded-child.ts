// A separate process on an embedded database folder, for db/embedded.test.ts: `open` opens it and
// holds it; `write` inserts rows one by one and prints each id once PGlite acknowledged it; `read`
// prints the ids that are there. A refusal to open prints its message and exits with 3.
import { sql } from "drizzle-orm";
import { DataDirLockedError } from "@/db/lock";
import { getDb, rowsOf } from "@/db";

const [mode] = process.argv.slice(2);
try {
  const db = getDb();
  await db.execute(sql`create table if not exists probe (id int primary key)`);
  if (mode === "open") {
    console.log("opened");
    setInterval(() => {}, 1000);
  } else if (mode === "write") {
    console.log("opened");
    const [last] = rowsOf<{ n: number }>(await db.execute(sql`select coalesce(max(id), 0)::int as n from probe`));
    for (let i = Number(last!.n) + 1; ; i++) {
      await db.execute(sql`insert into probe (id) values (${i})`);
      console.log(`ack ${i}`);
    }
  } else {
    const rows = rowsOf<{ id: number }>(await db.execute(sql`select id from probe order by id`));
    console.log(`ids ${rows.map((r) => r.id).join(",")}`);
    process.exit(0);
  }
} catch (error) {
  if (error instanceof DataDirLockedError) {
    console.log(error.message);
    process.exit(3);
  }
  throw error;
}

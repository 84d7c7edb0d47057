import { sql } from "drizzle-orm";
import { dbKind, getDb, sqlStatementCount } from "@/db";
import { noteDatabaseError, noteDatabaseReachable, RETRY_AFTER_SECONDS } from "@/lib/outage";

export const dynamic = "force-dynamic";

/** For load balancers: 200 when the database answers. Reveals nothing else (the bench's statement count only when switched on). */
export async function GET() {
  try {
    await getDb().execute(sql`select 1`);
    noteDatabaseReachable();
    const counted = sqlStatementCount();
    return Response.json({ ok: true, database: dbKind(), ...(counted ?? {}) });
  } catch (error) {
    noteDatabaseError(error);
    return Response.json({ ok: false }, { status: 503, headers: { "retry-after": String(RETRY_AFTER_SECONDS) } });
  }
}

import { sql } from "drizzle-orm";
import { dbKind, getDb, sqlStatementCount } from "@/db";

export const dynamic = "force-dynamic";

/** For load balancers: 200 when the database answers. Reveals nothing else (the bench's statement count only when switched on). */
export async function GET() {
  try {
    await getDb().execute(sql`select 1`);
    const counted = sqlStatementCount();
    return Response.json({ ok: true, database: dbKind(), ...(counted ?? {}) });
  } catch {
    return Response.json({ ok: false }, { status: 503 });
  }
}

import { sql } from "drizzle-orm";
import { dbKind, getDb } from "@/db";

export const dynamic = "force-dynamic";

/** For load balancers: 200 when the database answers. Reveals nothing else. */
export async function GET() {
  try {
    await getDb().execute(sql`select 1`);
    return Response.json({ ok: true, database: dbKind() });
  } catch {
    return Response.json({ ok: false }, { status: 503 });
  }
}

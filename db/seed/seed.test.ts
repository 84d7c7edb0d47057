import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { cohorts, lessons, memberships, users } from "@/db/schema";
import { authenticate } from "@/lib/auth/credentials";
import { DEMO_PASSWORD, demoAccounts, demoCohorts } from "./demo-accounts";
import { seedDemo } from "./index";

async function counts() {
  const db = getDb();
  const [u] = await db.select({ n: count() }).from(users);
  const [l] = await db.select({ n: count() }).from(lessons);
  const [m] = await db.select({ n: count() }).from(memberships);
  const [c] = await db.select({ n: count() }).from(cohorts);
  return { users: u!.n, lessons: l!.n, memberships: m!.n, cohorts: c!.n };
}

describe("seedDemo", () => {
  it("seeds the demo once and changes nothing when run again", async () => {
    expect(await seedDemo(getDb())).toEqual({ created: true });
    const first = await counts();
    expect(first.users).toBe(demoAccounts.length);
    expect(first.lessons).toBeGreaterThanOrEqual(3);
    expect(first.cohorts).toBe(2);
    expect(await seedDemo(getDb())).toEqual({ created: false });
    expect(await counts()).toEqual(first);
  });

  it("lets every demo account sign in with the printed password", async () => {
    await seedDemo(getDb());
    for (const account of demoAccounts.slice(0, 3)) {
      expect((await authenticate(account.email, DEMO_PASSWORD, "127.0.0.1")).ok).toBe(true);
    }
  });

  it("keeps the demo students out of the second cohort", async () => {
    await seedDemo(getDb());
    const db = getDb();
    const [other] = await db.select().from(cohorts).where(eq(cohorts.inviteCode, demoCohorts.other.inviteCode));
    const members = await db
      .select({ email: users.email, role: memberships.role })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.cohortId, other!.id));
    const mainStudents = demoAccounts.filter((a) => a.cohort === "main" && a.role === "student").map((a) => a.email);
    expect(mainStudents.length).toBeGreaterThanOrEqual(6);
    expect(members.map((m) => m.email)).not.toEqual(expect.arrayContaining([mainStudents[0]]));
    expect(members.some((m) => mainStudents.includes(m.email))).toBe(false);
    expect(members.some((m) => m.role === "instructor")).toBe(true);
  });

  it("writes the demo course in German with the task of the value-proposition lesson", async () => {
    await seedDemo(getDb());
    const rows = await getDb().select().from(lessons).orderBy(lessons.position);
    expect(rows.map((r) => r.slug)).toEqual(
      expect.arrayContaining(["business-model-canvas", "kanaele-und-kundenbeziehungen", "von-der-empathy-map-zur-value-proposition"]),
    );
    const vpc = rows.find((r) => r.slug === "von-der-empathy-map-zur-value-proposition")!;
    expect(vpc.bodyMd).toMatch(/## Aufgabe/);
    expect(vpc.bodyMd).toMatch(/forum/i);
  });
});

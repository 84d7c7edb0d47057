import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { assignments, calibrationAttempts, calibrationExamples, cohorts, lessons, memberships, notifications, reviews, selfAssessments, users } from "@/db/schema";
import { getOwnSubmission } from "@/lib/assignments/store";
import { gradeDetail } from "@/lib/grades/detail";
import { gradebook } from "@/lib/grades/queries";
import { receivedLockFor } from "@/lib/reviews/visibility";
import { authenticate } from "@/lib/auth/credentials";
import { demoPracticeAssignment } from "./course-content";
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

describe("the practice run of the running cohort", () => {
  it("is calibrated, reviewed double-blind, self-assessed and graded, with the grades released", async () => {
    await seedDemo(getDb());
    const db = getDb();
    const [main] = await db.select().from(cohorts).where(eq(cohorts.inviteCode, demoCohorts.main.inviteCode));
    const [row] = await db
      .select({ a: assignments })
      .from(assignments)
      .innerJoin(lessons, eq(lessons.id, assignments.lessonId))
      .where(and(eq(assignments.cohortId, main!.id), eq(lessons.slug, demoPracticeAssignment.lessonSlug)));
    const a = row!.a;
    expect(a).toMatchObject({ anonymity: "double", calibration: "required", selfAssessment: true, gradeAggregate: "median" });
    expect(a.gradesReleasedAt!.getTime()).toBeLessThan(Date.now());

    const given = await db.select().from(reviews).where(eq(reviews.assignmentId, a.id));
    const submitted = given.filter((r) => r.status === "submitted");
    // Eight students, two reviews each, all in by the review deadline; one was sent back and came back.
    expect(submitted).toHaveLength(16);
    expect(submitted.every((r) => r.submittedAt! <= a.reviewDue)).toBe(true);
    expect(submitted.filter((r) => r.sentBackCount === 1)).toHaveLength(1);
    expect(await db.select().from(calibrationExamples).where(eq(calibrationExamples.assignmentId, a.id))).toHaveLength(2);
    expect(await db.select().from(calibrationAttempts).where(eq(calibrationAttempts.assignmentId, a.id))).toHaveLength(9);
    expect(await db.select().from(selfAssessments).where(eq(selfAssessments.assignmentId, a.id))).toHaveLength(7);

    const book = await gradebook(db, main!.id, { pageSize: null });
    const byName = new Map(book!.rows.map((r) => [r.name, r.cells.find((c) => c.assignmentId === a.id)!]));
    const graded = [...byName.values()].filter((c) => c.state === "graded");
    expect(graded).toHaveLength(8);
    expect(byName.get("Greta Neumann")!.grade!.points).toBe(85);
    expect(byName.get("Greta Neumann")!.grade!.override?.reason).toMatch(/Nachbesprechung/);
    // Ben's strong work scores above Emil's thin one.
    expect(byName.get("Ben Schulz")!.grade!.points!).toBeGreaterThan(byName.get("Emil Hoffmann")!.grade!.points!);

    // Henrik has not assessed himself: his received reviews stay locked; Anna's are open.
    const byEmail = new Map((await db.select().from(users)).map((u) => [u.email, u.id]));
    expect((await receivedLockFor(db, a, byEmail.get("henrik.lange@werkbank.test")!)).owesSelfAssessment).toBe(true);
    expect((await receivedLockFor(db, a, byEmail.get("anna.berger@werkbank.test")!)).unlocked).toBe(true);

    // One student's page in the gradebook: the at-most-one rows come whole or not at all.
    const detail = async (email: string) => (await gradeDetail(db, main!.id, a.id, byEmail.get(email)!))!;
    const fatma = await detail("fatma.kaya@werkbank.test");
    expect(fatma.assessment).toMatchObject({ byName: "Lena Keller", scores: { fit: { score: 3 } } });
    expect(fatma.override).toBeNull();
    const greta = await detail("greta.neumann@werkbank.test");
    expect(greta.override).toMatchObject({ points: 85, byName: "Lena Keller" });
    expect(greta.assessment).toBeNull();
    expect(greta.self?.comment).toBeTruthy();
    const henrik = await detail("henrik.lange@werkbank.test");
    expect(henrik.self).toBeNull();
    expect(henrik.submission?.threadId).toBeTruthy();
    expect(henrik.received).toHaveLength(2);
    expect(henrik.given).toHaveLength(2);

    // Anna's own submission as her lesson panel reads it: one version, its two canvases' ids.
    const own = await getOwnSubmission(db, a.id, byEmail.get("anna.berger@werkbank.test")!);
    expect(own!.versions).toHaveLength(1);
    expect(own!.versions[0]!.submittedAt).toBeInstanceOf(Date);
    expect(own!.versions[0]!.canvasIds).toHaveLength(2);
    expect(own!.versions[0]!.late).toBe(false);

    // The story's notifications are read and sent nowhere, except the news that grades are out.
    const told = await db.select().from(notifications).where(eq(notifications.assignmentId, a.id));
    expect(told.every((n) => n.emailStatus === "none")).toBe(true);
    expect(told.filter((n) => n.readAt === null).every((n) => n.kind === "grades_released")).toBe(true);
    expect(told.filter((n) => n.kind === "grades_released")).toHaveLength(8);
  });
});

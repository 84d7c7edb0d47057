import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, type DbOrTx } from "@/db";
import { auditLog, cohorts, courses, memberships, reviews, users } from "@/db/schema";
import { ActionError } from "@/lib/actions-core";
import { pairNow, takeFromPool } from "@/lib/pairing/store";
import { sweepPairing } from "@/lib/pairing/sweep";
import { reservePool } from "@/lib/reviews/queries";
import { addMember, createCohort as createCohortRow, createCourse, createUser } from "@/lib/test/factories";
import { addStudent, pairingCohort, submitEmpathyMap } from "@/lib/test/pairing-fixtures";
import { refusal, refusalOf } from "@/lib/test/refusal";
import { createCohortSchema, updateCohortSchema } from "@/lib/validation/cohort";
import type { Actor } from "./membership";
import {
  addInstructor,
  cohortSettings,
  cohortsCreatableCourses,
  createCohort,
  findInvite,
  joinByCode,
  listMembers,
  regenerateInvite,
  removeInstructor,
  removeStudent,
  setInviteEnabled,
  updateCohort,
} from "./store";

const DAY = 86_400_000;
const HOUR = 3_600_000;
const CODE = /^[A-Z0-9]{6,16}$/;
const fields = () => ({ name: "Winter 2027", startsOn: new Date(Date.now() + DAY), endsOn: new Date(Date.now() + 60 * DAY), timeZone: "Europe/Berlin" });
const as = (user: { id: string; isAdmin?: boolean }): Actor => ({ id: user.id, isAdmin: user.isAdmin ?? false });

/**
 * Course A runs cohort X (instructor, student); course B runs cohort Y (its own instructor and
 * student); an admin and an outsider belong to neither.
 */
async function world() {
  const { course: courseA } = await createCourse(1);
  const { course: courseB } = await createCourse(1);
  const x = await createCohortRow(courseA.id, { name: "Kohorte X" });
  const y = await createCohortRow(courseB.id, { name: "Kohorte Y" });
  const admin = await createUser({ name: "Alex Admin", isAdmin: true });
  const instructor = await createUser({ name: "Lena Keller" });
  const student = await createUser({ name: "Anna Berger" });
  const otherInstructor = await createUser({ name: "Jonas Frank" });
  const otherStudent = await createUser({ name: "Ida Roth" });
  const outsider = await createUser({ name: "Olga Außen" });
  await addMember(x.id, instructor.id, "instructor");
  await addMember(x.id, student.id);
  await addMember(y.id, otherInstructor.id, "instructor");
  await addMember(y.id, otherStudent.id);
  const actors = {
    admin: as(admin),
    instructor: as(instructor),
    otherInstructor: as(otherInstructor),
    student: as(student),
    otherStudent: as(otherStudent),
    outsider: as(outsider),
  };
  return { courseA, courseB, x, y, actors, users: { admin, instructor, student, otherInstructor, otherStudent, outsider } };
}

type Who = keyof Awaited<ReturnType<typeof world>>["actors"];
const EVERYONE: Who[] = ["admin", "instructor", "otherInstructor", "student", "otherStudent", "outsider"];
const ROLLBACK = new Error("rollback");

/** Runs the call in a transaction that is always rolled back: "allowed", or the refusal's code. */
async function outcome(call: (tx: DbOrTx) => Promise<unknown>): Promise<string> {
  try {
    await getDb().transaction(async (tx) => {
      await call(tx);
      throw ROLLBACK;
    });
  } catch (error) {
    if (error === ROLLBACK) return "allowed";
    if (error instanceof ActionError) return error.code;
    throw error;
  }
  return "unreachable";
}

async function matrix(w: Awaited<ReturnType<typeof world>>, call: (tx: DbOrTx, actor: Actor) => Promise<unknown>) {
  const result: Record<string, string> = {};
  for (const who of EVERYONE) result[who] = await outcome((tx) => call(tx, w.actors[who]));
  return result;
}

const ONLY_STAFF = {
  admin: "allowed",
  instructor: "allowed",
  otherInstructor: "not_found",
  student: "not_found",
  otherStudent: "not_found",
  outsider: "not_found",
};

async function auditOf(cohortId: string) {
  return getDb().select().from(auditLog).where(eq(auditLog.cohortId, cohortId));
}

async function roleOf(cohortId: string, userId: string) {
  const [row] = await getDb()
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.cohortId, cohortId), eq(memberships.userId, userId)));
  return row?.role ?? null;
}

const inTx = <T>(call: (tx: DbOrTx) => Promise<T>) => getDb().transaction(call);

describe("cohort management: who may do what", () => {
  it("only the cohort's instructors and admins manage it; everyone else gets not_found", async () => {
    const w = await world();
    const target = await createUser({ name: "Neue Lehrkraft" });
    expect(await matrix(w, (tx, a) => updateCohort(tx, a, w.x.id, fields()))).toEqual(ONLY_STAFF);
    expect(await matrix(w, (tx, a) => regenerateInvite(tx, a, w.x.id))).toEqual(ONLY_STAFF);
    expect(await matrix(w, (tx, a) => setInviteEnabled(tx, a, w.x.id, false))).toEqual(ONLY_STAFF);
    expect(await matrix(w, (tx, a) => addInstructor(tx, a, w.x.id, target.email))).toEqual(ONLY_STAFF);
    expect(await matrix(w, (tx, a) => removeStudent(tx, a, w.x.id, w.users.student.id))).toEqual(ONLY_STAFF);
    expect(await matrix(w, (tx, a) => listMembers(tx, a, w.x.id, { q: "", page: 1 }))).toEqual(ONLY_STAFF);
    expect(await matrix(w, (tx, a) => cohortSettings(tx, a, w.x.id))).toEqual(ONLY_STAFF);
    // A second instructor makes removing one possible at all; the admin may remove either.
    await addMember(w.x.id, target.id, "instructor");
    expect(await matrix(w, (tx, a) => removeInstructor(tx, a, w.x.id, target.id))).toEqual(ONLY_STAFF);
    // Nothing of the rolled-back attempts stayed behind.
    expect(await auditOf(w.x.id)).toEqual([]);
  });

  it("a cohort of a course: admins, its creator, and instructors of one of its cohorts", async () => {
    const w = await world();
    expect(await matrix(w, (tx, a) => createCohort(tx, a, { courseId: w.courseA.id, ...fields() }))).toEqual(ONLY_STAFF);
    const creator = await createUser({ name: "Kursautorin" });
    const { course: own } = await createCourse(1);
    await getDb().update(courses).set({ createdBy: creator.id }).where(eq(courses.id, own.id));
    expect(await outcome((tx) => createCohort(tx, as(creator), { courseId: own.id, ...fields() }))).toBe("allowed");
    expect(await outcome((tx) => createCohort(tx, w.actors.instructor, { courseId: own.id, ...fields() }))).toBe("not_found");

    const titles = async (who: Who) => (await cohortsCreatableCourses(getDb(), w.actors[who])).map((c) => c.id);
    expect(await titles("instructor")).toEqual([w.courseA.id]);
    expect(await titles("otherInstructor")).toEqual([w.courseB.id]);
    expect(await titles("admin")).toEqual(expect.arrayContaining([w.courseA.id, w.courseB.id, own.id]));
    for (const who of ["student", "otherStudent", "outsider"] as const) expect(await titles(who)).toEqual([]);
    expect((await cohortsCreatableCourses(getDb(), as(creator))).map((c) => c.id)).toEqual([own.id]);
  });

  it("anyone signed in joins by an open code; members are told they are in already", async () => {
    const w = await world();
    const code = w.x.inviteCode!;
    expect(await matrix(w, (tx, a) => joinByCode(tx, a, code))).toEqual({
      admin: "allowed",
      instructor: "conflict",
      otherInstructor: "allowed",
      student: "conflict",
      otherStudent: "allowed",
      outsider: "allowed",
    });
    const { cohortId } = await inTx((tx) => joinByCode(tx, w.actors.outsider, code));
    expect(cohortId).toBe(w.x.id);
    expect(await roleOf(w.x.id, w.users.outsider.id)).toBe("student");
    expect((await refusalOf(inTx((tx) => joinByCode(tx, w.actors.outsider, code)))).fieldErrorKeys).toEqual({ inviteCode: "alreadyMember" });
    expect(await findInvite(getDb(), code, w.users.outsider.id)).toMatchObject({ cohortId: w.x.id, cohortName: "Kohorte X", role: "student" });
    expect(await findInvite(getDb(), code, null)).toMatchObject({ cohortId: w.x.id, role: null });
  });
});

describe("creating and editing a cohort", () => {
  it("the creator becomes its instructor, with a fresh code, in one transaction with its audit entry", async () => {
    const w = await world();
    const created = await inTx((tx) => createCohort(tx, w.actors.instructor, { courseId: w.courseA.id, ...fields() }));
    expect(created.inviteCode).toMatch(CODE);
    expect(created.inviteCode).not.toMatch(/[0O1I]/);
    expect(await roleOf(created.id, w.users.instructor.id)).toBe("instructor");
    expect((await auditOf(created.id)).map((a) => [a.action, a.actorId, a.details])).toEqual([
      ["cohort_created", w.users.instructor.id, { name: "Winter 2027" }],
    ]);
    // An admin who creates one teaches it too.
    const byAdmin = await inTx((tx) => createCohort(tx, w.actors.admin, { courseId: w.courseB.id, ...fields() }));
    expect(await roleOf(byAdmin.id, w.users.admin.id)).toBe("instructor");
  });

  it("a taken code is retried with another; the transaction goes on after the collision", async () => {
    const w = await world();
    const codes = [w.x.inviteCode!, w.y.inviteCode!, "FRESHCODE7"];
    const created = await inTx((tx) => createCohort(tx, w.actors.instructor, { courseId: w.courseA.id, ...fields() }, { code: () => codes.shift()! }));
    expect(created.inviteCode).toBe("FRESHCODE7");
    const again = ["FRESHCODE7", "FRESHCODE8"];
    expect((await inTx((tx) => regenerateInvite(tx, w.actors.instructor, w.x.id, { code: () => again.shift()! }))).inviteCode).toBe("FRESHCODE8");
    // Never a free one: it gives up instead of looping, and nothing is written.
    const stuck = inTx((tx) => createCohort(tx, w.actors.instructor, { courseId: w.courseA.id, ...fields() }, { code: () => "FRESHCODE7" }));
    await expect(stuck).rejects.toThrow();
    expect((await getDb().select().from(cohorts).where(eq(cohorts.courseId, w.courseA.id))).length).toBe(2);
  });

  it("an edit changes name, dates and zone and is recorded; a failing one records nothing", async () => {
    const w = await world();
    const next = { name: "Kohorte X (neu)", startsOn: new Date("2027-01-04T00:00:00+01:00"), endsOn: new Date("2027-03-26T23:59:00+01:00"), timeZone: "Europe/Vienna" };
    await inTx((tx) => updateCohort(tx, w.actors.instructor, w.x.id, next));
    const [row] = await getDb().select().from(cohorts).where(eq(cohorts.id, w.x.id));
    expect(row).toMatchObject(next);
    expect((await auditOf(w.x.id)).map((a) => a.action)).toEqual(["cohort_updated"]);
    // The database refuses an end before the start: the audit entry goes with the failed write.
    const backwards = { ...next, endsOn: new Date("2026-12-01T00:00:00Z") };
    await expect(inTx((tx) => updateCohort(tx, w.actors.instructor, w.x.id, backwards))).rejects.toThrow();
    expect((await auditOf(w.x.id)).map((a) => a.action)).toEqual(["cohort_updated"]);
  });

  it("a created cohort with a failure later in the same transaction leaves neither cohort nor audit entry", async () => {
    const w = await world();
    let id = "";
    await expect(
      inTx(async (tx) => {
        id = (await createCohort(tx, w.actors.instructor, { courseId: w.courseA.id, ...fields() })).id;
        throw new Error("later step failed");
      }),
    ).rejects.toThrow("later step failed");
    expect(await getDb().select().from(cohorts).where(eq(cohorts.id, id))).toEqual([]);
    expect(await getDb().select().from(auditLog).where(eq(auditLog.actorId, w.users.instructor.id))).toEqual([]);
  });

  it("the form's dates become the first and last minute of those days in the cohort's zone; the end must come after the start", () => {
    const ok = createCohortSchema.safeParse({
      courseId: "00000000-0000-4000-8000-000000000000",
      name: "  Sommer 2027 ",
      startDate: "2027-03-01",
      endDate: "2027-07-31",
      timeZone: "Europe/Berlin",
    });
    expect(ok.success && ok.data).toMatchObject({
      name: "Sommer 2027",
      startsOn: new Date("2027-02-28T23:00:00Z"),
      endsOn: new Date("2027-07-31T21:59:00Z"),
    });
    const issues = (input: Record<string, string>) => {
      const r = updateCohortSchema.safeParse({ cohortId: "00000000-0000-4000-8000-000000000000", name: "X", timeZone: "Europe/Berlin", ...input });
      return r.success ? [] : r.error.issues.map((i) => [i.path.join("."), i.message]);
    };
    expect(issues({ startDate: "2027-03-01", endDate: "2027-03-01" })).toEqual([["endDate", "cohortAdmin.endBeforeStart"]]);
    expect(issues({ startDate: "2027-03-01", endDate: "2027-02-30" })).toEqual([["endDate", "cohortAdmin.dateInvalid"]]);
    expect(issues({ startDate: "", endDate: "2027-03-01", name: " " })).toEqual([
      ["name", "cohortAdmin.nameRequired"],
      ["startDate", "cohortAdmin.dateRequired"],
    ]);
    expect(issues({ startDate: "2027-03-01", endDate: "2027-04-01", timeZone: "Mars/Olympus" })).toEqual([["timeZone", "cohortAdmin.timeZoneInvalid"]]);
    // Every error at once: a missing name does not hide the order of the dates.
    expect(issues({ name: "", startDate: "2027-03-01", endDate: "2027-02-01" })).toEqual([
      ["name", "cohortAdmin.nameRequired"],
      ["endDate", "cohortAdmin.endBeforeStart"],
    ]);
  });
});

describe("invite codes", () => {
  it("regenerating makes the old code fail to join at once", async () => {
    const w = await world();
    const old = w.x.inviteCode!;
    const { inviteCode } = await inTx((tx) => regenerateInvite(tx, w.actors.instructor, w.x.id));
    expect(inviteCode).toMatch(CODE);
    expect(inviteCode).not.toBe(old);
    const newcomer = await createUser({ name: "Neu" });
    expect((await refusalOf(inTx((tx) => joinByCode(tx, as(newcomer), old)))).fieldErrorKeys).toEqual({ inviteCode: "inviteCodeUnknown" });
    expect(await findInvite(getDb(), old, newcomer.id)).toBeNull();
    expect((await inTx((tx) => joinByCode(tx, as(newcomer), inviteCode))).cohortId).toBe(w.x.id);
    expect((await auditOf(w.x.id)).map((a) => [a.action, a.actorId])).toEqual([["invite_regenerated", w.users.instructor.id]]);
  });

  it("a disabled invite lets nobody join; enabling gives a fresh code, and repeating a switch records nothing", async () => {
    const w = await world();
    const old = w.x.inviteCode!;
    expect(await inTx((tx) => setInviteEnabled(tx, w.actors.instructor, w.x.id, false))).toEqual({ inviteCode: null });
    expect(await inTx((tx) => setInviteEnabled(tx, w.actors.instructor, w.x.id, false))).toEqual({ inviteCode: null });
    const newcomer = await createUser({ name: "Neu" });
    expect((await refusalOf(inTx((tx) => joinByCode(tx, as(newcomer), old)))).fieldErrorKeys).toEqual({ inviteCode: "inviteCodeUnknown" });
    expect(await findInvite(getDb(), old, null)).toBeNull();

    const { inviteCode } = await inTx((tx) => setInviteEnabled(tx, w.actors.admin, w.x.id, true));
    expect(inviteCode).toMatch(CODE);
    expect(inviteCode).not.toBe(old);
    expect(await inTx((tx) => setInviteEnabled(tx, w.actors.admin, w.x.id, true))).toEqual({ inviteCode });
    expect((await refusalOf(inTx((tx) => joinByCode(tx, as(newcomer), old)))).code).toBe("invalid");
    expect((await auditOf(w.x.id)).map((a) => a.action).sort()).toEqual(["invite_disabled", "invite_enabled"]);
  });
});

describe("members", () => {
  it("a second instructor by email: a student is promoted, anyone else added; unknown or already teaching is refused", async () => {
    const w = await world();
    const promote = await refusalOf(inTx((tx) => addInstructor(tx, w.actors.instructor, w.x.id, "niemand@example.test")));
    expect(promote.fieldErrorKeys).toEqual({ email: "unknownEmail" });
    expect(await inTx((tx) => addInstructor(tx, w.actors.instructor, w.x.id, w.users.student.email.toUpperCase()))).toMatchObject({
      outcome: "promoted",
      name: "Anna Berger",
    });
    expect(await roleOf(w.x.id, w.users.student.id)).toBe("instructor");
    expect(await inTx((tx) => addInstructor(tx, w.actors.admin, w.x.id, w.users.outsider.email))).toMatchObject({ outcome: "added" });
    expect(await roleOf(w.x.id, w.users.outsider.id)).toBe("instructor");
    const again = await refusalOf(inTx((tx) => addInstructor(tx, w.actors.instructor, w.x.id, w.users.outsider.email)));
    expect(again.fieldErrorKeys).toEqual({ email: "cohortAdmin.alreadyInstructor" });
    expect((await auditOf(w.x.id)).map((a) => [a.action, a.subjectId, a.details]).sort()).toEqual([
      ["instructor_added", w.users.outsider.id, { name: "Olga Außen" }],
      ["role_changed", w.users.student.id, { name: "Anna Berger", from: "student", to: "instructor" }],
    ]);
  });

  it("never oneself, never the last instructor; another instructor can go", async () => {
    const w = await world();
    expect(await refusal(inTx((tx) => removeInstructor(tx, w.actors.instructor, w.x.id, w.users.instructor.id)))).toBe("cohortAdmin.cannotRemoveSelf");
    const last = await refusalOf(inTx((tx) => removeInstructor(tx, w.actors.admin, w.x.id, w.users.instructor.id)));
    expect([last.code, last.messageKey]).toEqual(["conflict", "cohortAdmin.lastInstructor"]);
    // An instructor is not removed as a student, nor a student as an instructor.
    expect(await refusal(inTx((tx) => removeStudent(tx, w.actors.admin, w.x.id, w.users.instructor.id)))).toBe("notFound");
    expect(await refusal(inTx((tx) => removeInstructor(tx, w.actors.admin, w.x.id, w.users.student.id)))).toBe("notFound");

    await addMember(w.x.id, w.users.outsider.id, "instructor");
    expect(await inTx((tx) => removeInstructor(tx, w.actors.instructor, w.x.id, w.users.outsider.id))).toEqual({ name: "Olga Außen" });
    expect(await roleOf(w.x.id, w.users.outsider.id)).toBeNull();
    expect(await roleOf(w.x.id, w.users.instructor.id)).toBe("instructor");
    expect(await refusal(inTx((tx) => removeInstructor(tx, w.actors.admin, w.x.id, w.users.instructor.id)))).toBe("cohortAdmin.lastInstructor");
    expect((await auditOf(w.x.id)).map((a) => [a.action, a.details])).toEqual([["member_removed", { name: "Olga Außen", role: "instructor" }]]);
  });

  it("removing a student repairs the pairing, keeps their submitted review, and records who it was", async () => {
    const { cohort, instructor, students, assignment } = await pairingCohort(5);
    for (const s of students) await submitEmpathyMap(cohort.id, assignment.id, s);
    await inTx((tx) => pairNow(tx, instructor, assignment.id));
    const leaving = students[0]!;
    const [done] = await getDb().select().from(reviews).where(eq(reviews.reviewerId, leaving.id)).limit(1);
    await getDb().update(reviews).set({ status: "submitted", submittedAt: new Date() }).where(eq(reviews.id, done!.id));

    expect(await inTx((tx) => removeStudent(tx, instructor, cohort.id, leaving.id))).toEqual({ name: leaving.name });
    expect(await roleOf(cohort.id, leaving.id)).toBeNull();
    const rows = await getDb().select().from(reviews).where(eq(reviews.assignmentId, assignment.id));
    // Only the submitted review of the leaver is left; nobody waits on them, and everyone else still owes two.
    expect(rows.filter((r) => r.reviewerId === leaving.id || r.authorId === leaving.id).map((r) => r.id)).toEqual([done!.id]);
    for (const s of students.slice(1)) {
      expect(rows.filter((r) => r.reviewerId === s.id && r.kind === "duty" && r.status !== "expired").length, s.name).toBeGreaterThanOrEqual(2);
    }
    const audit = await auditOf(cohort.id);
    expect(audit.map((a) => [a.action, a.actorId, a.subjectId, a.details])).toEqual([
      ["member_removed", instructor.id, leaving.id, { name: leaving.name, role: "student" }],
    ]);
  });

  it("a review a removed instructor took from the pool goes back to the pool", async () => {
    const { cohort, instructor, students, assignment } = await pairingCohort(5);
    for (const s of students) await submitEmpathyMap(cohort.id, assignment.id, s);
    await inTx((tx) => pairNow(tx, instructor, assignment.id));
    const [noShow] = await getDb().select().from(reviews).where(eq(reviews.assignmentId, assignment.id)).limit(1);
    await getDb().update(reviews).set({ dueAt: new Date(Date.now() - 30 * HOUR) }).where(eq(reviews.id, noShow!.id));
    await sweepPairing(getDb());
    const helperRow = await createUser({ name: "Zweite Lehrkraft" });
    await addMember(cohort.id, helperRow.id, "instructor");
    const helper = as(helperRow);
    const slot = () => reservePool(getDb(), instructor.id, cohort.id).then((p) => p.items.find((i) => i.authorId === noShow!.authorId));
    const { submissionId } = (await slot())!;
    const { reviewId } = await inTx((tx) => takeFromPool(tx, helper, { assignmentId: assignment.id, submissionId }));
    expect(await slot()).toBeUndefined();

    await inTx((tx) => removeInstructor(tx, instructor, cohort.id, helperRow.id));
    expect(await getDb().select().from(reviews).where(eq(reviews.id, reviewId))).toEqual([]);
    expect((await getDb().select().from(reviews).where(eq(reviews.reviewerId, helperRow.id))).length).toBe(0);
    expect((await slot())?.missing).toBe(1);
  });

  it("promoting a student takes them out of the pairing first: their open tasks are handed on", async () => {
    const { cohort, instructor, students, assignment } = await pairingCohort(5);
    for (const s of students) await submitEmpathyMap(cohort.id, assignment.id, s);
    await inTx((tx) => pairNow(tx, instructor, assignment.id));
    const promoted = students[1]!;
    const [account] = await getDb().select({ email: users.email }).from(users).where(eq(users.id, promoted.id));
    await inTx((tx) => addInstructor(tx, instructor, cohort.id, account!.email));
    const open = await getDb().select().from(reviews).where(eq(reviews.assignmentId, assignment.id));
    expect(open.filter((r) => r.reviewerId === promoted.id || r.authorId === promoted.id)).toEqual([]);
    for (const s of students.filter((s) => s.id !== promoted.id)) {
      expect(open.filter((r) => r.reviewerId === s.id && r.kind === "duty").length, s.name).toBeGreaterThanOrEqual(2);
    }
  });

  it("lists instructors first, searches name and email literally, and pages by 50 with the total", async () => {
    const { cohort, instructor } = await pairingCohort(0);
    for (let i = 0; i < 53; i++) await addStudent(cohort.id, `Person ${String(i).padStart(2, "0")}`);
    await addStudent(cohort.id, "Zoë 100%");
    const page1 = await listMembers(getDb(), instructor, cohort.id, { q: "", page: 1 });
    expect(page1).toMatchObject({ total: 55, page: 1, pageCount: 2 });
    expect(page1.rows).toHaveLength(50);
    expect(page1.rows[0]).toMatchObject({ userId: instructor.id, role: "instructor" });
    expect(page1.rows[1]!.name).toBe("Person 00");
    const page2 = await listMembers(getDb(), instructor, cohort.id, { q: "", page: 2 });
    expect(page2.rows.map((r) => r.name)).toEqual(["Person 49", "Person 50", "Person 51", "Person 52", "Zoë 100%"]);
    // Past the end: the last page, not an empty one.
    expect((await listMembers(getDb(), instructor, cohort.id, { q: "", page: 9 })).page).toBe(2);

    expect((await listMembers(getDb(), instructor, cohort.id, { q: "person 1", page: 1 })).rows.map((r) => r.name)).toEqual([
      "Person 10",
      "Person 11",
      "Person 12",
      "Person 13",
      "Person 14",
      "Person 15",
      "Person 16",
      "Person 17",
      "Person 18",
      "Person 19",
    ]);
    // % and _ are characters here, not wildcards.
    expect((await listMembers(getDb(), instructor, cohort.id, { q: "0%", page: 1 })).rows.map((r) => r.name)).toEqual(["Zoë 100%"]);
    expect((await listMembers(getDb(), instructor, cohort.id, { q: "_", page: 1 })).total).toBe(0);
    const byEmail = page1.rows[3]!;
    expect((await listMembers(getDb(), instructor, cohort.id, { q: byEmail.email.toUpperCase(), page: 1 })).rows.map((r) => r.userId)).toEqual([
      byEmail.userId,
    ]);
    expect(await listMembers(getDb(), instructor, cohort.id, { q: "niemand", page: 3 })).toMatchObject({ rows: [], total: 0, page: 1 });
  });
});

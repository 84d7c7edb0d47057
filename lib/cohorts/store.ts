import { randomBytes } from "node:crypto";
import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { assignments, cohorts, courses, memberships, reviews, users } from "@/db/schema";
import { ActionError, isUniqueViolation } from "@/lib/actions-core";
import { leaveAllPairings, lockAssignment, removeMember } from "@/lib/pairing/store";
import { MEMBERS_PER_PAGE } from "@/lib/validation/cohort";
import { recordAudit } from "./audit";
import { actorRole, membershipRole, type Actor } from "./membership";

/**
 * Cohort management: create, edit, invite, join, members. Every function authorises on the row in
 * the caller's transaction and writes its audit entry there too; outsiders get not_found so that
 * the existence of other cohorts stays hidden.
 */

// 32 letters and digits without the look-alikes 0/O and 1/I: a byte's low five bits pick one, unbiased.
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export const INVITE_CODE_LENGTH = 10;

export function newInviteCode(): string {
  return Array.from(randomBytes(INVITE_CODE_LENGTH), (b) => ALPHABET[b & 31]).join("");
}

/**
 * Tests pass their own code source to provoke a collision. `anyCourse`: an LMS instructor linking
 * their LTI course (the platform vouches for them) may open a cohort of any course.
 */
export type CodeOptions = { code?: () => string; anyCourse?: boolean };

const CODE_ATTEMPTS = 5;

/** Runs `write` with fresh codes until one is not taken; each attempt in a savepoint, so a collision does not abort the transaction. */
async function withFreshCode<T>(tx: DbOrTx, write: (sp: DbOrTx, code: string) => Promise<T>, opts: CodeOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const code = (opts.code ?? newInviteCode)();
    try {
      return await tx.transaction((sp) => write(sp, code));
    } catch (error) {
      if (!isUniqueViolation(error, "cohorts_inviteCode_unique") || attempt >= CODE_ATTEMPTS) throw error;
    }
  }
}

async function requireInstructor(tx: DbOrTx, actor: Actor, cohortId: string): Promise<void> {
  if ((await actorRole(tx, cohortId, actor)) !== "instructor") throw new ActionError("not_found", "notFound");
}

/**
 * Serialises membership changes of one cohort (two instructors removing each other at once must not
 * leave none). NO KEY UPDATE, so inserts that reference the cohort (audit, memberships) are not blocked.
 */
async function lockCohort(tx: DbOrTx, cohortId: string): Promise<void> {
  await tx.select({ id: cohorts.id }).from(cohorts).where(eq(cohorts.id, cohortId)).for("no key update");
}

/** Courses the actor may open a cohort of: every course for admins, else those they created or teach a cohort of. */
function creatable(actor: Actor) {
  if (actor.isAdmin) return sql`true`;
  return sql`(${courses.createdBy} = ${actor.id} or exists (
    select 1 from ${cohorts} c join ${memberships} m on m.cohort_id = c.id
    where c.course_id = ${courses.id} and m.user_id = ${actor.id} and m.role = 'instructor'))`;
}

export async function cohortsCreatableCourses(db: DbOrTx, actor: Actor): Promise<Array<{ id: string; title: string }>> {
  return db
    .select({ id: courses.id, title: courses.title })
    .from(courses)
    .where(creatable(actor))
    .orderBy(asc(courses.title), asc(courses.id));
}

export type CohortFields = { name: string; startsOn: Date; endsOn: Date; timeZone: string };

/** Opens a cohort of a course; its creator becomes its instructor and joining by code is on. */
export async function createCohort(
  tx: DbOrTx,
  actor: Actor,
  input: CohortFields & { courseId: string },
  opts: CodeOptions = {},
): Promise<{ id: string; inviteCode: string }> {
  const [course] = await tx
    .select({ id: courses.id })
    .from(courses)
    .where(and(eq(courses.id, input.courseId), opts.anyCourse ? undefined : creatable(actor)))
    .limit(1);
  if (!course) throw new ActionError("not_found", "notFound");
  const cohort = await withFreshCode(
    tx,
    async (sp, inviteCode) => {
      const [row] = await sp
        .insert(cohorts)
        .values({ courseId: course.id, name: input.name, startsOn: input.startsOn, endsOn: input.endsOn, timeZone: input.timeZone, inviteCode })
        .returning({ id: cohorts.id });
      return { id: row!.id, inviteCode };
    },
    opts,
  );
  await tx.insert(memberships).values({ cohortId: cohort.id, userId: actor.id, role: "instructor" });
  await recordAudit(tx, { cohortId: cohort.id, actorId: actor.id, action: "cohort_created", details: { name: input.name } });
  return cohort;
}

/** Name, dates and time zone. The last save wins: these fields are edited rarely and by few. */
export async function updateCohort(tx: DbOrTx, actor: Actor, cohortId: string, input: CohortFields): Promise<void> {
  await requireInstructor(tx, actor, cohortId);
  await tx
    .update(cohorts)
    .set({ name: input.name, startsOn: input.startsOn, endsOn: input.endsOn, timeZone: input.timeZone })
    .where(eq(cohorts.id, cohortId));
  await recordAudit(tx, {
    cohortId,
    actorId: actor.id,
    action: "cohort_updated",
    details: { name: input.name, startsOn: input.startsOn.toISOString(), endsOn: input.endsOn.toISOString(), timeZone: input.timeZone },
  });
}

/** What the settings page shows; instructors and admins only. */
export async function cohortSettings(db: DbOrTx, actor: Actor, cohortId: string) {
  await requireInstructor(db, actor, cohortId);
  const [row] = await db
    .select({
      id: cohorts.id,
      name: cohorts.name,
      startsOn: cohorts.startsOn,
      endsOn: cohorts.endsOn,
      timeZone: cohorts.timeZone,
      inviteCode: cohorts.inviteCode,
      courseId: courses.id,
      courseTitle: courses.title,
    })
    .from(cohorts)
    .innerJoin(courses, eq(courses.id, cohorts.courseId))
    .where(eq(cohorts.id, cohortId))
    .limit(1);
  if (!row) throw new ActionError("not_found", "notFound");
  return row;
}

async function writeCode(tx: DbOrTx, cohortId: string, opts: CodeOptions): Promise<string> {
  return withFreshCode(
    tx,
    async (sp, code) => {
      await sp.update(cohorts).set({ inviteCode: code }).where(eq(cohorts.id, cohortId));
      return code;
    },
    opts,
  );
}

/** A new code; the old one stops working at once. */
export async function regenerateInvite(tx: DbOrTx, actor: Actor, cohortId: string, opts: CodeOptions = {}): Promise<{ inviteCode: string }> {
  await requireInstructor(tx, actor, cohortId);
  const inviteCode = await writeCode(tx, cohortId, opts);
  await recordAudit(tx, { cohortId, actorId: actor.id, action: "invite_regenerated" });
  return { inviteCode };
}

/** Off: no code works. On again: a fresh code, so a link shared before switching off stays dead. */
export async function setInviteEnabled(
  tx: DbOrTx,
  actor: Actor,
  cohortId: string,
  enabled: boolean,
  opts: CodeOptions = {},
): Promise<{ inviteCode: string | null }> {
  await requireInstructor(tx, actor, cohortId);
  const [current] = await tx.select({ code: cohorts.inviteCode }).from(cohorts).where(eq(cohorts.id, cohortId)).for("update");
  // Already as asked (a second tab, a double click): nothing changes and nothing is recorded.
  if (enabled === (current?.code != null)) return { inviteCode: current?.code ?? null };
  let inviteCode: string | null = null;
  if (enabled) inviteCode = await writeCode(tx, cohortId, opts);
  else await tx.update(cohorts).set({ inviteCode: null }).where(eq(cohorts.id, cohortId));
  await recordAudit(tx, { cohortId, actorId: actor.id, action: enabled ? "invite_enabled" : "invite_disabled" });
  return { inviteCode };
}

/** The cohort behind an open invite code, and the viewer's role in it (null when not a member or signed out). */
export async function findInvite(db: DbOrTx, code: string, userId: string | null) {
  const [row] = await db
    .select({ cohortId: cohorts.id, cohortName: cohorts.name, courseTitle: courses.title, role: memberships.role })
    .from(cohorts)
    .innerJoin(courses, eq(courses.id, cohorts.courseId))
    .leftJoin(memberships, and(eq(memberships.cohortId, cohorts.id), sql`${memberships.userId} = ${userId}`))
    .where(and(eq(cohorts.inviteCode, code), isNotNull(cohorts.inviteCode)))
    .limit(1);
  return row ?? null;
}

/** Joins the cohort of an open invite code as a student. */
export async function joinByCode(tx: DbOrTx, actor: Actor, inviteCode: string): Promise<{ cohortId: string; cohortName: string }> {
  const [cohort] = await tx
    .select({ id: cohorts.id, name: cohorts.name })
    .from(cohorts)
    .where(and(eq(cohorts.inviteCode, inviteCode), isNotNull(cohorts.inviteCode)))
    .limit(1);
  if (!cohort) throw new ActionError("invalid", "checkFields", { inviteCode: "inviteCodeUnknown" });
  const inserted = await tx
    .insert(memberships)
    .values({ cohortId: cohort.id, userId: actor.id, role: "student" })
    .onConflictDoNothing()
    .returning({ userId: memberships.userId });
  if (inserted.length === 0) throw new ActionError("conflict", "checkFields", { inviteCode: "alreadyMember" });
  return { cohortId: cohort.id, cohortName: cohort.name };
}


/**
 * A second instructor, by the email of an existing account: a student of the cohort is promoted
 * (and leaves the review pairing first), anyone else is added as instructor.
 */
export async function addInstructor(
  tx: DbOrTx,
  actor: Actor,
  cohortId: string,
  email: string,
  now = new Date(),
): Promise<{ userId: string; name: string; outcome: "promoted" | "added" }> {
  await lockCohort(tx, cohortId);
  await requireInstructor(tx, actor, cohortId);
  const [user] = await tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, email.toLowerCase())).limit(1);
  if (!user) throw new ActionError("invalid", "checkFields", { email: "unknownEmail" });
  const role = await membershipRole(tx, cohortId, user.id);
  if (role === "instructor") throw new ActionError("conflict", "checkFields", { email: "cohortAdmin.alreadyInstructor" });
  if (role === "student") {
    await leaveAllPairings(tx, cohortId, user.id, now);
    await tx
      .update(memberships)
      .set({ role: "instructor" })
      .where(and(eq(memberships.cohortId, cohortId), eq(memberships.userId, user.id)));
    await recordAudit(tx, {
      cohortId,
      actorId: actor.id,
      action: "role_changed",
      subjectId: user.id,
      details: { name: user.name, from: "student", to: "instructor" },
    }, now);
    return { userId: user.id, name: user.name, outcome: "promoted" };
  }
  await tx.insert(memberships).values({ cohortId, userId: user.id, role: "instructor" });
  await recordAudit(tx, { cohortId, actorId: actor.id, action: "instructor_added", subjectId: user.id, details: { name: user.name } }, now);
  return { userId: user.id, name: user.name, outcome: "added" };
}

async function memberName(tx: DbOrTx, userId: string): Promise<string> {
  const [row] = await tx.select({ name: users.name }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.name ?? "";
}

/** Removes a student: their open reviews are handed on, submitted reviews stay on record. */
export async function removeStudent(tx: DbOrTx, actor: Actor, cohortId: string, userId: string, now = new Date()): Promise<{ name: string }> {
  await lockCohort(tx, cohortId);
  await requireInstructor(tx, actor, cohortId);
  if ((await membershipRole(tx, cohortId, userId)) !== "student") throw new ActionError("not_found", "notFound");
  const name = await memberName(tx, userId);
  await removeMember(tx, actor, cohortId, userId, now);
  await recordAudit(tx, { cohortId, actorId: actor.id, action: "member_removed", subjectId: userId, details: { name, role: "student" } }, now);
  return { name };
}

/**
 * Removes another instructor; never oneself, never the last one. Reviews they took from the reserve
 * pool and have not submitted are deleted, so their submissions are back in the pool for others.
 */
export async function removeInstructor(tx: DbOrTx, actor: Actor, cohortId: string, userId: string): Promise<{ name: string }> {
  await lockCohort(tx, cohortId);
  await requireInstructor(tx, actor, cohortId);
  if (userId === actor.id) throw new ActionError("forbidden", "cohortAdmin.cannotRemoveSelf");
  if ((await membershipRole(tx, cohortId, userId)) !== "instructor") throw new ActionError("not_found", "notFound");
  const [{ instructors } = { instructors: 0 }] = await tx
    .select({ instructors: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.cohortId, cohortId), eq(memberships.role, "instructor")));
  if (instructors <= 1) throw new ActionError("conflict", "cohortAdmin.lastInstructor");
  const name = await memberName(tx, userId);
  // An instructor is in no cycle: the pool is counted from the review rows, so deleting theirs frees the slots.
  const open = await tx
    .select({ id: reviews.id, assignmentId: reviews.assignmentId })
    .from(reviews)
    .innerJoin(assignments, eq(assignments.id, reviews.assignmentId))
    .where(and(eq(assignments.cohortId, cohortId), eq(reviews.reviewerId, userId), inArray(reviews.status, ["assigned", "draft"])));
  for (const assignmentId of new Set(open.map((r) => r.assignmentId))) await lockAssignment(tx, assignmentId);
  if (open.length > 0) await tx.delete(reviews).where(inArray(reviews.id, open.map((r) => r.id)));
  await tx.delete(memberships).where(and(eq(memberships.cohortId, cohortId), eq(memberships.userId, userId)));
  await recordAudit(tx, { cohortId, actorId: actor.id, action: "member_removed", subjectId: userId, details: { name, role: "instructor" } });
  return { name };
}

export type MemberRow = { userId: string; name: string; email: string; role: "student" | "instructor"; joinedAt: Date };

/** One page of the cohort's members, instructors first, searched by name or email; the total in the same query. */
export async function listMembers(
  db: DbOrTx,
  actor: Actor,
  cohortId: string,
  query: { q: string; page: number },
): Promise<{ rows: MemberRow[]; total: number; page: number; pageCount: number }> {
  await requireInstructor(db, actor, cohortId);
  const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const where = and(
    eq(memberships.cohortId, cohortId),
    query.q ? sql`(${users.name} ilike ${pattern} or ${users.email} ilike ${pattern})` : undefined,
  );
  const list = (page: number) =>
    db
      .select({
        userId: users.id,
        name: users.name,
        email: users.email,
        role: memberships.role,
        joinedAt: memberships.joinedAt,
        total: sql<number>`count(*) over ()`.mapWith(Number),
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(where)
      .orderBy(sql`${memberships.role} = 'instructor' desc`, asc(sql`lower(${users.name})`), asc(users.id))
      .limit(MEMBERS_PER_PAGE)
      .offset((page - 1) * MEMBERS_PER_PAGE);
  let page = query.page;
  let result = await list(page);
  // Past the end (the list shrank, or a hand-typed page): show the last page instead of nothing.
  if (result.length === 0 && page > 1) {
    const [{ n } = { n: 0 }] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(where);
    page = Math.max(1, Math.ceil(n / MEMBERS_PER_PAGE));
    result = n > 0 ? await list(page) : [];
  }
  const total = result[0]?.total ?? 0;
  return {
    rows: result.map(({ total: _total, ...row }) => row),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / MEMBERS_PER_PAGE)),
  };
}

import { randomBytes } from "node:crypto";
import { and, asc, eq, isNull } from "drizzle-orm";
import { SignJWT } from "jose";
import type { DbOrTx } from "@/db";
import { assignments, cohorts, courses, lessons, ltiContexts, ltiLaunches, ltiPlatforms, memberships } from "@/db/schema";
import { ActionError } from "@/lib/actions-core";
import { createCohort } from "@/lib/cohorts/store";
import type { Actor } from "@/lib/cohorts/membership";
import { DEFAULT_TIME_ZONE } from "@/lib/validation/limits";
import { CLAIM, MESSAGE } from "./claims";
import { signingKey } from "./keys";
import { toolUrls } from "./launch";

/**
 * After a launch: the LMS course linked to a cohort (the instructor picks on the first launch),
 * where a launch leads, and deep linking (an instructor picks a lesson or assignment, which is
 * placed in the LMS course as a signed LtiDeepLinkingResponse).
 */

const COHORT_DAYS = 120;
const DAY_MS = 86_400_000;

/** The viewer's own launch with its platform, context and cohort; null for anyone else's or an expired one. */
export async function loadLaunch(db: DbOrTx, launchId: string, userId: string, now = new Date()) {
  const [row] = await db
    .select({
      launch: ltiLaunches,
      platform: { id: ltiPlatforms.id, name: ltiPlatforms.name, issuer: ltiPlatforms.issuer, clientId: ltiPlatforms.clientId },
      context: { id: ltiContexts.id, title: ltiContexts.title, cohortId: ltiContexts.cohortId },
    })
    .from(ltiLaunches)
    .innerJoin(ltiPlatforms, eq(ltiPlatforms.id, ltiLaunches.platformId))
    .leftJoin(ltiContexts, eq(ltiContexts.id, ltiLaunches.contextRowId))
    .where(and(eq(ltiLaunches.id, launchId), eq(ltiLaunches.userId, userId)))
    .limit(1);
  if (!row || row.launch.expiresAt <= now) return null;
  return row;
}

export type LoadedLaunch = NonNullable<Awaited<ReturnType<typeof loadLaunch>>>;

/** What an instructor may link an LMS course to: cohorts they teach, or a new cohort of any course. */
export async function linkChoices(db: DbOrTx, userId: string) {
  const [taught, allCourses] = await Promise.all([
    db
      .select({ id: cohorts.id, name: cohorts.name, courseTitle: courses.title })
      .from(memberships)
      .innerJoin(cohorts, eq(cohorts.id, memberships.cohortId))
      .innerJoin(courses, eq(courses.id, cohorts.courseId))
      .where(and(eq(memberships.userId, userId), eq(memberships.role, "instructor")))
      .orderBy(asc(courses.title), asc(cohorts.name)),
    db.select({ id: courses.id, title: courses.title }).from(courses).orderBy(asc(courses.title)),
  ]);
  return { cohorts: taught, courses: allCourses };
}

/**
 * Links the launch's LMS course: to a cohort the instructor teaches, or to a new cohort of a course
 * (named after the LMS course, running from today, the instructor in it). The first link wins: a
 * course linked meanwhile by a colleague stays as it is.
 */
export async function linkContext(
  tx: DbOrTx,
  actor: Actor,
  launchId: string,
  choice: { cohortId: string } | { courseId: string },
  now = new Date(),
): Promise<{ cohortId: string }> {
  const loaded = await loadLaunch(tx, launchId, actor.id, now);
  if (!loaded?.context) throw new ActionError("not_found", "notFound");
  if (loaded.launch.role !== "instructor") throw new ActionError("forbidden", "lti.instructorsOnly");
  const [context] = await tx.select().from(ltiContexts).where(eq(ltiContexts.id, loaded.context.id)).for("update");
  if (context!.cohortId) return { cohortId: context!.cohortId };

  let cohortId: string;
  if ("cohortId" in choice) {
    const [own] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.cohortId, choice.cohortId), eq(memberships.userId, actor.id)));
    if (own?.role !== "instructor") throw new ActionError("not_found", "notFound");
    cohortId = choice.cohortId;
  } else {
    const name = (context!.title || loaded.platform.name).slice(0, 120);
    ({ id: cohortId } = await createCohort(
      tx,
      actor,
      { courseId: choice.courseId, name, startsOn: now, endsOn: new Date(now.getTime() + COHORT_DAYS * DAY_MS), timeZone: DEFAULT_TIME_ZONE },
      { anyCourse: true },
    ));
  }
  await tx.update(ltiContexts).set({ cohortId }).where(and(eq(ltiContexts.id, context!.id), isNull(ltiContexts.cohortId)));
  await tx.insert(memberships).values({ cohortId, userId: actor.id, role: "instructor", joinedAt: now }).onConflictDoNothing();
  return { cohortId };
}

/** Where a resource-link launch opens: the lesson or assignment it was deep-linked to, else the cohort. */
export async function launchTarget(db: DbOrTx, cohortId: string, target: { lesson?: string; assignment?: string }): Promise<string> {
  if (target.assignment && /^[0-9a-f-]{36}$/.test(target.assignment)) {
    const [row] = await db
      .select({ slug: lessons.slug })
      .from(assignments)
      .innerJoin(lessons, eq(lessons.id, assignments.lessonId))
      .where(and(eq(assignments.id, target.assignment), eq(assignments.cohortId, cohortId)));
    if (row) return `/cohorts/${cohortId}/lessons/${row.slug}`;
  }
  if (target.lesson && /^[a-z0-9-]{1,80}$/.test(target.lesson)) return `/cohorts/${cohortId}/lessons/${target.lesson}`;
  return `/cohorts/${cohortId}`;
}

/** The cohort's lessons, and which of them carry an assignment: what deep linking offers. */
export async function deepLinkOptions(db: DbOrTx, cohortId: string) {
  return db
    .select({ slug: lessons.slug, title: lessons.title, position: lessons.position, assignmentId: assignments.id })
    .from(cohorts)
    .innerJoin(lessons, eq(lessons.courseId, cohorts.courseId))
    .leftJoin(assignments, and(eq(assignments.lessonId, lessons.id), eq(assignments.cohortId, cohorts.id)))
    .where(eq(cohorts.id, cohortId))
    .orderBy(asc(lessons.position));
}

/**
 * The signed LtiDeepLinkingResponse for one picked lesson or assignment: a resource link back to
 * /lti/launch whose custom parameter says where it leads; an assignment also asks the LMS for a
 * gradebook column (lineItem, 0–100, resourceId = the assignment).
 */
export async function deepLinkResponse(
  db: DbOrTx,
  loaded: LoadedLaunch,
  pick: { lesson: string } | { assignment: string },
  baseUrl: string,
  now = new Date(),
): Promise<{ returnUrl: string; jwt: string; title: string }> {
  const { launch, platform, context } = loaded;
  if (launch.messageType !== MESSAGE.deepLinking || !launch.deepLinkReturnUrl) throw new ActionError("invalid", "lti.notDeepLinking");
  if (launch.role !== "instructor") throw new ActionError("forbidden", "lti.instructorsOnly");
  if (!context?.cohortId) throw new ActionError("conflict", "lti.notLinked");
  const options = await deepLinkOptions(db, context.cohortId);
  const option = "lesson" in pick ? options.find((o) => o.slug === pick.lesson) : options.find((o) => o.assignmentId === pick.assignment);
  if (!option) throw new ActionError("not_found", "notFound");

  const item: Record<string, unknown> = {
    type: "ltiResourceLink",
    title: option.title,
    url: toolUrls(baseUrl).launch,
    custom: "lesson" in pick ? { werkbank_lesson: option.slug } : { werkbank_assignment: option.assignmentId },
  };
  if ("assignment" in pick) item.lineItem = { scoreMaximum: 100, label: option.title, resourceId: option.assignmentId, tag: "werkbank" };

  const { kid, key } = await signingKey(db, now);
  const claims: Record<string, unknown> = {
    nonce: randomBytes(16).toString("base64url"),
    [CLAIM.messageType]: MESSAGE.deepLinkingResponse,
    [CLAIM.version]: "1.3.0",
    [CLAIM.deploymentId]: launch.deploymentId,
    [CLAIM.contentItems]: [item],
  };
  if (launch.deepLinkData !== null) claims[CLAIM.deepLinkingData] = launch.deepLinkData;
  const jwt = await new SignJWT(claims)
    .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
    .setIssuer(platform.clientId)
    .setAudience(platform.issuer)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(Math.floor(now.getTime() / 1000) + 600)
    .setJti(randomBytes(16).toString("base64url"))
    .sign(key);
  return { returnUrl: launch.deepLinkReturnUrl, jwt, title: option.title };
}

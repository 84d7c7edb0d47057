import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { eq } from "drizzle-orm";
import { courses, lessons, memberships, users } from "@/db/schema";
import { addMember, createCohort, createCourse, createUser } from "@/lib/test/factories";

/** The database refuses what the app must never store, whatever code path tries. */
async function refused(write: () => Promise<unknown>) {
  let error: unknown;
  try {
    await write();
  } catch (e) {
    error = e;
  }
  expect(error, "the database accepted an invalid row").toBeDefined();
}

describe("schema constraints", () => {
  it("keeps emails unique and lower-case", async () => {
    const user = await createUser({ email: "same@example.test" });
    await refused(() => getDb().insert(users).values({ email: user.email, name: "Twin" }));
    await refused(() => getDb().insert(users).values({ email: "Upper@Example.test", name: "Upper" }));
  });

  it("refuses an unknown locale, an empty name and a zero session version", async () => {
    await refused(() => createUser({ locale: "fr" }));
    await refused(() => createUser({ name: "" }));
    await refused(() => createUser({ sessionVersion: 0 }));
  });

  it("orders lessons uniquely per course and refuses bad slugs", async () => {
    const { course } = await createCourse(2);
    await refused(() => getDb().insert(lessons).values({ courseId: course.id, position: 0, slug: "dupe-position", title: "X" }));
    await refused(() => getDb().insert(lessons).values({ courseId: course.id, position: 5, slug: "lesson-1", title: "X" }));
    await refused(() => getDb().insert(lessons).values({ courseId: course.id, position: -1, slug: "negative", title: "X" }));
    await refused(() => getDb().insert(lessons).values({ courseId: course.id, position: 6, slug: "Not A Slug", title: "X" }));
  });

  it("refuses cohorts that end before they start, and malformed invite codes", async () => {
    const { course } = await createCourse(1);
    await refused(() => createCohort(course.id, { startsOn: new Date(), endsOn: new Date(Date.now() - 1000) }));
    await refused(() => createCohort(course.id, { inviteCode: "lower-case" }));
    const cohort = await createCohort(course.id);
    await refused(() => createCohort(course.id, { inviteCode: cohort.inviteCode }));
  });

  it("allows one membership per user and cohort, with a known role", async () => {
    const { course } = await createCourse(1);
    const cohort = await createCohort(course.id);
    const user = await createUser();
    await addMember(cohort.id, user.id);
    await refused(() => addMember(cohort.id, user.id, "instructor"));
    await refused(() =>
      getDb()
        .insert(memberships)
        .values({ cohortId: cohort.id, userId: user.id, role: "owner" as never }),
    );
  });

  it("does not delete a course that still has cohorts", async () => {
    const { course } = await createCourse(1);
    await createCohort(course.id);
    await refused(() => getDb().delete(courses).where(eq(courses.id, course.id)));
  });
});

import { randomBytes } from "node:crypto";
import { getDb } from "@/db";
import { cohorts, courses, lessons, memberships, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";

export const TEST_PASSWORD = "correct horse battery";
let passwordHash: Promise<string> | undefined;

const unique = () => randomBytes(4).toString("hex");

export async function createUser(over: Partial<typeof users.$inferInsert> = {}) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const [user] = await getDb()
    .insert(users)
    .values({ email: `u-${unique()}@example.test`, name: "Test User", passwordHash: await passwordHash, ...over })
    .returning();
  return user!;
}

export async function createCourse(lessonCount = 2) {
  const db = getDb();
  const [course] = await db.insert(courses).values({ slug: `course-${unique()}`, title: "Testkurs" }).returning();
  const lessonRows = await db
    .insert(lessons)
    .values(
      Array.from({ length: lessonCount }, (_, i) => ({
        courseId: course!.id,
        position: i,
        slug: `lesson-${i + 1}`,
        title: `Lektion ${i + 1}`,
        bodyMd: `## Teil ${i + 1}\n\nText.`,
      })),
    )
    .returning();
  return { course: course!, lessons: lessonRows.sort((a, b) => a.position - b.position) };
}

export async function createCohort(courseId: string, over: Partial<typeof cohorts.$inferInsert> = {}) {
  const [cohort] = await getDb()
    .insert(cohorts)
    .values({
      courseId,
      name: "Testkohorte",
      startsOn: new Date(Date.now() - 86_400_000),
      endsOn: new Date(Date.now() + 30 * 86_400_000),
      inviteCode: `T${unique().toUpperCase()}`,
      ...over,
    })
    .returning();
  return cohort!;
}

export async function addMember(cohortId: string, userId: string, role: "student" | "instructor" = "student") {
  await getDb().insert(memberships).values({ cohortId, userId, role });
}

import { count, eq } from "drizzle-orm";
import { refusalOf } from "@/lib/test/refusal";
import type { ActionError } from "@/lib/actions-core";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { memberships, users } from "@/db/schema";
import { createCohort, createCourse, createUser } from "@/lib/test/factories";
import { authenticate } from "./credentials";
import { registerStudent } from "./sign-up";

async function cohortWithCode() {
  const { course } = await createCourse(1);
  return createCohort(course.id);
}

const input = (inviteCode: string, email = `new-${Math.random().toString(36).slice(2)}@example.test`) => ({
  email,
  name: "Neu",
  password: "ein langer Satz",
  inviteCode,
});

const refusal = async (promise: Promise<unknown>) => (await refusalOf(promise)).fieldErrorKeys;

describe("registerStudent", () => {
  it("creates the account and the cohort membership together, and the account can sign in", async () => {
    const cohort = await cohortWithCode();
    const data = input(cohort.inviteCode!);
    const { userId, cohortId } = await getDb().transaction((tx) => registerStudent(tx, data, "en"));
    expect(cohortId).toBe(cohort.id);
    const [member] = await getDb().select().from(memberships).where(eq(memberships.userId, userId));
    expect(member).toMatchObject({ cohortId: cohort.id, role: "student" });
    const [user] = await getDb().select().from(users).where(eq(users.id, userId));
    expect(user).toMatchObject({ locale: "en", isAdmin: false });
    expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
    expect((await authenticate(data.email, data.password, "10.9.9.9")).ok).toBe(true);
  });

  it("creates nothing for an unknown invite code or a taken email", async () => {
    const cohort = await cohortWithCode();
    const existing = await createUser();
    const [before] = await getDb().select({ n: count() }).from(users);
    expect(await refusal(getDb().transaction((tx) => registerStudent(tx, input("NOSUCHCODE"), "de")))).toEqual({
      inviteCode: "inviteCodeUnknown",
    });
    expect(await refusal(getDb().transaction((tx) => registerStudent(tx, input(cohort.inviteCode!, existing.email), "de")))).toEqual({
      email: "emailTaken",
    });
    const [after] = await getDb().select({ n: count() }).from(users);
    expect(after!.n).toBe(before!.n);
  });

  it("refuses a cohort whose invite code was switched off", async () => {
    const { course } = await createCourse(1);
    await createCohort(course.id, { inviteCode: null });
    expect(await refusal(getDb().transaction((tx) => registerStudent(tx, input("NULL"), "de")))).toEqual({
      inviteCode: "inviteCodeUnknown",
    });
  });

  it("lets exactly one of five simultaneous sign-ups with the same email through", async () => {
    const cohort = await cohortWithCode();
    const data = input(cohort.inviteCode!);
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => getDb().transaction((tx) => registerStudent(tx, data, "de"))),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) {
      if (r.status === "rejected") expect((r.reason as ActionError).fieldErrorKeys).toEqual({ email: "emailTaken" });
    }
    const rows = await getDb().select().from(users).where(eq(users.email, data.email));
    expect(rows).toHaveLength(1);
  });
});

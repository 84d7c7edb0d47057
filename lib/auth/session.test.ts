import { beforeEach, describe, expect, it, vi } from "vitest";
import { addMember, createCohort, createCourse, createUser } from "@/lib/test/factories";
import { createSession } from "./credentials";

// readSessionClaims() decrypts the cookie; here it returns the claims a real cookie would carry.
const authMock = vi.hoisted(() => vi.fn());
vi.mock("./token", () => ({ readSessionClaims: authMock }));

const { getCurrentUser, requireCohortRole, requireUser } = await import("./session");

async function signInAs(user: { id: string; sessionVersion: number }) {
  const sid = await createSession(user.id, user.sessionVersion);
  authMock.mockResolvedValue({ userId: user.id, sessionToken: sid });
}

/** next/navigation signals notFound() and redirect() by throwing errors with a digest. */
async function digestOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return String((error as { digest?: string }).digest);
  }
  return "resolved";
}

beforeEach(() => authMock.mockReset());

describe("requireUser", () => {
  it("redirects to sign-in without a session", async () => {
    authMock.mockResolvedValue(null);
    expect(await getCurrentUser()).toBeNull();
    expect(await digestOf(requireUser())).toMatch(/^NEXT_REDIRECT;replace;\/sign-in;/);
  });

  it("returns the user of a live session", async () => {
    const user = await createUser({ name: "Ada" });
    await signInAs(user);
    expect(await requireUser()).toMatchObject({ id: user.id, name: "Ada", isAdmin: false });
  });
});

describe("requireCohortRole", () => {
  it("lets members in with their role and shows everyone else a not-found page", async () => {
    const { course } = await createCourse(1);
    const cohort = await createCohort(course.id);
    const other = await createCohort(course.id);
    const student = await createUser();
    const teacher = await createUser();
    const admin = await createUser({ isAdmin: true });
    await addMember(cohort.id, student.id, "student");
    await addMember(cohort.id, teacher.id, "instructor");

    await signInAs(student);
    expect((await requireCohortRole(cohort.id)).role).toBe("student");
    expect(await digestOf(requireCohortRole(cohort.id, ["instructor"]))).toMatch(/404/);
    expect(await digestOf(requireCohortRole(other.id))).toMatch(/404/);
    expect(await digestOf(requireCohortRole("not-a-uuid"))).toMatch(/404/);

    await signInAs(teacher);
    expect((await requireCohortRole(cohort.id, ["instructor"])).role).toBe("instructor");
    expect(await digestOf(requireCohortRole(other.id, ["instructor"]))).toMatch(/404/);

    await signInAs(admin);
    expect((await requireCohortRole(other.id, ["instructor"])).role).toBe("instructor");
  });
});

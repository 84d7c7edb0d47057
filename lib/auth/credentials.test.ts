import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { authRateLimits, sessions, users } from "@/db/schema";
import { TEST_PASSWORD, createUser } from "@/lib/test/factories";
import { authenticate, createSession, deleteSession, loadSessionUser } from "./credentials";
import { ACCOUNT_LIMIT } from "./rate-limit";

const ip = () => `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

describe("authenticate", () => {
  it("accepts the right password, case-insensitively on the email", async () => {
    const user = await createUser();
    const result = await authenticate(user.email.toUpperCase(), TEST_PASSWORD, ip());
    expect(result).toMatchObject({ ok: true, user: { id: user.id, sessionVersion: 1 } });
  });

  it("tells an unknown email from a wrong password", async () => {
    const user = await createUser();
    expect(await authenticate("nobody@example.test", TEST_PASSWORD, ip())).toEqual({ ok: false, reason: "unknown_email" });
    expect(await authenticate(user.email, "wrong password!", ip())).toEqual({ ok: false, reason: "wrong_password" });
  });

  it("locks an account after five failures, even for the right password, and counts per account", async () => {
    const user = await createUser();
    const other = await createUser();
    for (let i = 0; i < ACCOUNT_LIMIT; i++) {
      expect(await authenticate(user.email, `wrong-${i}-password`, ip())).toMatchObject({ reason: "wrong_password" });
    }
    expect(await authenticate(user.email, TEST_PASSWORD, ip())).toEqual({ ok: false, reason: "rate_limited" });
    expect((await authenticate(other.email, TEST_PASSWORD, ip())).ok).toBe(true);
  });

  it("counts concurrent failures atomically: 20 at once let exactly five through to the password check", async () => {
    const user = await createUser();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => authenticate(user.email, `parallel-${i}-guess`, ip())),
    );
    const reasons = results.map((r) => (r.ok ? "ok" : r.reason));
    expect(reasons.filter((r) => r === "wrong_password")).toHaveLength(ACCOUNT_LIMIT);
    expect(reasons.filter((r) => r === "rate_limited")).toHaveLength(20 - ACCOUNT_LIMIT);
    const [row] = await getDb().select().from(authRateLimits).where(eq(authRateLimits.key, `account:${user.email}`));
    expect(row?.attempts).toBe(20);
  });

  it("forgets earlier failures after a successful sign-in", async () => {
    const user = await createUser();
    for (let i = 0; i < ACCOUNT_LIMIT - 1; i++) await authenticate(user.email, "not the password", ip());
    expect((await authenticate(user.email, TEST_PASSWORD, ip())).ok).toBe(true);
    for (let i = 0; i < ACCOUNT_LIMIT - 1; i++) await authenticate(user.email, "not the password", ip());
    expect((await authenticate(user.email, TEST_PASSWORD, ip())).ok).toBe(true);
  });

  it("starts a new window once the old one is over", async () => {
    const user = await createUser();
    for (let i = 0; i <= ACCOUNT_LIMIT; i++) await authenticate(user.email, "not the password", ip());
    expect(await authenticate(user.email, TEST_PASSWORD, ip())).toMatchObject({ reason: "rate_limited" });
    await getDb()
      .update(authRateLimits)
      .set({ windowStart: sql`now() - interval '16 minutes'` })
      .where(eq(authRateLimits.key, `account:${user.email}`));
    expect((await authenticate(user.email, TEST_PASSWORD, ip())).ok).toBe(true);
  });

  it("limits failures per IP across accounts", async () => {
    const address = ip();
    const results = [];
    for (let i = 0; i < 52; i++) results.push(await authenticate(`nobody-${i}@example.test`, "whatever-pass", address));
    expect(results.at(-1)).toEqual({ ok: false, reason: "rate_limited" });
    expect(results.filter((r) => !r.ok && r.reason === "unknown_email")).toHaveLength(50);
  });
});

describe("sessions", () => {
  it("a session is valid until it is signed out", async () => {
    const user = await createUser();
    const token = await createSession(user.id, 1);
    const claims = { userId: user.id, sessionToken: token };
    expect(await loadSessionUser(claims)).toMatchObject({ id: user.id, email: user.email, locale: "de" });
    await deleteSession(token);
    expect(await loadSessionUser(claims)).toBeNull();
  });

  it("a new session version (password change) ends every session made under the old one", async () => {
    const user = await createUser();
    const older = await createSession(user.id, 1);
    const kept = await createSession(user.id, 1);
    await getDb().update(users).set({ sessionVersion: 2 }).where(eq(users.id, user.id));
    await getDb().update(sessions).set({ sessionVersion: 2 }).where(eq(sessions.sessionToken, kept));
    expect(await loadSessionUser({ userId: user.id, sessionToken: older })).toBeNull();
    expect(await loadSessionUser({ userId: user.id, sessionToken: kept })).toMatchObject({ id: user.id });
  });

  it("refuses expired sessions, another user's token, and missing claims", async () => {
    const user = await createUser();
    const other = await createUser();
    const token = await createSession(user.id, 1);
    expect(await loadSessionUser({ userId: other.id, sessionToken: token })).toBeNull();
    expect(await loadSessionUser({ userId: user.id })).toBeNull();
    await getDb().update(sessions).set({ expires: new Date(Date.now() - 1000) }).where(eq(sessions.sessionToken, token));
    expect(await loadSessionUser({ userId: user.id, sessionToken: token })).toBeNull();
  });
});

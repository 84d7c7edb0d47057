import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { authRateLimits, sessions, users } from "@/db/schema";
import { TEST_PASSWORD, createUser } from "@/lib/test/factories";
import { authenticate, createSession, deleteSession, loadSessionUser } from "./credentials";
import { ACCOUNT_ADDRESS_LIMIT, ACCOUNT_LIMIT } from "./rate-limit";

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

  it("five failures from one address stop that address for the account, even with the right password; the owner elsewhere gets in", async () => {
    const user = await createUser();
    const other = await createUser();
    const attacker = ip();
    for (let i = 0; i < ACCOUNT_ADDRESS_LIMIT; i++) {
      expect(await authenticate(user.email, `wrong-${i}-password`, attacker)).toMatchObject({ reason: "wrong_password" });
    }
    expect(await authenticate(user.email, TEST_PASSWORD, attacker)).toEqual({ ok: false, reason: "rate_limited" });
    // The owner, from another address, is not locked out; other accounts from the attacker's address neither.
    expect((await authenticate(user.email, TEST_PASSWORD, ip())).ok).toBe(true);
    expect((await authenticate(other.email, TEST_PASSWORD, attacker)).ok).toBe(true);
    // The owner's success does not lift the attacker's block.
    expect(await authenticate(user.email, TEST_PASSWORD, attacker)).toEqual({ ok: false, reason: "rate_limited" });
  });

  it("failures spread over many addresses are bounded per account", async () => {
    const user = await createUser();
    await getDb().insert(authRateLimits).values({ key: `account:${user.email}`, attempts: ACCOUNT_LIMIT });
    expect(await authenticate(user.email, TEST_PASSWORD, ip())).toEqual({ ok: false, reason: "rate_limited" });
  });

  it("counts concurrent failures atomically: 20 at once from one address let exactly five through to the password check", async () => {
    const user = await createUser();
    const address = ip();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => authenticate(user.email, `parallel-${i}-guess`, address)),
    );
    const reasons = results.map((r) => (r.ok ? "ok" : r.reason));
    expect(reasons.filter((r) => r === "wrong_password")).toHaveLength(ACCOUNT_ADDRESS_LIMIT);
    expect(reasons.filter((r) => r === "rate_limited")).toHaveLength(20 - ACCOUNT_ADDRESS_LIMIT);
    const [row] = await getDb().select().from(authRateLimits).where(eq(authRateLimits.key, `account:${user.email}|${address}`));
    expect(row?.attempts).toBe(20);
  });

  it("forgets an address's earlier failures after a successful sign-in from it", async () => {
    const user = await createUser();
    const address = ip();
    for (let i = 0; i < ACCOUNT_ADDRESS_LIMIT - 1; i++) await authenticate(user.email, "not the password", address);
    expect((await authenticate(user.email, TEST_PASSWORD, address)).ok).toBe(true);
    for (let i = 0; i < ACCOUNT_ADDRESS_LIMIT - 1; i++) await authenticate(user.email, "not the password", address);
    expect((await authenticate(user.email, TEST_PASSWORD, address)).ok).toBe(true);
  });

  it("starts a new window once the old one is over", async () => {
    const user = await createUser();
    const address = ip();
    for (let i = 0; i <= ACCOUNT_ADDRESS_LIMIT; i++) await authenticate(user.email, "not the password", address);
    expect(await authenticate(user.email, TEST_PASSWORD, address)).toMatchObject({ reason: "rate_limited" });
    await getDb()
      .update(authRateLimits)
      .set({ windowStart: sql`now() - interval '16 minutes'` })
      .where(eq(authRateLimits.key, `account:${user.email}|${address}`));
    expect((await authenticate(user.email, TEST_PASSWORD, address)).ok).toBe(true);
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

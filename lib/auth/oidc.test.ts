import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { accounts, users } from "@/db/schema";
import { createUser } from "@/lib/test/factories";
import { signInMethods } from "./methods";
import { accountForSubject } from "./oidc";

const subject = () => `sub-${Math.random().toString(36).slice(2)}`;
const address = () => `sso-${Math.random().toString(36).slice(2)}@campus.example`;

describe("single sign-on accounts are tied to the provider's subject", () => {
  it("the first sign-in creates an account from the claims; the next finds it by the subject, whatever the email claims", async () => {
    const sub = subject();
    const email = address();
    const first = await accountForSubject({ sub, email: email.toUpperCase(), email_verified: true, name: "Mara Campus" }, null, "en");
    expect(first).toMatchObject({ ok: true, created: true });
    if (!first.ok) return;
    const [user] = await getDb().select().from(users).where(eq(users.id, first.user.id));
    expect(user).toMatchObject({ email, name: "Mara Campus", locale: "en", passwordHash: null });
    expect(user!.emailVerified).not.toBeNull();

    // The provider now claims another address (renamed, or lying): the subject decides.
    const second = await accountForSubject({ sub, email: address(), name: "Someone Else" }, null, "de");
    expect(second).toEqual({ ok: true, user: first.user, created: false });
    // No password: the settings page says how they sign in instead of offering a password change.
    expect(await signInMethods(first.user.id)).toEqual({ password: false, sso: true, lms: false });
  });

  it("never takes over an address that has an account, and refuses a provider that shares none", async () => {
    const owner = await createUser({ email: address() });
    expect(await accountForSubject({ sub: subject(), email: owner.email, email_verified: true }, null, "de")).toEqual({ ok: false, reason: "email_taken" });
    expect(await getDb().select().from(accounts).where(eq(accounts.userId, owner.id))).toHaveLength(0);
    expect(await accountForSubject({ sub: subject() }, null, "de")).toEqual({ ok: false, reason: "no_email" });
    expect(await accountForSubject({ sub: subject(), email: "not an address" }, null, "de")).toEqual({ ok: false, reason: "no_email" });
  });

  it("a signed-in user links their account once; a second subject is refused", async () => {
    const owner = await createUser({ email: address() });
    const sub = subject();
    const linked = await accountForSubject({ sub, email: "whatever@campus.example" }, owner.id, "de");
    expect(linked).toMatchObject({ ok: true, created: false, user: { id: owner.id } });
    expect(await accountForSubject({ sub }, null, "de")).toMatchObject({ ok: true, user: { id: owner.id } });
    expect(await signInMethods(owner.id)).toEqual({ password: true, sso: true, lms: false });
    expect(await accountForSubject({ sub: subject() }, owner.id, "de")).toEqual({ ok: false, reason: "other_subject" });
  });

  it("a name the provider does not give comes from the address", async () => {
    const email = `jo.doe.${Math.random().toString(36).slice(2)}@campus.example`;
    const r = await accountForSubject({ sub: subject(), email }, null, "de");
    if (!r.ok) throw new Error("refused");
    const [user] = await getDb().select({ name: users.name }).from(users).where(eq(users.id, r.user.id));
    expect(user!.name).toMatch(/^jo doe /);
  });
});

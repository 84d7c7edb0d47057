import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { SignJWT, exportJWK, generateKeyPair } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { accounts, ltiLoginStates, ltiPlatforms, users } from "@/db/schema";
import { signInMethods } from "@/lib/auth/methods";
import { createUser } from "@/lib/test/factories";
import { CLAIM, MESSAGE, werkbankRole } from "./claims";
import { ROTATION_GRACE_DAYS, publishedKeys, rotateKeys, signingKey } from "./keys";
import { LtiError, beginLogin, recordLaunch, redeemTicket, userForSubject, verifyLaunch } from "./launch";

/** A platform's key set served over HTTP, as jose's remote key set fetches it. */
let server: Server;
let jwksUrl = "";
let privateKey: CryptoKey;
beforeAll(async () => {
  const pair = await generateKeyPair("RS256", { extractable: true });
  privateKey = pair.privateKey as CryptoKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: "test-1", alg: "RS256", use: "sig" };
  server = createServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: [jwk] })));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function platform() {
  const issuer = `https://lms-${Math.random().toString(36).slice(2)}.example`;
  const [row] = await getDb()
    .insert(ltiPlatforms)
    .values({ name: "Test-LMS", issuer, clientId: "tool-1", deploymentIds: ["dep-1"], authLoginUrl: `${issuer}/auth`, authTokenUrl: `${issuer}/token`, jwksUrl })
    .returning();
  return row!;
}

type Row = Awaited<ReturnType<typeof platform>>;

async function token(p: Row, nonce: string, over: Record<string, unknown> = {}, aud: string | string[] = p.clientId) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    nonce,
    name: "Lara Lernt",
    email: "lara@uni.example",
    [CLAIM.messageType]: MESSAGE.resourceLink,
    [CLAIM.version]: "1.3.0",
    [CLAIM.deploymentId]: "dep-1",
    [CLAIM.roles]: ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"],
    [CLAIM.context]: { id: "course-1", title: "BWL 1" },
    ...over,
  })
    .setProtectedHeader({ alg: "RS256", kid: "test-1" })
    .setIssuer(p.issuer)
    .setAudience(aud)
    .setSubject("learner-1")
    .setIssuedAt(now)
    .setExpirationTime(now + 300)
    .sign(privateKey);
}

/** A login started at the tool: its state and the nonce the platform must sign. */
async function login(p: Row) {
  const { state, url } = await beginLogin(getDb(), { iss: p.issuer, login_hint: "learner-1", client_id: p.clientId, lti_deployment_id: "dep-1" }, "https://werkbank.example/lti/launch");
  const nonce = new URL(url).searchParams.get("nonce")!;
  expect(new URL(url).searchParams.get("redirect_uri")).toBe("https://werkbank.example/lti/launch");
  return { state, nonce };
}

const reason = (promise: Promise<unknown>) =>
  promise.then(
    () => "accepted",
    (e: unknown) => (e instanceof LtiError ? e.reason : String(e)),
  );

describe("LTI 1.3 launch verification", () => {
  it("accepts a proper launch once; its ticket signs in once", async () => {
    const p = await platform();
    const { state, nonce } = await login(p);
    const verified = await verifyLaunch(getDb(), { id_token: await token(p, nonce), state }, state);
    expect(verified.claims.sub).toBe("learner-1");
    const { ticket } = await recordLaunch(getDb(), verified);
    expect(await redeemTicket(getDb(), ticket)).toMatchObject({ userId: expect.any(String) });
    expect(await redeemTicket(getDb(), ticket)).toBeNull();
  });

  it("binds the state to the browser and uses it once", async () => {
    const p = await platform();
    const { state, nonce } = await login(p);
    const idToken = await token(p, nonce);
    expect(await reason(verifyLaunch(getDb(), { id_token: idToken, state }, "another-browser"))).toBe("state");
    expect(await reason(verifyLaunch(getDb(), { id_token: idToken, state }, undefined))).toBe("state");
    expect(await reason(verifyLaunch(getDb(), { id_token: idToken, state }, state))).toBe("accepted");
    expect(await reason(verifyLaunch(getDb(), { id_token: idToken, state }, state))).toBe("state");
  });

  it("refuses a nonce used before, even under a fresh state", async () => {
    const p = await platform();
    const first = await login(p);
    const idToken = await token(p, first.nonce);
    await verifyLaunch(getDb(), { id_token: idToken, state: first.state }, first.state);
    // An attacker who captured the token starts a login and makes its state carry the old nonce.
    await getDb().insert(ltiLoginStates).values({ state: "replay-state-000000000000", nonce: first.nonce, platformId: p.id, expiresAt: new Date(Date.now() + 60_000) });
    expect(await reason(verifyLaunch(getDb(), { id_token: idToken, state: "replay-state-000000000000" }, "replay-state-000000000000"))).toBe("replay");
  });

  it("checks audience and authorised party, version, message type and deployment", async () => {
    const p = await platform();
    const cases: Array<[Record<string, unknown>, string | string[], string]> = [
      [{}, "another-tool", "audience"],
      [{ azp: "another-tool" }, [p.clientId, "another-tool"], "audience"],
      [{}, [p.clientId, "another-tool"], "audience"],
      [{ [CLAIM.version]: "1.1" }, p.clientId, "version"],
      [{ [CLAIM.messageType]: "LtiSubmissionReviewRequest" }, p.clientId, "message_type"],
      [{ [CLAIM.deploymentId]: "dep-2" }, p.clientId, "deployment"],
      [{ azp: p.clientId }, [p.clientId, "another-tool"], "accepted"],
    ];
    for (const [over, aud, expected] of cases) {
      const { state, nonce } = await login(p);
      expect(await reason(verifyLaunch(getDb(), { id_token: await token(p, nonce, over, aud), state }, state)), JSON.stringify(over)).toBe(expected);
    }
  });

  it("refuses an unknown platform or deployment at login initiation", async () => {
    const p = await platform();
    expect(await reason(beginLogin(getDb(), { iss: "https://nobody.example", login_hint: "x" }, "https://w.example/lti/launch"))).toBe("unknown_platform");
    expect(await reason(beginLogin(getDb(), { iss: p.issuer, login_hint: "x", lti_deployment_id: "dep-9" }, "https://w.example/lti/launch"))).toBe("deployment");
  });
});

describe("LTI users and roles", () => {
  it("finds people by the platform's subject, never by the email it claims", async () => {
    const p = await platform();
    const owner = await createUser({ email: `owner-${Math.random().toString(36).slice(2)}@uni.example` });
    const id = await userForSubject(getDb(), p.id, { sub: "sub-1", name: "Someone", email: owner.email });
    expect(id).not.toBe(owner.id);
    const [created] = await getDb().select().from(users).where(eq(users.id, id));
    expect(created!.email).toMatch(/^lti-[0-9a-f]{20}@lti\.invalid$/);
    expect(await userForSubject(getDb(), p.id, { sub: "sub-1", email: "changed@uni.example" })).toBe(id);
    const linked = await getDb().select().from(accounts).where(eq(accounts.userId, id));
    expect(linked).toEqual([expect.objectContaining({ provider: `lti:${p.id}`, providerAccountId: "sub-1" })]);
    expect(await signInMethods(id)).toEqual({ password: false, sso: false, lms: true });
  });

  it("maps LTI roles: instructors, administrators, teaching assistants teach; the rest learn", () => {
    const v2 = "http://purl.imsglobal.org/vocab/lis/v2/membership";
    expect(werkbankRole([`${v2}#Instructor`])).toBe("instructor");
    expect(werkbankRole([`${v2}/Instructor#TeachingAssistant`])).toBe("instructor");
    expect(werkbankRole(["Administrator"])).toBe("instructor");
    expect(werkbankRole([`${v2}#Learner`, `${v2}#Mentor`])).toBe("student");
    expect(werkbankRole(undefined)).toBe("student");
  });
});

describe("the tool's signing keys", () => {
  it("rotate without downtime: the old key stays published through the grace period", async () => {
    const db = getDb();
    const before = await signingKey(db);
    const { kid } = await rotateKeys(db);
    expect((await signingKey(db)).kid).toBe(kid);
    const now = (await publishedKeys(db)).map((k) => k.kid);
    expect(now).toEqual(expect.arrayContaining([before.kid, kid]));
    const later = new Date(Date.now() + (ROTATION_GRACE_DAYS + 1) * 86_400_000);
    const afterGrace = (await publishedKeys(db, later)).map((k) => k.kid);
    expect(afterGrace).toContain(kid);
    expect(afterGrace).not.toContain(before.kid);
    for (const key of await publishedKeys(db)) expect(key).not.toHaveProperty("d");
  });
});

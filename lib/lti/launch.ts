import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, lt } from "drizzle-orm";
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from "jose";
import type { DbOrTx } from "@/db";
import { accounts, ltiContexts, ltiLaunches, ltiLoginStates, ltiNonces, ltiPlatforms, memberships, users } from "@/db/schema";
import { isUniqueViolation } from "@/lib/actions-core";
import { emailSchema, nameSchema } from "@/lib/validation/auth";
import { CLAIM, MESSAGE, werkbankRole } from "./claims";

/**
 * An LTI 1.3 launch, as the platform (LMS) drives it: third-party login initiation at /lti/login,
 * the browser sent to the platform's authorisation endpoint with a state (also in a cookie of this
 * browser) and a nonce, and the signed id_token posted back to /lti/launch. Everything the spec
 * asks of the tool is checked here: the signature against the platform's key set, iss, aud/azp,
 * exp, the nonce (bound to the state, used once), the deployment id, the message type and version.
 * A verified launch becomes a launch row with a one-time ticket that starts the Werkbank session.
 */

export type LtiRefusal =
  | "unknown_platform"
  | "ambiguous_platform"
  | "state"
  | "signature"
  | "expired"
  | "audience"
  | "issuer"
  | "nonce"
  | "replay"
  | "deployment"
  | "message_type"
  | "version"
  | "claims";

export class LtiError extends Error {
  constructor(readonly reason: LtiRefusal) {
    super(`LTI launch refused: ${reason}`);
  }
}

const LOGIN_TTL_MS = 10 * 60_000;
/** A launch's ticket and deep-linking return stay usable this long (the instructor picks an item meanwhile). */
const LAUNCH_TTL_MS = 60 * 60_000;

/** The URLs an LMS administrator pastes when adding Werkbank as a tool. */
export function toolUrls(baseUrl: string) {
  const base = baseUrl.replace(/\/+$/, "");
  return {
    login: `${base}/lti/login`,
    launch: `${base}/lti/launch`,
    deepLink: `${base}/lti/launch`,
    jwks: `${base}/.well-known/jwks.json`,
    domain: new URL(base).host,
  };
}

/** The cookie that binds a login's state to the browser that started it (one per login in flight). */
export function stateCookieName(state: string): string {
  return `lti_state_${state.slice(0, 12)}`;
}

type Platform = typeof ltiPlatforms.$inferSelect;

/**
 * Third-party login initiation: finds the registered platform (by issuer, and client id when the
 * platform sends one), remembers a state and nonce, and returns the authorisation request URL.
 */
export async function beginLogin(
  db: DbOrTx,
  params: { iss?: string; login_hint?: string; target_link_uri?: string; lti_message_hint?: string; client_id?: string; lti_deployment_id?: string },
  launchUrl: string,
  now = new Date(),
): Promise<{ url: string; state: string }> {
  if (!params.iss || !params.login_hint) throw new LtiError("claims");
  const rows = await db
    .select()
    .from(ltiPlatforms)
    .where(params.client_id ? and(eq(ltiPlatforms.issuer, params.iss), eq(ltiPlatforms.clientId, params.client_id)) : eq(ltiPlatforms.issuer, params.iss))
    .limit(2);
  if (rows.length === 0) throw new LtiError("unknown_platform");
  if (rows.length > 1) throw new LtiError("ambiguous_platform");
  const platform = rows[0]!;
  if (params.lti_deployment_id && !platform.deploymentIds.includes(params.lti_deployment_id)) throw new LtiError("deployment");

  const state = randomBytes(24).toString("base64url");
  const nonce = randomBytes(24).toString("base64url");
  // Old states are swept on the way (a login abandoned at the LMS leaves one behind).
  await db.delete(ltiLoginStates).where(lt(ltiLoginStates.expiresAt, now));
  await db.insert(ltiLoginStates).values({ state, nonce, platformId: platform.id, expiresAt: new Date(now.getTime() + LOGIN_TTL_MS) });

  const url = new URL(platform.authLoginUrl);
  const query: Record<string, string> = {
    scope: "openid",
    response_type: "id_token",
    response_mode: "form_post",
    prompt: "none",
    client_id: platform.clientId,
    redirect_uri: launchUrl,
    login_hint: params.login_hint,
    state,
    nonce,
  };
  if (params.lti_message_hint) query.lti_message_hint = params.lti_message_hint;
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  return { url: url.toString(), state };
}

const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

/** The platform's key set, fetched and cached by jose (refetched when a token names an unknown kid). */
function keySet(jwksUrl: string) {
  let set = keySets.get(jwksUrl);
  if (!set) {
    set = createRemoteJWKSet(new URL(jwksUrl), { cooldownDuration: 5_000 });
    keySets.set(jwksUrl, set);
  }
  return set;
}

export type VerifiedLaunch = { platform: Platform; claims: JWTPayload & Record<string, unknown> };

/** Verifies a posted id_token against the state it claims and the browser's cookie for that state. */
export async function verifyLaunch(
  db: DbOrTx,
  form: { id_token?: string; state?: string },
  cookieState: string | undefined,
  now = new Date(),
): Promise<VerifiedLaunch> {
  const { id_token: idToken, state } = form;
  if (!idToken || !state || !cookieState || cookieState !== state) throw new LtiError("state");
  const [login] = await db.delete(ltiLoginStates).where(eq(ltiLoginStates.state, state)).returning();
  if (!login || login.expiresAt <= now) throw new LtiError("state");
  const [platform] = await db.select().from(ltiPlatforms).where(eq(ltiPlatforms.id, login.platformId));
  if (!platform) throw new LtiError("unknown_platform");

  let claims: JWTPayload & Record<string, unknown>;
  try {
    ({ payload: claims } = await jwtVerify(idToken, keySet(platform.jwksUrl), {
      issuer: platform.issuer,
      audience: platform.clientId,
      algorithms: ["RS256", "RS384", "RS512", "ES256"],
      currentDate: now,
      clockTolerance: 5,
      requiredClaims: ["exp", "iat", "sub", "nonce"],
    }));
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw new LtiError("expired");
    if (error instanceof joseErrors.JWTClaimValidationFailed) {
      if (error.claim === "aud") throw new LtiError("audience");
      if (error.claim === "iss") throw new LtiError("issuer");
      throw new LtiError("claims");
    }
    throw new LtiError("signature");
  }
  // Several audiences: the authorised party must be this tool.
  const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if ((aud.length > 1 || claims.azp !== undefined) && claims.azp !== platform.clientId) throw new LtiError("audience");
  if (claims.nonce !== login.nonce) throw new LtiError("nonce");
  try {
    await db.insert(ltiNonces).values({ platformId: platform.id, nonce: String(claims.nonce), expiresAt: new Date((claims.exp ?? 0) * 1000 + 60_000) });
  } catch (error) {
    if (isUniqueViolation(error)) throw new LtiError("replay");
    throw error;
  }
  await db.delete(ltiNonces).where(lt(ltiNonces.expiresAt, now));

  if (claims[CLAIM.version] !== "1.3.0") throw new LtiError("version");
  const type = claims[CLAIM.messageType];
  if (type !== MESSAGE.resourceLink && type !== MESSAGE.deepLinking) throw new LtiError("message_type");
  const deployment = claims[CLAIM.deploymentId];
  if (typeof deployment !== "string" || !platform.deploymentIds.includes(deployment)) throw new LtiError("deployment");
  return { platform, claims };
}

type Claims = VerifiedLaunch["claims"];

const str = (v: unknown): string | undefined => (typeof v === "string" && v.trim() ? v.trim() : undefined);
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** The provider name of a platform's users in the accounts table: one subject space per platform. */
export function ltiProvider(platformId: string): string {
  return `lti:${platformId}`;
}

/**
 * The Werkbank user behind a platform subject: found by (platform, sub) only — never by the email the
 * platform claims. A new subject gets an account with the platform's name and, when no account has
 * it yet, its email (for notifications); otherwise an address that cannot receive mail.
 */
export async function userForSubject(db: DbOrTx, platformId: string, person: { sub: string; name?: unknown; email?: unknown }): Promise<string> {
  const provider = ltiProvider(platformId);
  const find = async () =>
    (await db.select({ userId: accounts.userId }).from(accounts).where(and(eq(accounts.provider, provider), eq(accounts.providerAccountId, person.sub))).limit(1))[0]
      ?.userId;
  const found = await find();
  if (found) return found;

  const claimed = emailSchema.safeParse(str(person.email) ?? "");
  const taken = claimed.success && (await db.select({ id: users.id }).from(users).where(eq(users.email, claimed.data)).limit(1)).length > 0;
  const synthetic = `lti-${createHash("sha256").update(`${platformId}:${person.sub}`).digest("hex").slice(0, 20)}@lti.invalid`;
  const name = nameSchema.safeParse(str(person.name) ?? "");
  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ email: claimed.success && !taken ? claimed.data : synthetic, name: name.success ? name.data : "LMS", passwordHash: null })
        .returning({ id: users.id });
      await tx.insert(accounts).values({ userId: user!.id, type: "lti", provider, providerAccountId: person.sub });
      return user!.id;
    });
  } catch (error) {
    // The same person launching twice at once (or a roster sync meanwhile): the other insert won.
    if (!isUniqueViolation(error)) throw error;
    const raced = await find();
    if (raced) return raced;
    throw error;
  }
}

/** What a launch's claims say about its LMS course: the context row, refreshed with the service URLs of this launch. */
async function upsertContext(db: DbOrTx, platformId: string, claims: Claims) {
  const context = obj(claims[CLAIM.context]);
  const contextId = str(context.id);
  if (!contextId) return null;
  const nrps = obj(claims[CLAIM.nrps]);
  const ags = obj(claims[CLAIM.ags]);
  const values = {
    deploymentId: String(claims[CLAIM.deploymentId]),
    title: (str(context.title) ?? str(context.label) ?? "").slice(0, 200),
    membershipsUrl: str(nrps.context_memberships_url) ?? null,
    lineItemsUrl: str(ags.lineitems) ?? null,
    agsScopes: Array.isArray(ags.scope) ? ags.scope.filter((s): s is string => typeof s === "string") : [],
  };
  const [row] = await db
    .insert(ltiContexts)
    .values({ platformId, contextId, ...values })
    .onConflictDoUpdate({ target: [ltiContexts.platformId, ltiContexts.contextId], set: values })
    .returning();
  return row!;
}

/**
 * Turns a verified launch into Werkbank facts: the user (by subject), their role, the context (and,
 * once it is linked to a cohort, their membership there with the LMS role), and a launch row whose
 * ticket starts the browser session.
 */
export async function recordLaunch(db: DbOrTx, { platform, claims }: VerifiedLaunch, now = new Date()): Promise<{ ticket: string; launchId: string }> {
  const sub = String(claims.sub);
  const name = str(claims.name) ?? ([str(claims.given_name), str(claims.family_name)].filter(Boolean).join(" ") || undefined);
  const userId = await userForSubject(db, platform.id, { sub, name, email: claims.email });
  const role = werkbankRole(claims[CLAIM.roles]);
  const context = await upsertContext(db, platform.id, claims);
  if (context?.cohortId) {
    await db.insert(memberships).values({ cohortId: context.cohortId, userId, role, joinedAt: now }).onConflictDoNothing();
  }
  const custom = obj(claims[CLAIM.custom]);
  const target: { lesson?: string; assignment?: string } = {};
  if (str(custom.werkbank_lesson)) target.lesson = str(custom.werkbank_lesson);
  if (str(custom.werkbank_assignment)) target.assignment = str(custom.werkbank_assignment);
  const settings = obj(claims[CLAIM.deepLinkingSettings]);
  const ticket = randomBytes(24).toString("base64url");
  const [launch] = await db
    .insert(ltiLaunches)
    .values({
      ticket,
      platformId: platform.id,
      contextRowId: context?.id ?? null,
      userId,
      role,
      messageType: String(claims[CLAIM.messageType]),
      deploymentId: String(claims[CLAIM.deploymentId]),
      target,
      deepLinkReturnUrl: str(settings.deep_link_return_url) ?? null,
      deepLinkData: typeof settings.data === "string" ? settings.data : null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + LAUNCH_TTL_MS),
    })
    .returning({ id: ltiLaunches.id });
  await db.delete(ltiLaunches).where(lt(ltiLaunches.expiresAt, now));
  return { ticket, launchId: launch!.id };
}

/** Uses a launch's ticket once: the user it signs in, or null (unknown, used, expired). */
export async function redeemTicket(db: DbOrTx, ticket: string, now = new Date()): Promise<{ userId: string; launchId: string } | null> {
  if (!/^[A-Za-z0-9_-]{32}$/.test(ticket)) return null;
  const [row] = await db
    .update(ltiLaunches)
    .set({ ticketUsedAt: now })
    .where(and(eq(ltiLaunches.ticket, ticket), isNull(ltiLaunches.ticketUsedAt), gt(ltiLaunches.expiresAt, now)))
    .returning({ userId: ltiLaunches.userId, launchId: ltiLaunches.id });
  return row ?? null;
}

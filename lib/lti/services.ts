import { randomBytes } from "node:crypto";
import { SignJWT } from "jose";
import type { DbOrTx } from "@/db";
import type { ltiPlatforms } from "@/db/schema";
import { signingKey } from "./keys";

/**
 * Calls to LTI Advantage services (Names and Role Provisioning, Assignment and Grade): an OAuth2
 * access token from the platform's token endpoint by client credentials with a signed JWT assertion
 * (RFC 7523, as the LTI security framework asks), kept until shortly before it expires.
 */

export const SCOPE = {
  memberships: "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly",
  lineItem: "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
  score: "https://purl.imsglobal.org/spec/lti-ags/scope/score",
} as const;

type Platform = Pick<typeof ltiPlatforms.$inferSelect, "id" | "clientId" | "authTokenUrl">;

export class ServiceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ServiceError";
  }
}

const TIMEOUT_MS = 15_000;
const tokens = new Map<string, { token: string; until: number }>();

export async function serviceToken(db: DbOrTx, platform: Platform, scopes: string[], now = new Date()): Promise<string> {
  const cacheKey = `${platform.id} ${[...scopes].sort().join(" ")}`;
  const cached = tokens.get(cacheKey);
  if (cached && cached.until > now.getTime()) return cached.token;

  const { kid, key } = await signingKey(db, now);
  const iat = Math.floor(now.getTime() / 1000);
  const assertion = await new SignJWT({})
    .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
    .setIssuer(platform.clientId)
    .setSubject(platform.clientId)
    .setAudience(platform.authTokenUrl)
    .setIssuedAt(iat)
    .setExpirationTime(iat + 300)
    .setJti(randomBytes(16).toString("base64url"))
    .sign(key);
  const response = await fetch(platform.authTokenUrl, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
      client_assertion: assertion,
      scope: scopes.join(" "),
    }),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const body = (await response.json().catch(() => ({}))) as { access_token?: string; expires_in?: number; error?: string };
  if (!response.ok || !body.access_token) throw new ServiceError(`token endpoint answered ${response.status}${body.error ? ` (${body.error})` : ""}`);
  const lifetime = Math.max(60, Number(body.expires_in ?? 3600)) * 1000;
  tokens.set(cacheKey, { token: body.access_token, until: now.getTime() + lifetime - 60_000 });
  return body.access_token;
}

/** A call to a service with the token; a non-2xx answer is a ServiceError naming the status. */
export async function callService(url: string, token: string, init: { method?: string; accept?: string; contentType?: string; body?: unknown } = {}): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (init.accept) headers.accept = init.accept;
  if (init.contentType) headers["content-type"] = init.contentType;
  const response = await fetch(url, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!response.ok) throw new ServiceError(`${init.method ?? "GET"} ${new URL(url).pathname} answered ${response.status}`);
  return response;
}

/** The next page of a paged service answer (RFC 8288 Link header, rel="next"). */
export function nextPage(response: Response): string | null {
  const link = response.headers.get("link");
  if (!link) return null;
  for (const part of link.split(",")) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/i.exec(part.trim());
    if (m) return m[1]!;
  }
  return null;
}

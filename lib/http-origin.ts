/**
 * The origin the browser used. AUTH_URL when set (a fixed public URL behind a proxy); otherwise the
 * forwarded headers Next sets on every request (Host, or a proxy's X-Forwarded-Host/-Proto). The
 * request's own URL is not it: the standalone server builds that from the address it listens on
 * (http://0.0.0.0:3000).
 */
export function browserOrigin(request: Request, env: Record<string, string | undefined> = process.env): string {
  return originOf(request.headers, request.url, env);
}

/** browserOrigin from a request's headers alone (in a server action: `headers()`). */
export function originOf(headers: Headers, url = "http://localhost:3000", env: Record<string, string | undefined> = process.env): string {
  const fixed = env.AUTH_URL ?? env.NEXTAUTH_URL;
  if (fixed) return new URL(fixed).origin;
  const own = new URL(url);
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (!host) return own.origin;
  const proto = (headers.get("x-forwarded-proto") ?? own.protocol).replace(/:$/, "").split(",")[0]!.trim();
  try {
    return new URL(`${proto}://${host.split(",")[0]!.trim()}`).origin;
  } catch {
    return own.origin;
  }
}

// Shared by proxy.ts and the pages: reads the cookie, no crypto and no server-only imports.

/** next-auth's session cookie: `__Secure-` over https. A large token is split into `.0`, `.1`, … chunks. */
export const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

type Jar = { get(name: string): { value: string } | undefined; has(name: string): boolean };

export function sessionCookieValue(jar: Jar, name: string): string | undefined {
  const whole = jar.get(name)?.value;
  if (whole) return whole;
  let joined = "";
  for (let i = 0; jar.has(`${name}.${i}`); i++) joined += jar.get(`${name}.${i}`)!.value;
  return joined || undefined;
}

/** Whether the request carries a session cookie at all: the proxy's optimistic check, no crypto. */
export function hasSessionCookie(jar: Jar): boolean {
  return SESSION_COOKIES.some((name) => sessionCookieValue(jar, name) !== undefined);
}


/**
 * When PostgreSQL cannot be reached. The first request that finds out marks the database as down;
 * for the next few seconds the proxy answers page requests itself — 503 with Retry-After and a page
 * that says what is going on and reloads — instead of letting each one wait for the connect timeout
 * and end in an error. After that window one request tries again; the first success clears the mark,
 * so Werkbank recovers without a restart. The state is per process (each app server finds out itself).
 */

export const RETRY_AFTER_SECONDS = 5;

type State = { down: boolean; lastFailure: number };
const globalForOutage = globalThis as unknown as { __werkbankOutage?: State };
const state = (): State => (globalForOutage.__werkbankOutage ??= { down: false, lastFailure: 0 });

// postgres.js connection errors, and PostgreSQL's "connection exception" and shutdown classes.
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "57P01",
  "57P02",
  "57P03",
]);

/** Whether an error (or one it wraps, as Drizzle's query errors do) says the database is unreachable. */
export function isDatabaseUnreachable(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && (UNREACHABLE_CODES.has(code) || code.startsWith("08"))) return true;
    const errors = (e as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnreachable(inner))) return true;
  }
  return false;
}

/** Notes a failed database call; true when it was an outage (and the mark is set). */
export function noteDatabaseError(error: unknown, now = Date.now()): boolean {
  if (!isDatabaseUnreachable(error)) return false;
  const s = state();
  s.down = true;
  s.lastFailure = now;
  return true;
}

export function noteDatabaseReachable(): void {
  state().down = false;
}

/** Whether to answer "unavailable" without trying: marked down less than RETRY_AFTER_SECONDS ago. */
export function databaseMarkedDown(now = Date.now()): boolean {
  const s = state();
  return s.down && now - s.lastFailure < RETRY_AFTER_SECONDS * 1000;
}

const TEXT = {
  de: {
    title: "Werkbank erreicht seine Datenbank gerade nicht",
    body: "Wir versuchen es weiter. Deine gespeicherte Arbeit ist sicher; diese Seite lädt sich in ein paar Sekunden von selbst neu.",
    again: "Jetzt neu laden",
  },
  en: {
    title: "Werkbank can’t reach its database right now",
    body: "We keep trying. Your saved work is safe; this page reloads itself in a few seconds.",
    again: "Reload now",
  },
} as const;

export function outageText(locale: "de" | "en") {
  return TEXT[locale];
}

/** The page the proxy answers with while the database is marked down: no script, reloads itself. */
export function outageResponse(locale: "de" | "en", path: string): Response {
  const t = TEXT[locale];
  const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS}"><title>${escape(t.title)} · Werkbank</title>
<style>body{margin:0;font:16px/1.6 ui-sans-serif,system-ui,sans-serif;color:#1f2328;background:#f7f6f3}
main{max-width:32rem;margin:0 auto;padding:20vh 1.5rem 0;text-align:center}h1{font-size:1.5rem;line-height:1.3;margin:0 0 .75rem}
p{color:#5b6169;margin:0 0 1.5rem}a{display:inline-block;border:1px solid #e3e1dc;background:#fff;border-radius:.5rem;padding:.5rem 1rem;color:#1f2328;text-decoration:none;font-weight:500}</style>
</head><body><main id="main"><h1>${escape(t.title)}</h1><p role="status">${escape(t.body)}</p><a href="${escape(path)}">${escape(t.again)}</a></main></body></html>`;
  return new Response(html, {
    status: 503,
    headers: { "content-type": "text/html; charset=utf-8", "retry-after": String(RETRY_AFTER_SECONDS), "cache-control": "no-store" },
  });
}

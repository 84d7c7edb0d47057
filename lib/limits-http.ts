/** The most a server action may send (next.config.ts, proxy.ts): bytes. */
export const ACTION_BODY_LIMIT = 2 * 1024 * 1024;

const TOO_LARGE = {
  de: "Das ist zu groß zum Speichern: höchstens 2 MB auf einmal. Es wurde nichts gespeichert.",
  en: "That is too large to save: at most 2 MB at a time. Nothing was saved.",
} as const;

/** The answer to an action whose body is over the limit: 413 with a message in the visitor's language. */
export function tooLargeResponse(locale: "de" | "en"): Response {
  return new Response(TOO_LARGE[locale], { status: 413, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}

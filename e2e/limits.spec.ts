import { expect, test } from "@playwright/test";

/**
 * A server action larger than any form sends (a crafted 5 MB forum post) is answered with a message
 * in the visitor's language (413), not a bare 500; the forms' own limits (a post's 20,000 characters,
 * a lesson's 100,000, a canvas's 256 KB) stay well below it.
 */
test("a 5 MB server action gets 413 with a message, in German and in English", async ({ request }) => {
  const body = JSON.stringify([null, { cohortId: "x", threadId: "y", body: "x".repeat(5 * 1024 * 1024) }]);
  for (const [language, text] of [
    ["de-DE,de;q=0.9", "Das ist zu groß zum Speichern: höchstens 2 MB auf einmal. Es wurde nichts gespeichert."],
    ["en-GB,en;q=0.9", "That is too large to save: at most 2 MB at a time. Nothing was saved."],
  ] as const) {
    const res = await request.post("/sign-in", {
      headers: { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8", "accept-language": language },
      data: body,
    });
    expect(res.status()).toBe(413);
    expect(await res.text()).toBe(text);
  }
});

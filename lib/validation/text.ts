import { z } from "zod";

/**
 * What no user text may hold: NUL, which PostgreSQL's text and jsonb refuse ("invalid byte sequence
 * for encoding UTF8: 0x00"), and UTF-16 surrogates without their pair, which no encoding can store.
 * Every schema of user-written text starts from `userText()`, so such input gets a clear message at
 * its field before anything reaches the database.
 */
const INVALID = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function hasInvalidCharacters(text: string): boolean {
  return INVALID.test(text);
}

export const userText = () => z.string().refine((text) => !hasInvalidCharacters(text), "textInvalidCharacters");

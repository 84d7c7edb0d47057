import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage } from "./locales";

describe("localeFromAcceptLanguage", () => {
  it.each([
    ["de-DE,de;q=0.9,en;q=0.8", "de"],
    ["en-GB,en;q=0.9", "en"],
    ["fr-FR,fr;q=0.9,en;q=0.5,de;q=0.7", "de"],
    ["fr, es", null],
    ["en;q=0, de;q=0.1", "de"],
    ["", null],
    [null, null],
  ])("%j → %j", (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});

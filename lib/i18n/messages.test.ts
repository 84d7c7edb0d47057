import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import de from "./messages/de.json";
import en from "./messages/en.json";

function keys(obj: Record<string, unknown>, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === "object" ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe("message catalogs", () => {
  it("German and English have the same keys, none empty", () => {
    expect(keys(de).sort()).toEqual(keys(en).sort());
    for (const catalog of [de, en]) {
      for (const key of keys(catalog)) {
        const value = key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], catalog);
        expect(String(value).trim(), key).not.toBe("");
      }
    }
  });

  it("has a message for every error key the validation code can produce", () => {
    const sources = ["lib/validation/auth.ts", "lib/canvas/validate.ts"].map((f) => readFileSync(f, "utf8")).join("\n");
    const used = new Set([...sources.matchAll(/"((?:canvas|password|email|name|inviteCode)[A-Z][A-Za-z]+)"/g)].map((m) => m[1]!));
    expect(used.size).toBeGreaterThan(10);
    for (const key of used) expect(Object.keys(en.errors), key).toContain(key);
  });
});

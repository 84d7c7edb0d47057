import { describe, expect, it } from "vitest";
import { readEnv, shouldSeed } from "./env";

describe("readEnv", () => {
  it("runs the embedded default with nothing set, and seeds it", () => {
    const env = readEnv({ NODE_ENV: "production" });
    expect(env).toMatchObject({ PORT: 3000, DATABASE_URL: undefined });
    expect(shouldSeed(env)).toBe(true);
  });

  it("stops production start-up on PostgreSQL without AUTH_SECRET, saying what to do", () => {
    expect(() => readEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://db/werkbank" })).toThrow(/AUTH_SECRET is not set/);
  });

  it("accepts PostgreSQL with a secret and does not seed it unless asked", () => {
    const base = { NODE_ENV: "production", DATABASE_URL: "postgres://db/werkbank", AUTH_SECRET: "x".repeat(44) } as const;
    expect(shouldSeed(readEnv(base))).toBe(false);
    expect(shouldSeed(readEnv({ ...base, WERKBANK_SEED: "1" }))).toBe(true);
  });

  it("names every invalid variable", () => {
    expect(() => readEnv({ NODE_ENV: "test", DATABASE_URL: "mysql://x", PORT: "99999", AUTH_SECRET: "short" })).toThrow(
      /DATABASE_URL[\s\S]*AUTH_SECRET[\s\S]*PORT|DATABASE_URL[\s\S]*PORT/,
    );
  });
});

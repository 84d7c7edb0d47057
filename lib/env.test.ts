import { describe, expect, it } from "vitest";
import { oidcSettingsFromEnv } from "./auth/oidc";
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

  it("single sign-on is on only with issuer, client id and secret together; a half configuration stops start-up", () => {
    const sso = { AUTH_OIDC_ISSUER: "https://login.uni.example/realms/lehre/", AUTH_OIDC_ID: "werkbank", AUTH_OIDC_SECRET: "s3cret" };
    expect(readEnv({ NODE_ENV: "test", ...sso })).toMatchObject(sso);
    expect(oidcSettingsFromEnv(sso)).toEqual({ issuer: "https://login.uni.example/realms/lehre", clientId: "werkbank", clientSecret: "s3cret", label: "Single Sign-on" });
    expect(oidcSettingsFromEnv({ ...sso, AUTH_OIDC_LABEL: "Uni-Login" })?.label).toBe("Uni-Login");
    // Without all three the sign-in page shows no button.
    expect(oidcSettingsFromEnv({ AUTH_OIDC_ISSUER: sso.AUTH_OIDC_ISSUER, AUTH_OIDC_ID: "werkbank" })).toBeNull();
    expect(oidcSettingsFromEnv({})).toBeNull();
    expect(() => readEnv({ NODE_ENV: "test", AUTH_OIDC_ISSUER: sso.AUTH_OIDC_ISSUER })).toThrow(/AUTH_OIDC_ISSUER, AUTH_OIDC_ID and AUTH_OIDC_SECRET together/);
    expect(() => readEnv({ NODE_ENV: "test", ...sso, AUTH_OIDC_ISSUER: "login.uni.example" })).toThrow(/AUTH_OIDC_ISSUER/);
  });
});

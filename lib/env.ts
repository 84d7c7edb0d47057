import { z } from "zod";

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://").optional(),
  DATABASE_DIRECT_URL: z.string().regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://").optional(),
  DATABASE_REPLICA_URL: z.string().regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://").optional(),
  DATABASE_PREPARE: z.enum(["0", "1"]).optional(),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  PGLITE_DIR: z.string().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  WERKBANK_SEED: z.enum(["0", "1"]).optional(),
  WERKBANK_SWEEP: z.enum(["0", "1"]).optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "must start with smtp:// or smtps://").optional(),
  EMAIL_FROM: z.string().min(3).optional(),
  AUTH_OIDC_ISSUER: z.string().regex(/^https?:\/\/[^\s/]+/, "must be the provider's issuer URL (https://…)").optional(),
  AUTH_OIDC_ID: z.string().min(1).optional(),
  AUTH_OIDC_SECRET: z.string().min(1).optional(),
  AUTH_OIDC_LABEL: z.string().max(60).optional(),
});

export type Env = z.infer<typeof envSchema>;

/** Validates the environment; throws one message that names every problem. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse({ ...source, DATABASE_URL: source.DATABASE_URL || undefined, DATABASE_DIRECT_URL: source.DATABASE_DIRECT_URL || undefined, DATABASE_REPLICA_URL: source.DATABASE_REPLICA_URL || undefined, AUTH_SECRET: source.AUTH_SECRET || undefined, SMTP_URL: source.SMTP_URL || undefined, EMAIL_FROM: source.EMAIL_FROM || undefined, AUTH_OIDC_ISSUER: source.AUTH_OIDC_ISSUER || undefined, AUTH_OIDC_ID: source.AUTH_OIDC_ID || undefined, AUTH_OIDC_SECRET: source.AUTH_OIDC_SECRET || undefined, AUTH_OIDC_LABEL: source.AUTH_OIDC_LABEL || undefined });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Werkbank cannot start, the environment is invalid:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  const sso = [env.AUTH_OIDC_ISSUER, env.AUTH_OIDC_ID, env.AUTH_OIDC_SECRET];
  if (sso.some(Boolean) && !sso.every(Boolean)) {
    throw new Error("Werkbank cannot start: single sign-on needs AUTH_OIDC_ISSUER, AUTH_OIDC_ID and AUTH_OIDC_SECRET together (or none of them).");
  }
  if (env.NODE_ENV === "production" && env.DATABASE_URL && !env.AUTH_SECRET) {
    throw new Error(
      "Werkbank cannot start: AUTH_SECRET is not set. With DATABASE_URL in production every app server " +
        "must share one secret to sign sessions. Generate one with `openssl rand -base64 33` and set AUTH_SECRET.",
    );
  }
  return env;
}

/** The embedded default seeds itself; a real PostgreSQL is seeded only on request (npm run db:seed or WERKBANK_SEED=1). */
export function shouldSeed(env: Env): boolean {
  return env.WERKBANK_SEED ? env.WERKBANK_SEED === "1" : !env.DATABASE_URL;
}

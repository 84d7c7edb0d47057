import { randomBytes } from "node:crypto";
import { and, desc, gt, isNull, or } from "drizzle-orm";
import { exportJWK, generateKeyPair, importJWK, type JWK } from "jose";
import type { DbOrTx } from "@/db";
import { ltiKeys } from "@/db/schema";

/**
 * The tool's signing keys (RS256, made with jose). The newest key that has not been superseded
 * signs deep-linking responses and service-token assertions; every key not yet retired is in the
 * published key set. Rotation adds a key that signs from then on, and keeps the old one published
 * for ROTATION_GRACE_DAYS, so a platform that cached the old set verifies either: no downtime.
 */

export const ROTATION_GRACE_DAYS = 7;
const DAY_MS = 86_400_000;

async function newKey(now: Date) {
  const { publicKey, privateKey } = await generateKeyPair("RS256", { modulusLength: 2048, extractable: true });
  const kid = `${now.toISOString().slice(0, 10)}-${randomBytes(6).toString("hex")}`;
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" };
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: "RS256" };
  return { kid, publicJwk, privateJwk, createdAt: now };
}

/** The key that signs now; made on first use. */
export async function signingKey(db: DbOrTx, now = new Date()): Promise<{ kid: string; key: CryptoKey | Uint8Array }> {
  let [row] = await db.select().from(ltiKeys).where(isNull(ltiKeys.supersededAt)).orderBy(desc(ltiKeys.createdAt)).limit(1);
  if (!row) {
    [row] = await db.insert(ltiKeys).values(await newKey(now)).returning();
  }
  return { kid: row!.kid, key: await importJWK(row!.privateJwk as JWK, "RS256") };
}

/** The public keys a platform may verify with: the signing key and those still in their grace period. */
export async function publishedKeys(db: DbOrTx, now = new Date()): Promise<JWK[]> {
  const rows = await db
    .select({ publicJwk: ltiKeys.publicJwk })
    .from(ltiKeys)
    .where(or(isNull(ltiKeys.retiredAt), gt(ltiKeys.retiredAt, now)))
    .orderBy(desc(ltiKeys.createdAt));
  return rows.map((r) => r.publicJwk as JWK);
}

/** A new signing key; the previous ones stay published for the grace period. */
export async function rotateKeys(db: DbOrTx, now = new Date()): Promise<{ kid: string }> {
  await db
    .update(ltiKeys)
    .set({ supersededAt: now, retiredAt: new Date(now.getTime() + ROTATION_GRACE_DAYS * DAY_MS) })
    .where(and(isNull(ltiKeys.supersededAt)));
  const [row] = await db.insert(ltiKeys).values(await newKey(now)).returning({ kid: ltiKeys.kid });
  return row!;
}

/** The keys as the admin page lists them (no private parts). */
export async function listKeys(db: DbOrTx) {
  return db
    .select({ kid: ltiKeys.kid, createdAt: ltiKeys.createdAt, supersededAt: ltiKeys.supersededAt, retiredAt: ltiKeys.retiredAt })
    .from(ltiKeys)
    .orderBy(desc(ltiKeys.createdAt));
}

import { eq, sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db";
import { authRateLimits } from "@/db/schema";

export const SIGN_IN_WINDOW_MINUTES = 15;
/** Failures per account from one address: the attacker there slows down, the owner elsewhere does not. */
export const ACCOUNT_ADDRESS_LIMIT = 5;
/** Failures per account from all addresses together: bounds guessing spread over many addresses. */
export const ACCOUNT_LIMIT = 100;
/** Failures per address over all accounts. */
export const IP_LIMIT = 50;
/** Refused sign-ups and invite-code joins per address (no guessing codes; a class behind one NAT still fits). */
export const JOIN_FAILURE_LIMIT = 20;

/**
 * Reserves one attempt for `key` and says whether it is within `limit`. The reservation is a
 * single upsert, so concurrent attempts cannot all slip past a count they read before it grew.
 * A successful sign-in gives the reservation back (see `releaseAttempt` / `clearAttempts`),
 * so in effect only failures count.
 */
export async function reserveAttempt(key: string, limit: number): Promise<boolean> {
  const window = sql.raw(`interval '${SIGN_IN_WINDOW_MINUTES} minutes'`);
  const result = await getDb().execute(sql`
    insert into auth_rate_limits (key, attempts, window_start) values (${key}, 1, now())
    on conflict (key) do update set
      attempts = case when auth_rate_limits.window_start < now() - ${window} then 1
                      else auth_rate_limits.attempts + 1 end,
      window_start = case when auth_rate_limits.window_start < now() - ${window} then now()
                          else auth_rate_limits.window_start end
    returning attempts`);
  const [row] = rowsOf<{ attempts: number }>(result);
  return Number(row?.attempts ?? 0) <= limit;
}

export async function releaseAttempt(key: string): Promise<void> {
  await getDb()
    .update(authRateLimits)
    .set({ attempts: sql`greatest(${authRateLimits.attempts} - 1, 0)` })
    .where(eq(authRateLimits.key, key));
}

export async function clearAttempts(key: string): Promise<void> {
  await getDb().delete(authRateLimits).where(eq(authRateLimits.key, key));
}

export const accountKey = (email: string) => `account:${email.toLowerCase()}`;
export const accountAddressKey = (email: string, ip: string) => `account:${email.toLowerCase()}|${ip}`;
export const ipKey = (ip: string) => `ip:${ip}`;

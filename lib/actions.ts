import "server-only";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb, type DbOrTx, type Tx } from "@/db";
import { onPrimary, rememberWrite } from "@/db/replica";
import { clientAddress } from "@/lib/auth/address";
import { releaseAttempt, reserveAttempt } from "@/lib/auth/rate-limit";
import { getCurrentUser, type SessionUser } from "@/lib/auth/session";
import { noteDatabaseError } from "@/lib/outage";
import { ActionError, RetryTransaction, type ActionResult, type FieldErrors } from "./actions-core";

export { ActionError, isUniqueViolation } from "./actions-core";
export type { ActionErrorCode, ActionResult, FieldErrors } from "./actions-core";

type Translate = Awaited<ReturnType<typeof getTranslations<"errors">>>;
type Root = Awaited<ReturnType<typeof getTranslations>>;

/** A refusal's words: keys of "errors", or a feature's own namespaced key ("authoring.errors.titleTooLong"). */
function translate(t: Translate, root: Root, key: string, fallback: string, params?: Record<string, string | number>): string {
  const k = key.startsWith("errors.") ? key.slice(7) : key;
  if (t.has(k as never)) return t(k as never, params as never);
  if (k.includes(".") && root.has(k as never)) return root(k as never, params as never);
  return t(fallback as never);
}

function toObject(input: unknown): Record<string, unknown> {
  if (!(input instanceof FormData)) return (input ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of new Set(input.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = input.getAll(key).filter((v): v is string => typeof v === "string");
    out[key] = all.length > 1 ? all : all[0];
  }
  return out;
}

/** The longest text a form shows again (a lesson body), and what one refusal echoes at most in all. */
export const ECHO_FIELD_MAX = 100_000;
export const ECHO_TOTAL_MAX = 200_000;

/**
 * What the user typed, to show again after a refusal, bounded: secrets, Next's own `$ACTION_` keys
 * and values longer than any form field (a canvas document, an oversized post) are never sent back,
 * so a refusal is never larger than the form it answers.
 */
function echo(raw: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  let total = 0;
  for (const [k, v] of Object.entries(raw)) {
    if (typeof v !== "string" || /password/i.test(k) || k.startsWith("$ACTION")) continue;
    if (v.length > ECHO_FIELD_MAX || total + v.length > ECHO_TOTAL_MAX) continue;
    values[k] = v;
    total += v.length;
  }
  return values;
}

type Options<S extends z.ZodType, T> = {
  schema: S;
  /** "none" for sign-in and sign-up; everything else needs a valid session. */
  auth?: "user" | "none";
  /** Runs in one transaction; load the row, authorise on it, then write. */
  handler: (input: z.output<S>, ctx: { user: SessionUser | null; tx: DbOrTx }) => Promise<T>;
  /**
   * false only for handlers that call code using getDb() itself (signIn): on PGlite a query
   * outside the open transaction would wait for it forever.
   */
  transaction?: false;
  /** Paths to revalidate after a successful write; one ending in "/*" takes everything under it. */
  revalidate?: (data: T, input: z.output<S>) => string[];
  /**
   * Failures counted per client address before anything else runs (sign-up, invite-code joins: no
   * guessing codes): over `limit` within the window the action is refused; a success gives its
   * attempt back, so only failures count.
   */
  failureLimit?: { scope: string; limit: number };
  /** Runs after the commit, outside any try: the place for redirect() and signIn(). */
  after?: (data: T, input: z.output<S>) => Promise<void> | void;
};

/**
 * The one path of every server action: parse with zod → require a session → transaction
 * (handler authorises on the row and writes) → revalidate → Result. Unexpected errors are
 * logged and become a generic message.
 */
/** The handler's transaction; one that asks for it (RetryTransaction) runs again, at most three times in all. */
async function inTransaction<T>(db: ReturnType<typeof getDb>, work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work);
    } catch (error) {
      if (!(error instanceof RetryTransaction) || attempt >= 3) throw error;
    }
  }
}

export function defineAction<S extends z.ZodType, T>(opts: Options<S, T>) {
  const run = async (_prev: unknown, input: FormData | z.input<S>): Promise<ActionResult<T>> => {
    // Words are loaded only for a refusal: a successful call never reads the catalogs (nor the user's language).
    const words = () => Promise.all([getTranslations("errors"), getTranslations()]);
    const raw = toObject(input);
    const parsed = opts.schema.safeParse(raw);
    if (!parsed.success) {
      const [t, root] = await words();
      const fieldErrors: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "_form");
        (fieldErrors[field] ??= []).push(translate(t, root, issue.message, "invalid"));
      }
      return { ok: false, code: "invalid", message: t("checkFields"), fieldErrors, values: echo(raw) };
    }
    const input_ = parsed.data;

    let data: T;
    try {
      const user = await getCurrentUser();
      if (opts.auth !== "none" && !user) throw new ActionError("unauthorized", "signedOut");
      const db = getDb();
      // Counted outside the transaction (a refusal rolls it back, the count must stay).
      const limitKey = opts.failureLimit ? `${opts.failureLimit.scope}:${clientAddress(await headers())}` : null;
      if (limitKey && !(await reserveAttempt(limitKey, opts.failureLimit!.limit))) throw new ActionError("rate_limited", "rateLimited");
      data =
        opts.transaction === false
          ? await opts.handler(input_, { user, tx: db })
          : await inTransaction(db, (tx) => opts.handler(input_, { user, tx }));
      if (limitKey) await releaseAttempt(limitKey);
    } catch (error) {
      unstable_rethrow(error);
      const [t, root] = await words();
      if (error instanceof ActionError) {
        const fieldErrors = error.fieldErrorKeys
          ? Object.fromEntries(Object.entries(error.fieldErrorKeys).map(([f, k]) => [f, [translate(t, root, k, "invalid", error.params)]]))
          : undefined;
        return { ok: false, code: error.code, message: translate(t, root, error.messageKey, "invalid", error.params), fieldErrors, values: echo(raw) };
      }
      // An outage: say so (what the user typed comes back, nothing was written).
      if (noteDatabaseError(error)) return { ok: false, code: "server", message: t("databaseUnavailable"), values: echo(raw) };
      console.error("[action] unexpected error", error);
      return { ok: false, code: "server", message: t("server"), values: echo(raw) };
    }
    // Committed: with a read replica, this browser's next pages read from the primary until the replica has it.
    await rememberWrite();

    for (const path of opts.revalidate?.(data, input_) ?? []) {
      // "/cohorts/x/*" revalidates everything under the path (its layout), a plain path just that page.
      if (path.endsWith("/*")) revalidatePath(path.slice(0, -2) || "/", "layout");
      else revalidatePath(path);
    }
    if (opts.after) await opts.after(data, input_);
    return { ok: true, data };
  };
  // With a read replica: the session check and whatever else the action reads come from the primary.
  return async (prev: unknown, input: FormData | z.input<S>): Promise<ActionResult<T>> => onPrimary(() => run(prev, input));
}


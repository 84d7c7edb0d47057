// The Result type and expected refusals of server actions, free of Next imports so that domain code can throw them.

export type FieldErrors = Record<string, string[]>;

export type ActionResult<T = null> =
  | { ok: true; data: T }
  | { ok: false; code: ActionErrorCode; message: string; fieldErrors?: FieldErrors; values?: Record<string, string> };

export type ActionErrorCode = "invalid" | "unauthorized" | "not_found" | "forbidden" | "conflict" | "rate_limited" | "server";

/**
 * Thrown by handlers for expected refusals. `message` and the field messages are catalog keys
 * under `errors.` so the wrapper can localise them.
 */
export class ActionError extends Error {
  constructor(
    readonly code: ActionErrorCode,
    readonly messageKey: string,
    readonly fieldErrorKeys?: Record<string, string>,
    /** Values for the messages' placeholders ("at least {min} characters"). */
    readonly params?: Record<string, string | number>,
  ) {
    super(messageKey);
  }
}

/**
 * Thrown inside an action's transaction when what it read before taking a lock has changed under
 * it: the transaction rolls back and the action runs once more from the start (defineAction).
 */
export class RetryTransaction extends Error {
  constructor(reason: string) {
    super(`retry: ${reason}`);
  }
}

/** Postgres unique violations, from either driver. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  let e: unknown = error;
  for (let depth = 0; e && depth < 4; depth++) {
    const candidate = e as { code?: string; constraint_name?: string; constraint?: string; cause?: unknown };
    if (candidate.code === "23505") {
      return !constraint || candidate.constraint_name === constraint || candidate.constraint === constraint;
    }
    e = candidate.cause;
  }
  return false;
}

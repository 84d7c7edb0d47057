import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { reviews } from "@/db/schema";
import { ActionError } from "@/lib/actions-core";
import * as core from "./core";
import { applyState, loadState, lockAssignment, type Loaded, type PairingAssignment } from "./store";

/**
 * The reserve pool's instructor side, on the pairing core like the sweep and takeFromPool: under the
 * assignment's advisory lock the kept state is loaded, the core decides, and only the difference is
 * written (applyState), so a slot can be filled once however many people click at the same moment.
 */

export type PoolSlotState = { loaded: Loaded; authorId: string };

/**
 * Takes the assignment's lock and finds the submission in the reserve pool. A submission that left
 * the pairing or has all its reviewers now is a conflict: someone was faster.
 */
export async function lockPoolSlot(tx: DbOrTx, a: PairingAssignment, submissionId: string): Promise<PoolSlotState> {
  await lockAssignment(tx, a.id);
  const loaded = await loadState(tx, a);
  const authorId = loaded ? [...loaded.submissionOf].find(([, s]) => s === submissionId)?.[0] : undefined;
  if (!loaded || !authorId || !loaded.state.pool.includes(authorId)) throw new ActionError("conflict", "poolTaken");
  return { loaded, authorId };
}

export type Given = { reviewId: string; authorId: string };

/**
 * Fills one pool slot of the submission: `reviewerId` reviews it as an extra, due as pairing's reviews
 * are (the review deadline, never sooner than 48 hours), and is told like a pairing tells
 * (review_assigned). Refused, with nothing written, when they wrote it or review it already.
 */
export async function giveFromPool(
  tx: DbOrTx,
  a: PairingAssignment,
  submissionId: string,
  reviewerId: string,
  now = new Date(),
): Promise<Given | { refused: "author" | "reviewer"; authorId: string }> {
  const { loaded, authorId } = await lockPoolSlot(tx, a, submissionId);
  if (reviewerId === authorId) return { refused: "author", authorId };
  const next = core.takeFromPool(loaded.state, reviewerId, authorId);
  if (next === loaded.state) return { refused: "reviewer", authorId };
  await applyState(tx, a, loaded.rows, next, loaded.submissionOf, now);
  const [row] = await tx
    .select({ id: reviews.id })
    .from(reviews)
    .where(and(eq(reviews.reviewerId, reviewerId), eq(reviews.submissionId, submissionId)))
    .limit(1);
  return { reviewId: row!.id, authorId };
}

/**
 * Who may take the slot from their own reviews page (the same test takeFromPool makes): students who
 * submitted, are not excused, gave every review they owe for this assignment, and neither wrote nor
 * review this submission.
 */
export function poolVolunteers({ loaded, authorId }: PoolSlotState): string[] {
  const owing = new Set(loaded.rows.filter((r) => r.kind === "duty" && r.status !== "submitted").map((r) => r.reviewerId));
  const onIt = new Set(loaded.rows.filter((r) => r.authorId === authorId).map((r) => r.reviewerId));
  return [...loaded.submissionOf.keys()].filter((id) => id !== authorId && !owing.has(id) && !onIt.has(id));
}

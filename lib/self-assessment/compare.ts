import type { RubricCriterion } from "@/lib/assignments/types";
import type { ReviewScores } from "@/lib/pairing/types";

/**
 * Self vs peers, pure: per criterion the student's own score, the mean of the scores they received
 * and the difference; overall both on 0…1 (a criterion's lowest point is 0, its highest 1, each
 * criterion weighs the same). `selfVsPeer` (queries.ts) computes the same overall numbers in SQL.
 */

export type CriterionComparison = {
  id: string;
  title: string;
  scale: number;
  self: number | null;
  /** Mean of the received scores of this criterion; null without any. */
  peer: number | null;
  peerCount: number;
  /** self − peer in points; positive when the student rated themselves higher. */
  diff: number | null;
};

export type Comparison = {
  criteria: CriterionComparison[];
  self: number | null;
  peer: number | null;
  /** self − peer on 0…1. */
  diff: number | null;
};

/** A score on 0…1: the scale's lowest point is 0, its highest 1. */
export function normalise(score: number, scale: number): number {
  return scale > 1 ? Math.min(1, Math.max(0, (score - 1) / (scale - 1))) : 1;
}

function mean(values: number[]): number | null {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

export function compareSelfPeer(rubric: RubricCriterion[], self: ReviewScores | null, received: ReviewScores[]): Comparison {
  const criteria = rubric.map((c): CriterionComparison => {
    const own = self?.[c.id]?.score ?? null;
    const got = received.map((r) => r[c.id]?.score).filter((s): s is number => typeof s === "number");
    const peer = mean(got);
    return { id: c.id, title: c.title, scale: c.scale, self: own, peer, peerCount: got.length, diff: own !== null && peer !== null ? own - peer : null };
  });
  const selfAll = mean(criteria.flatMap((c) => (c.self !== null ? [normalise(c.self, c.scale)] : [])));
  const peerAll = mean(criteria.flatMap((c) => (c.peer !== null ? [normalise(c.peer, c.scale)] : [])));
  return { criteria, self: selfAll, peer: peerAll, diff: selfAll !== null && peerAll !== null ? selfAll - peerAll : null };
}

/** Within this much (on 0…1) a student's view of their work matches their peers'. */
export const CLOSE_ENOUGH = 0.15;

/** Whether the student rated themselves higher than their peers did, lower, or about the same; null without both. */
export function selfPeerTone(self: number | null, peer: number | null): "over" | "under" | "close" | null {
  if (self === null || peer === null) return null;
  const diff = self - peer;
  return Math.abs(diff) <= CLOSE_ENOUGH + 1e-9 ? "close" : diff > 0 ? "over" : "under";
}

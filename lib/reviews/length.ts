import type { ReviewScores } from "@/lib/pairing/types";

/** The characters a review says, over its comments and "what stands out" (whitespace trimmed). Shared by the form's counter and the server's check. */
export function reviewLength(content: { scores: ReviewScores; standout: string }): number {
  return Object.values(content.scores).reduce((n, a) => n + a.comment.trim().length, 0) + content.standout.trim().length;
}

import type { Anonymity } from "@/lib/assignments/types";

/**
 * Who sees whose name (DESIGN.md, Peer-feedback pairing): named shows everyone; "reviewers" hides
 * reviewers from students (authors stay named); "double" hides authors and reviewers alike.
 * Instructors always see names, and everyone sees their own.
 */
export function hidesReviewers(mode: Anonymity): boolean {
  return mode !== "named";
}

export function hidesAuthors(mode: Anonymity): boolean {
  return mode === "double";
}

/** The name a viewer sees for a person who is, in this place, the submission's author or one of its reviewers. */
export function maskName(opts: {
  anonymity: Anonymity;
  as: "author" | "reviewer";
  viewerId: string;
  viewerIsInstructor: boolean;
  personId: string;
  name: string;
  alias: string;
}): string {
  if (opts.viewerIsInstructor || opts.viewerId === opts.personId) return opts.name;
  const hidden = opts.as === "author" ? hidesAuthors(opts.anonymity) : hidesReviewers(opts.anonymity);
  return hidden ? opts.alias : opts.name;
}

/**
 * A short, stable label for an anonymous submission (from its thread's random id, so it tells
 * nothing about the author): lets students tell "Anonymous submission #3C2F" from the others on
 * the board and in the thread.
 */
export function anonymousRef(threadId: string): string {
  return `#${threadId.replace(/-/g, "").slice(0, 4).toUpperCase()}`;
}

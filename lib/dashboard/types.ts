/** Shapes the cohort dashboard's queries return and its components draw. */

/** One day of the cohort's progress: cumulative counts up to and including that day (cohort time zone). */
export type CompletionDay = {
  /** YYYY-MM-DD in the cohort's time zone. */
  day: string;
  /** Students' first submissions so far (all assignments). */
  submitted: number;
  /** Peer reviews submitted so far (all assignments). */
  reviewed: number;
};

export type DashboardCharts = {
  /** Days from the first assignment's opening (or the cohort's start) to today or the last review deadline, at most 120 points. */
  completion: CompletionDay[];
  /** What 100 % means: student × assignment slots not excused, and reviews owed (duty reviews handed out, or k per expected submission before pairing). */
  expectedSubmissions: number;
  expectedReviews: number;
  /** Ten buckets of the fit score (mean of a submission's Value Proposition Canvases), 0–10 %, …, 90–100 %. */
  fitBuckets: { from: number; to: number; count: number }[];
  /** Submissions with a fit score. */
  fitCount: number;
};

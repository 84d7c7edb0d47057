import type { CalibrationMode, GradeAggregate, GradeWeights, RubricCriterion } from "@/lib/assignments/types";
import type { GradeResult } from "./compute";

/** What a grade needs of its assignment. */
export type GradingSettings = {
  id: string;
  cohortId: string;
  rubric: RubricCriterion[];
  aggregate: GradeAggregate;
  weights: GradeWeights;
  calibration: CalibrationMode;
  gradesReleasedAt: Date | null;
};

export type GradebookAssignment = Omit<GradingSettings, "cohortId"> & {
  lessonTitle: string;
  lessonSlug: string;
  position: number;
  submissionDue: Date;
  reviewDue: Date;
};

/**
 * A student's standing in one assignment: excused (no grade), open (not submitted and their
 * deadline not passed yet), pending (submitted but nobody has scored it yet) or graded.
 */
export type GradeState = "excused" | "open" | "pending" | "graded";

export type GradeCell = {
  assignmentId: string;
  userId: string;
  state: GradeState;
  submissionId: string | null;
  late: boolean;
  /** Null only when excused, or open without an override. */
  grade: GradeResult | null;
};

export type GradebookRow = {
  userId: string;
  name: string;
  email: string;
  cells: GradeCell[];
  /** Mean of the assignments that have a grade (computed or overridden); null without any. */
  total: number | null;
  graded: number;
};

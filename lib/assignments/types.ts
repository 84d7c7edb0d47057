import type { CanvasDocument } from "@/lib/canvas/document";
import type { TemplateKind } from "@/lib/canvas/types";

/** What an assignment asks for: `count` canvases of a template, optionally each for another segment. */
export type Requirement = { template: TemplateKind; count: number; distinctSegments: boolean };

/** One rubric criterion: a title, a prompt for the reviewer, and a scale of 2–5 points. */
export type RubricCriterion = { id: string; title: string; prompt: string; scale: number };

export type PairingMode = "deadline" | "rolling";

/** A canvas as it was when submitted: frozen, read-only, shown in the submission thread. */
export type FrozenCanvas = {
  canvasId: string;
  version: number;
  title: string;
  template: TemplateKind;
  document: CanvasDocument;
  segment: { text: string; color?: string } | null;
  fit: number | null;
};

export const REVIEWS_MIN = 1;
export const REVIEWS_MAX = 4;
export const RUBRIC_MAX = 8;
export const REQUIREMENTS_MAX = 4;
export const INSTRUCTIONS_MAX = 20_000;

export type Anonymity = "named" | "reviewers" | "double";
export type CalibrationMode = "off" | "optional" | "required";
export type GradeAggregate = "mean" | "median";

/**
 * How an assignment's grade is weighted (relative weights 0–100, normalised over the parts that
 * apply): the submission (received or instructor scores), reviews given on time and complete,
 * calibration accuracy, and the helpfulness the student's reviews were rated.
 */
export type GradeWeights = { submission: number; reviewing: number; calibration: number; helpfulness: number };
export const DEFAULT_GRADE_WEIGHTS: GradeWeights = { submission: 60, reviewing: 20, calibration: 10, helpfulness: 10 };

export const MIN_COMMENT_MAX = 1000;
export const MIN_SUMMARY_MAX = 2000;

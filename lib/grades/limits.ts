/**
 * The limits of an override and an assessment; the database holds the same ones. Apart from the
 * zod schemas (lib/grades/validation.ts), so the forms can show them without shipping zod, whose
 * eval probe the Content-Security-Policy reports.
 */
export const OVERRIDE_REASON_MAX = 1000;
export const ASSESSMENT_COMMENT_MAX = 5000;

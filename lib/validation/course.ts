import { z } from "zod";
import { COURSE_LOCALES, LESSON_BODY_MAX, SLUG_MAX, SLUG_PATTERN, SUMMARY_MAX, TITLE_MAX } from "./limits";
import { userText } from "./text";

export { COURSE_LOCALES, LESSON_BODY_MAX, SLUG_MAX, SLUG_PATTERN, SUMMARY_MAX, TITLE_MAX, slugify } from "./limits";

// Field messages are catalog keys of the "authoring" namespace.
const E = "authoring.errors.";

const title = userText().trim().min(1, `${E}titleRequired`).max(TITLE_MAX, `${E}titleTooLong`);
const slug = z
  .string()
  .trim()
  .min(1, `${E}slugRequired`)
  .max(SLUG_MAX, `${E}slugTooLong`)
  .regex(SLUG_PATTERN, `${E}slugFormat`);
const summary = userText().trim().max(SUMMARY_MAX, `${E}summaryTooLong`).default("");
const locale = z.enum(COURSE_LOCALES, `${E}localeUnknown`);
/** The updatedAt the form was loaded with, to refuse a save over someone else's newer one. */
const loadedAt = z.iso.datetime({ offset: true });

export const courseCreateSchema = z.object({ title, slug, summary, locale });

export const courseUpdateSchema = z.object({ courseId: z.uuid(), title, summary, locale, updatedAt: loadedAt });

export const lessonCreateSchema = z.object({ courseId: z.uuid(), title, slug });

export const lessonUpdateSchema = z.object({
  courseId: z.uuid(),
  lessonId: z.uuid(),
  title,
  slug,
  // Not trimmed: whitespace is meaningful in markdown (indented code, hard line breaks).
  bodyMd: userText().max(LESSON_BODY_MAX, `${E}bodyTooLong`).default(""),
  updatedAt: loadedAt,
});

export const lessonReorderSchema = z.object({
  courseId: z.uuid(),
  lessonIds: z.array(z.uuid()).min(1).max(1000),
});

export const lessonDeleteSchema = z.object({ courseId: z.uuid(), lessonId: z.uuid() });

export const lessonPreviewSchema = z.object({
  courseId: z.uuid(),
  bodyMd: userText().max(LESSON_BODY_MAX, `${E}bodyTooLong`),
});

export type CourseCreateInput = z.output<typeof courseCreateSchema>;
export type CourseUpdateInput = z.output<typeof courseUpdateSchema>;
export type LessonCreateInput = z.output<typeof lessonCreateSchema>;
export type LessonUpdateInput = z.output<typeof lessonUpdateSchema>;

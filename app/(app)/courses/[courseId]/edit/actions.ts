"use server";

import { redirect } from "next/navigation";
import { createLesson, deleteLesson, reorderLessons, updateCourse } from "@/lib/courses/authoring";
import { courseUpdateSchema, lessonCreateSchema, lessonDeleteSchema, lessonReorderSchema } from "@/lib/validation/course";
import { defineAction } from "@/lib/actions";

// Course titles and lesson lists show on every cohort page of the course.
const touched = (courseId: string) => [`/courses/${courseId}/edit`, "/cohorts/*", "/courses"];

/** Title, summary and language; refused as a conflict when someone saved since the form was loaded. */
export const updateCourseAction = defineAction({
  schema: courseUpdateSchema,
  async handler(input, { user, tx }) {
    const row = await updateCourse(tx, user!, input);
    return { updatedAt: row.updatedAt.toISOString(), title: row.title, summary: row.summary, locale: row.locale };
  },
  revalidate: (_d, { courseId }) => touched(courseId),
});

/** A new lesson at the end; continues in the lesson's editor. */
export const createLessonAction = defineAction({
  schema: lessonCreateSchema,
  async handler(input, { user, tx }) {
    const row = await createLesson(tx, user!, input);
    return { lessonId: row.id };
  },
  revalidate: (_d, { courseId }) => touched(courseId),
  after: ({ lessonId }, { courseId }) => redirect(`/courses/${courseId}/lessons/${lessonId}/edit`),
});

/** The whole order at once: every lesson of the course, first to last. */
export const reorderLessonsAction = defineAction({
  schema: lessonReorderSchema,
  async handler(input, { user, tx }) {
    await reorderLessons(tx, user!, input);
    return null;
  },
  revalidate: (_d, { courseId }) => touched(courseId),
});

/** Deletes a lesson nothing in any cohort depends on. */
export const deleteLessonAction = defineAction({
  schema: lessonDeleteSchema,
  async handler(input, { user, tx }) {
    await deleteLesson(tx, user!, input);
    return null;
  },
  revalidate: (_d, { courseId }) => touched(courseId),
});

"use server";

import { ActionError, defineAction } from "@/lib/actions";
import { canEditCourse, updateLesson } from "@/lib/courses/authoring";
import { markdownToHtml } from "@/lib/markdown";
import { lessonPreviewSchema, lessonUpdateSchema } from "@/lib/validation/course";

/** Title, slug and body; refused as a conflict when someone saved since the editor was loaded. */
export const updateLessonAction = defineAction({
  schema: lessonUpdateSchema,
  async handler(input, { user, tx }) {
    const row = await updateLesson(tx, user!, input);
    return { updatedAt: row.updatedAt.toISOString(), title: row.title, slug: row.slug };
  },
  revalidate: (_d, { courseId, lessonId }) => [`/courses/${courseId}/edit`, `/courses/${courseId}/lessons/${lessonId}/edit`, "/cohorts/*"],
});

/**
 * The body as the lesson page will show it: the same markdown pipeline and allow-list sanitiser.
 * The editor puts nothing else into the preview.
 */
export const previewLessonAction = defineAction({
  schema: lessonPreviewSchema,
  async handler({ courseId, bodyMd }, { user, tx }) {
    if (!(await canEditCourse(tx, user!, courseId))) throw new ActionError("not_found", "notFound");
    return { html: markdownToHtml(bodyMd) };
  },
});

"use server";

import { redirect } from "next/navigation";
import { createCourse } from "@/lib/courses/authoring";
import { courseCreateSchema } from "@/lib/validation/course";
import { defineAction } from "@/lib/actions";

/** A new course authored by the actor (admins and instructors); continues in its editor. */
export const createCourseAction = defineAction({
  schema: courseCreateSchema,
  async handler(input, { user, tx }) {
    const row = await createCourse(tx, user!, input);
    return { courseId: row.id };
  },
  revalidate: () => ["/courses"],
  after: ({ courseId }) => redirect(`/courses/${courseId}/edit?created=1`),
});

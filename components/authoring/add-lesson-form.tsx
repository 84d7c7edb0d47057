"use client";

import { useTranslations } from "next-intl";
import { createLessonAction } from "@/app/(app)/courses/[courseId]/edit/actions";
import { FormMessage } from "@/components/ui/form-message";
import { PendingButton } from "./pending-button";
import { TitleSlugFields } from "./title-slug-fields";
import { useAuthoringForm } from "./use-authoring-form";

/** A new lesson at the end of the course: title and slug; success opens it in the lesson editor. */
export function AddLessonForm({ courseId }: { courseId: string }) {
  const t = useTranslations("authoring");
  const { failed, pending, form, onSubmit } = useAuthoringForm(createLessonAction);
  return (
    <form ref={form} onSubmit={onSubmit} className="flex flex-col gap-4" noValidate aria-labelledby="add-lesson-heading">
      <input type="hidden" name="courseId" value={courseId} />
      <TitleSlugFields
        idPrefix="new-lesson"
        labels={{ title: t("fields.lessonTitle"), slug: t("fields.lessonSlug"), slugHint: t("fields.newLessonSlugHint") }}
        errors={failed?.fieldErrors}
      />
      <FormMessage tone="error">{failed?.message}</FormMessage>
      <div>
        <PendingButton type="submit" variant="secondary" pending={pending} pendingLabel={t("lessons.adding")}>
          {t("lessons.add")}
        </PendingButton>
      </div>
    </form>
  );
}

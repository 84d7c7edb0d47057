"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { deleteLessonAction } from "@/app/(app)/courses/[courseId]/edit/actions";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { LessonItem } from "./lesson-row";

/**
 * Delete with a confirmation. A lesson a cohort depends on is not offered for deletion: the button
 * says why instead (the server refuses it as well, should the page be out of date).
 */
export function DeleteLessonButton({
  courseId,
  lesson,
  className,
  onRefused,
}: {
  courseId: string;
  lesson: LessonItem;
  className: string;
  onRefused: (message: string | null) => void;
}) {
  const t = useTranslations("authoring");
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, action] = useActionState(deleteLessonAction, null);
  useEffect(() => {
    if (!state) return;
    dialog.current?.close();
    onRefused(state.ok ? null : state.message);
  }, [state, onRefused]);
  const knownRefusal = lesson.deleteRefusal ? t(lesson.deleteRefusal.replace(/^authoring\./, "") as "errors.lessonHasAssignment") : null;
  return (
    <>
      <button
        type="button"
        className={className}
        aria-label={t("lessons.deleteNamed", { title: lesson.title })}
        onClick={() => (knownRefusal ? onRefused(knownRefusal) : dialog.current?.showModal())}
      >
        {t("lessons.delete")}
      </button>
      {!knownRefusal && (
        <ConfirmDialog
          dialogRef={dialog}
          id={`delete-${lesson.id}`}
          title={t("lessons.deleteTitle", { title: lesson.title })}
          body={t("lessons.deleteBody")}
          action={action}
          fields={{ courseId, lessonId: lesson.id }}
          cancelLabel={t("cancel")}
          confirmLabel={t("lessons.deleteConfirm")}
          pendingLabel={t("lessons.deleting")}
        />
      )}
    </>
  );
}

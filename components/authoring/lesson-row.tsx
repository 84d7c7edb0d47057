"use client";

import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { cn } from "@/components/ui/cn";
import { DeleteLessonButton } from "./delete-lesson-button";

export type LessonItem = {
  id: string;
  slug: string;
  title: string;
  /** Why it cannot be deleted (an "authoring.errors." key), or null. */
  deleteRefusal: string | null;
  /** The actor's cohorts that have an assignment for this lesson. */
  assignmentIn: string[];
};

const small =
  "inline-flex items-center gap-1 rounded-md border border-line bg-white px-2 py-1 text-xs font-medium text-ink hover:bg-stone-50 disabled:cursor-not-allowed disabled:opacity-40";

/** One lesson in the course editor: drag handle, title, assignment links, move and delete. */
export function LessonRow({
  courseId,
  lesson,
  index,
  count,
  cohorts,
  onMove,
}: {
  courseId: string;
  lesson: LessonItem;
  index: number;
  count: number;
  cohorts: Array<{ id: string; name: string }>;
  onMove: (by: -1 | 1) => void;
}) {
  const t = useTranslations("authoring");
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: lesson.id });
  const [refusal, setRefusal] = useState<string | null>(null);
  const editHref = `/courses/${courseId}/lessons/${lesson.id}/edit`;
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={cn(
        "flex flex-col gap-3 rounded-xl border bg-white p-4 shadow-xs sm:flex-row sm:items-start",
        isDragging ? "relative z-10 border-brand-500 shadow-lg" : "border-line",
      )}
    >
      <div className="flex min-w-0 flex-1 items-start gap-3">
        <button
          ref={setActivatorNodeRef}
          type="button"
          {...attributes}
          {...listeners}
          aria-label={t("order.handle", { title: lesson.title })}
          className="mt-0.5 flex size-8 shrink-0 cursor-grab touch-none items-center justify-center rounded-md text-muted hover:bg-stone-100 hover:text-ink focus-visible:ring-2 focus-visible:ring-brand-300 focus-visible:outline-none active:cursor-grabbing"
        >
          <svg aria-hidden viewBox="0 0 16 16" className="size-4" fill="currentColor">
            {[3, 8, 13].flatMap((y) => [5, 11].map((x) => <circle key={`${x}-${y}`} cx={x} cy={y} r="1.4" />))}
          </svg>
        </button>
        <span aria-hidden className="mt-1 flex size-6 shrink-0 items-center justify-center rounded-full bg-canvas text-xs font-semibold text-muted">
          {index + 1}
        </span>
        <div className="flex min-w-0 flex-col gap-1">
          <Link href={editHref} className="font-medium break-words text-ink hover:underline">
            {lesson.title}
          </Link>
          <span className="font-mono text-xs break-all text-muted">{lesson.slug}</span>
          {cohorts.length > 0 && (
            <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs">
              {cohorts.map((cohort) => (
                <li key={cohort.id}>
                  <Link
                    href={`/cohorts/${cohort.id}/lessons/${lesson.slug}/assignment`}
                    className="text-brand-700 underline-offset-2 hover:underline"
                  >
                    {lesson.assignmentIn.includes(cohort.id)
                      ? t("lessons.assignmentEdit", { cohort: cohort.name })
                      : t("lessons.assignmentCreate", { cohort: cohort.name })}
                  </Link>
                </li>
              ))}
            </ul>
          )}
          {refusal && (
            <p role="status" className="mt-1 rounded-md bg-amber-50 px-2 py-1 text-sm text-amber-900">
              {refusal}
            </p>
          )}
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-1.5 sm:justify-end">
        <button id={`move-up-${lesson.id}`} type="button" className={small} disabled={index === 0} onClick={() => onMove(-1)} aria-label={t("order.upNamed", { title: lesson.title })}>
          <span aria-hidden>↑</span> {t("order.up")}
        </button>
        <button id={`move-down-${lesson.id}`} type="button" className={small} disabled={index === count - 1} onClick={() => onMove(1)} aria-label={t("order.downNamed", { title: lesson.title })}>
          <span aria-hidden>↓</span> {t("order.down")}
        </button>
        <Link href={editHref} className={small} aria-label={t("lessons.editNamed", { title: lesson.title })}>
          {t("lessons.edit")}
        </Link>
        <DeleteLessonButton
          courseId={courseId}
          lesson={lesson}
          className={cn(small, "text-red-700")}
          onRefused={setRefusal}
        />
      </div>
    </li>
  );
}

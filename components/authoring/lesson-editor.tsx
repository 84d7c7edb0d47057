"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { updateLessonAction } from "@/app/(app)/courses/[courseId]/lessons/[lessonId]/edit/actions";
import { cn } from "@/components/ui/cn";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { LESSON_BODY_MAX } from "@/lib/validation/limits";
import { ConflictNote } from "./conflict-note";
import { MarkdownTabs } from "./markdown-tabs";
import { PendingButton } from "./pending-button";
import { useVersionedForm } from "./use-authoring-form";
import { useLeaveWarning } from "./use-leave-warning";

type Values = { title: string; slug: string; bodyMd: string };

/**
 * Title, slug and markdown body of a lesson, with a server-rendered preview. The save names the
 * version it started from (updatedAt): a save after someone else's is refused and the text stays.
 */
export function LessonEditor({
  courseId,
  lessonId,
  locale,
  updatedAt,
  initial,
}: {
  courseId: string;
  lessonId: string;
  /** The course's language: spell checking and screen readers read the body in it. */
  locale: string;
  updatedAt: string;
  initial: Values;
}) {
  const t = useTranslations("authoring");
  const { result, saved, failed, pending, form, onSubmit, errors } = useVersionedForm(
    updateLessonAction,
    { ...initial, updatedAt },
    // The body is saved as sent; title and slug as the server trimmed them.
    (data, sent) => ({ ...data, bodyMd: String(sent.get("bodyMd") ?? "") }),
  );
  const [values, setValues] = useState(initial);
  const dirty = values.title.trim() !== saved.title || values.slug.trim() !== saved.slug || values.bodyMd !== saved.bodyMd;
  useLeaveWarning(dirty, t("leaveWarning"));

  const set = (patch: Partial<Values>) => setValues((v) => ({ ...v, ...patch }));
  const length = values.bodyMd.length;
  const over = length > LESSON_BODY_MAX;
  const bodyErrors = errors("bodyMd");

  return (
    <form
      ref={form}
      onSubmit={onSubmit}
      className="flex flex-col gap-5"
      noValidate
    >
      <input type="hidden" name="courseId" value={courseId} />
      <input type="hidden" name="lessonId" value={lessonId} />
      <input type="hidden" name="updatedAt" value={saved.updatedAt} />
      <Field name="title" label={t("fields.lessonTitle")} value={values.title} onChange={(e) => set({ title: e.target.value })} errors={errors("title")} required />
      <Field
        name="slug"
        label={t("fields.lessonSlug")}
        hint={t("fields.lessonSlugHint")}
        value={values.slug}
        onChange={(e) => set({ slug: e.target.value })}
        errors={errors("slug")}
        spellCheck={false}
        autoCapitalize="none"
        autoComplete="off"
        // Field puts className on its wrapper; only the input is set in the code face.
        style={{ fontFamily: "var(--font-mono)" }}
        required
      />
      <div className="flex flex-col gap-1.5">
        <span id="body-label" className="text-sm font-medium">
          {t("fields.body")}
        </span>
        <MarkdownTabs courseId={courseId} body={values.bodyMd} lang={locale}>
          <textarea
            id="field-bodyMd"
            name="bodyMd"
            rows={22}
            value={values.bodyMd}
            onChange={(e) => set({ bodyMd: e.target.value })}
            aria-labelledby="body-label"
            aria-invalid={Boolean(bodyErrors) || over || undefined}
            aria-describedby="body-count body-hint body-error"
            spellCheck
            lang={locale}
            className={cn(
              "w-full rounded-lg border bg-white px-3 py-2 font-mono text-sm leading-relaxed shadow-xs outline-none",
              "focus-visible:border-brand-500 focus-visible:ring-2 focus-visible:ring-brand-200",
              bodyErrors || over ? "border-red-600" : "border-line",
            )}
          />
        </MarkdownTabs>
        <div className="flex flex-wrap justify-between gap-x-4 gap-y-1 text-xs">
          <p id="body-hint" className="text-muted">
            {t("fields.bodyHint")}
          </p>
          <p id="body-count" className={over ? "font-medium text-red-700" : "text-muted"}>
            {over
              ? t("fields.bodyOver", { count: length, max: LESSON_BODY_MAX, over: length - LESSON_BODY_MAX })
              : t("fields.bodyCount", { count: length, max: LESSON_BODY_MAX })}
          </p>
        </div>
        <p id="body-error" aria-live="polite" className="text-sm text-red-700 empty:hidden">
          {bodyErrors?.join(" ")}
        </p>
      </div>
      {failed ? (
        <div className="flex flex-col gap-1">
          <FormMessage tone="error">{failed.message}</FormMessage>
          {failed.code === "conflict" && <ConflictNote />}
        </div>
      ) : (
        <FormMessage tone="success">{result?.ok && !dirty ? t("lesson.saved") : null}</FormMessage>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <PendingButton type="submit" pending={pending} pendingLabel={t("saving")}>
          {t("lesson.save")}
        </PendingButton>
        <span className="text-xs text-muted" aria-live="polite">
          {dirty ? t("unsaved") : null}
        </span>
      </div>
    </form>
  );
}

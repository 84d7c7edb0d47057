"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { updateCourseAction } from "@/app/(app)/courses/[courseId]/edit/actions";
import { Field, TextAreaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SUMMARY_MAX } from "@/lib/validation/limits";
import { ConflictNote } from "./conflict-note";
import { LocaleChoice } from "./locale-choice";
import { PendingButton } from "./pending-button";
import { useVersionedForm } from "./use-authoring-form";
import { useLeaveWarning } from "./use-leave-warning";

type Details = { title: string; summary: string; locale: string };

/**
 * Title, summary and language of a course. The save names the version it started from
 * (updatedAt): a save after someone else's is refused, and the typed text stays.
 */
export function CourseDetailsForm({ courseId, updatedAt, initial }: { courseId: string; updatedAt: string; initial: Details }) {
  const t = useTranslations("authoring");
  const { result, saved, failed, pending, form, onSubmit, errors } = useVersionedForm(updateCourseAction, { ...initial, updatedAt }, (data) => data);
  const [values, setValues] = useState(initial);
  // The server trims; trailing spaces alone are no unsaved change.
  const dirty = values.title.trim() !== saved.title || values.summary.trim() !== saved.summary || values.locale !== saved.locale;
  useLeaveWarning(dirty, t("leaveWarning"));

  const set = (patch: Partial<Details>) => setValues((v) => ({ ...v, ...patch }));
  return (
    <form ref={form} onSubmit={onSubmit} className="flex flex-col gap-5" noValidate aria-labelledby="details-heading">
      <input type="hidden" name="courseId" value={courseId} />
      <input type="hidden" name="updatedAt" value={saved.updatedAt} />
      <Field name="title" label={t("fields.courseTitle")} value={values.title} onChange={(e) => set({ title: e.target.value })} errors={errors("title")} required />
      <TextAreaField
        name="summary"
        label={t("fields.summary")}
        hint={t("fields.summaryCount", { count: values.summary.length, max: SUMMARY_MAX })}
        rows={4}
        value={values.summary}
        onChange={(e) => set({ summary: e.target.value })}
        errors={errors("summary")}
      />
      <LocaleChoice legend={t("fields.language")} hint={t("fields.languageHint")} initial={initial.locale} errors={errors("locale")} onChange={(locale) => set({ locale })} />
      {failed ? (
        <div className="flex flex-col gap-1">
          <FormMessage tone="error">{failed.message}</FormMessage>
          {failed.code === "conflict" && <ConflictNote />}
        </div>
      ) : (
        <FormMessage tone="success">{result?.ok && !dirty ? t("course.saved") : null}</FormMessage>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <PendingButton type="submit" pending={pending} pendingLabel={t("saving")}>
          {t("course.save")}
        </PendingButton>
        {dirty && <span className="text-xs text-muted">{t("unsaved")}</span>}
      </div>
    </form>
  );
}

"use client";

import { TextAreaField } from "@/components/ui/field";
import { useLocale, useTranslations } from "next-intl";
import { createCourseAction } from "@/app/(app)/courses/new/actions";
import { FormMessage } from "@/components/ui/form-message";
import { COURSE_LOCALES } from "@/lib/validation/limits";
import { LocaleChoice } from "./locale-choice";
import { PendingButton } from "./pending-button";
import { TitleSlugFields } from "./title-slug-fields";
import { useAuthoringForm } from "./use-authoring-form";

/** Title, slug (suggested from the title), summary and language of a new course; success opens its editor. */
export function NewCourseForm() {
  const t = useTranslations("authoring");
  const uiLocale = useLocale();
  const { failed, pending, form, onSubmit, errors } = useAuthoringForm(createCourseAction);
  return (
    <form ref={form} onSubmit={onSubmit} className="flex flex-col gap-5" noValidate>
      <TitleSlugFields
        idPrefix="course"
        labels={{ title: t("fields.courseTitle"), slug: t("fields.courseSlug"), slugHint: t("fields.courseSlugHint") }}
        errors={failed?.fieldErrors}
      />
      <TextAreaField name="summary" label={t("fields.summary")} hint={t("fields.summaryHint")} rows={3} errors={errors("summary")} />
      <LocaleChoice
        legend={t("fields.language")}
        hint={t("fields.languageHint")}
        initial={(COURSE_LOCALES as readonly string[]).includes(uiLocale) ? uiLocale : "de"}
        errors={errors("locale")}
      />
      <FormMessage tone="error">{failed?.message}</FormMessage>
      <div>
        <PendingButton type="submit" pending={pending} pendingLabel={t("newCourse.creating")}>
          {t("newCourse.create")}
        </PendingButton>
      </div>
    </form>
  );
}

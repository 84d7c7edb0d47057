"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { createCohortAction } from "@/app/(app)/cohorts/new/actions";
import { updateCohortAction } from "@/app/(app)/cohorts/[cohortId]/settings/actions";
import { Field, SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/actions-core";
import { COHORT_NAME_MAX, TIME_ZONES } from "@/lib/validation/limits";

export type CohortFormValues = { name: string; startDate: string; endDate: string; timeZone: string; courseId?: string };

type Props =
  | { mode: "create"; courses: Array<{ id: string; title: string }>; initial: CohortFormValues }
  | { mode: "edit"; cohortId: string; initial: CohortFormValues };

/** Name, dates and time zone of a cohort: opens a new one (with its course) or edits one. */
export function CohortForm(props: Props) {
  const t = useTranslations("cohortAdmin.form");
  const run: (prev: ActionResult<unknown> | null, form: FormData) => Promise<ActionResult<unknown>> =
    props.mode === "create" ? createCohortAction : updateCohortAction;
  const [state, action] = useActionState(run, null);
  const failed = state && !state.ok ? state : null;
  const errors = (field: string) => failed?.fieldErrors?.[field];
  const value = (field: keyof CohortFormValues) => failed?.values?.[field] ?? props.initial[field] ?? "";
  const zones: string[] = [...TIME_ZONES];
  if (!zones.includes(props.initial.timeZone)) zones.unshift(props.initial.timeZone);

  return (
    <form action={action} className="flex flex-col gap-5" noValidate>
      {props.mode === "edit" && <input type="hidden" name="cohortId" value={props.cohortId} />}
      {props.mode === "create" && (
        <SelectField
          name="courseId"
          label={t("course")}
          options={props.courses.map((c) => ({ value: c.id, label: c.title }))}
          defaultValue={value("courseId")}
          errors={errors("courseId")}
        />
      )}
      <Field
        name="name"
        label={t("name")}
        hint={t("nameHint")}
        maxLength={COHORT_NAME_MAX}
        autoComplete="off"
        required
        defaultValue={value("name")}
        errors={errors("name")}
      />
      <div className="grid gap-5 sm:grid-cols-2">
        <Field name="startDate" type="date" label={t("startDate")} required defaultValue={value("startDate")} errors={errors("startDate")} />
        <Field name="endDate" type="date" label={t("endDate")} required defaultValue={value("endDate")} errors={errors("endDate")} />
      </div>
      <SelectField
        name="timeZone"
        label={t("timeZone")}
        hint={t("timeZoneHint")}
        options={zones.map((z) => ({ value: z, label: z.replaceAll("_", " ") }))}
        defaultValue={value("timeZone")}
        errors={errors("timeZone")}
        className="sm:max-w-xs"
      />
      <FormMessage tone={state?.ok ? "success" : "error"}>{state ? (state.ok ? t("saved") : state.message) : null}</FormMessage>
      <div>
        {props.mode === "create" ? (
          <SubmitButton pendingLabel={t("creating")}>{t("create")}</SubmitButton>
        ) : (
          <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
        )}
      </div>
    </form>
  );
}

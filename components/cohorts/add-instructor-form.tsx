"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { addInstructorAction } from "@/app/(app)/cohorts/[cohortId]/members/actions";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

/** A second instructor by the email of an existing account. */
export function AddInstructorForm({ cohortId }: { cohortId: string }) {
  const t = useTranslations("cohortAdmin.addInstructor");
  const [state, action] = useActionState(addInstructorAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <input type="hidden" name="cohortId" value={cohortId} />
      <div className="flex flex-wrap items-start gap-3">
        <Field
          name="email"
          type="email"
          label={t("email")}
          hint={t("emailHint")}
          autoComplete="off"
          spellCheck={false}
          className="w-full max-w-sm"
          defaultValue={failed?.values?.email}
          errors={failed?.fieldErrors?.email}
        />
        <SubmitButton pendingLabel={t("adding")} variant="secondary" className="sm:mt-7">
          {t("add")}
        </SubmitButton>
      </div>
      <FormMessage tone={state?.ok ? "success" : "error"}>
        {state ? (state.ok ? t(state.data.outcome, { name: state.data.name }) : failed?.fieldErrors ? null : state.message) : null}
      </FormMessage>
    </form>
  );
}

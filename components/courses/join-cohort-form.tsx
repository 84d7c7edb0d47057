"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { joinCohortAction } from "@/app/(app)/actions";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

export function JoinCohortForm() {
  const t = useTranslations("courses");
  const ta = useTranslations("auth");
  const [state, action] = useActionState(joinCohortAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <div className="flex flex-wrap items-start gap-3">
        <Field
          name="inviteCode"
          label={ta("inviteCode")}
          autoComplete="off"
          spellCheck={false}
          className="w-64"
          defaultValue={failed?.values?.inviteCode}
          errors={failed?.fieldErrors?.inviteCode}
        />
        <SubmitButton pendingLabel={t("joining")} variant="secondary" className="mt-7">
          {t("join")}
        </SubmitButton>
      </div>
      {state?.ok && <FormMessage tone="success">{t("joined", { cohort: state.data.cohortName })}</FormMessage>}
    </form>
  );
}

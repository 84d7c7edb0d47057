"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { updateProfileAction } from "@/app/(app)/settings/actions";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

export function ProfileForm({ name }: { name: string }) {
  const t = useTranslations("settings");
  const ta = useTranslations("auth");
  const tc = useTranslations("common");
  const [state, action] = useActionState(updateProfileAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <Field
        name="name"
        label={ta("name")}
        hint={ta("nameHint")}
        autoComplete="name"
        defaultValue={failed?.values?.name ?? (state?.ok ? state.data.name : name)}
        errors={failed?.fieldErrors?.name}
        className="max-w-md"
      />
      <FormMessage tone="success">{state?.ok ? t("profileSaved") : null}</FormMessage>
      <div>
        <SubmitButton pendingLabel={tc("saving")}>{tc("save")}</SubmitButton>
      </div>
    </form>
  );
}

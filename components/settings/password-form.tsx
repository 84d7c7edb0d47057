"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { changePasswordAction } from "@/app/(app)/settings/actions";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

export function PasswordForm() {
  const t = useTranslations("settings");
  const ta = useTranslations("auth");
  const [state, action] = useActionState(changePasswordAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="flex max-w-md flex-col gap-4" noValidate>
      <Field name="currentPassword" type="password" label={t("currentPassword")} autoComplete="current-password" errors={errors?.currentPassword} />
      <Field name="newPassword" type="password" label={t("newPassword")} hint={ta("passwordHint")} autoComplete="new-password" errors={errors?.newPassword} />
      <Field name="confirmPassword" type="password" label={t("confirmPassword")} autoComplete="new-password" errors={errors?.confirmPassword} />
      <FormMessage tone={state?.ok ? "success" : "error"}>
        {state?.ok ? t("passwordChanged") : state && !state.fieldErrors ? state.message : null}
      </FormMessage>
      <div>
        <SubmitButton pendingLabel={t("changingPassword")}>{t("changePassword")}</SubmitButton>
      </div>
    </form>
  );
}

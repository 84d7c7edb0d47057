"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { signInAction } from "@/app/(auth)/actions";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

export function SignInForm({ callbackUrl, notice }: { callbackUrl?: string; notice?: string }) {
  const t = useTranslations("auth");
  const [state, action] = useActionState(signInAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={action} className="flex flex-col gap-5" noValidate>
      <FormMessage tone="error">{failed && !failed.fieldErrors ? failed.message : (notice ?? null)}</FormMessage>
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
      <Field
        name="email"
        type="email"
        label={t("email")}
        autoComplete="username"
        required
        defaultValue={failed?.values?.email}
        errors={failed?.fieldErrors?.email}
      />
      <Field
        name="password"
        type="password"
        label={t("password")}
        autoComplete="current-password"
        required
        errors={failed?.fieldErrors?.password}
      />
      <SubmitButton pendingLabel={t("signingIn")} className="mt-1">
        {t("signIn")}
      </SubmitButton>
    </form>
  );
}

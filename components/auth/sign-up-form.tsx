"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { signUpAction } from "@/app/(auth)/actions";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

export function SignUpForm({ inviteCode }: { inviteCode?: string }) {
  const t = useTranslations("auth");
  const [state, action] = useActionState(signUpAction, null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors;
  return (
    <form action={action} className="flex flex-col gap-5" noValidate>
      <FormMessage tone="error">{failed?.message ?? null}</FormMessage>
      <Field
        name="inviteCode"
        label={t("inviteCode")}
        hint={t("inviteCodeHint")}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        required
        defaultValue={failed?.values?.inviteCode ?? inviteCode}
        errors={errors?.inviteCode}
      />
      <Field
        name="name"
        label={t("name")}
        hint={t("nameHint")}
        autoComplete="name"
        required
        defaultValue={failed?.values?.name}
        errors={errors?.name}
      />
      <Field
        name="email"
        type="email"
        label={t("email")}
        autoComplete="email"
        required
        defaultValue={failed?.values?.email}
        errors={errors?.email}
      />
      <Field
        name="password"
        type="password"
        label={t("password")}
        hint={t("passwordHint")}
        autoComplete="new-password"
        required
        errors={errors?.password}
      />
      <SubmitButton pendingLabel={t("signingUp")} className="mt-1">
        {t("signUp")}
      </SubmitButton>
    </form>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { acceptInvitationAction, registerByInvitationAction } from "@/app/join/invitation/[token]/actions";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

/** Signed in: one button takes the invitation. */
export function AcceptInvitationForm({ token }: { token: string }) {
  const t = useTranslations("cohortAdmin.invitationPage");
  const [state, action] = useActionState(acceptInvitationAction, null);
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="token" value={token} />
      <FormMessage tone="error">{state && !state.ok ? state.message : null}</FormMessage>
      <div>
        <SubmitButton pendingLabel={t("joining")}>{t("join")}</SubmitButton>
      </div>
    </form>
  );
}

/** Signed out, no account yet: the invited address is fixed, the name and password are the person's own. */
export function RegisterByInvitationForm({ token, email, name }: { token: string; email: string; name: string }) {
  const t = useTranslations("cohortAdmin.invitationPage");
  const ta = useTranslations("auth");
  const [state, action] = useActionState(registerByInvitationAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={action} className="flex flex-col gap-5" noValidate>
      <input type="hidden" name="token" value={token} />
      <FormMessage tone="error">{failed?.message ?? null}</FormMessage>
      <div className="flex flex-col gap-1.5">
        <span className="text-sm font-medium">{ta("email")}</span>
        <span className="rounded-lg border border-line bg-stone-50 px-3 py-2 text-[0.95rem] break-all">{email}</span>
      </div>
      <Field name="name" label={ta("name")} hint={ta("nameHint")} autoComplete="name" required defaultValue={failed?.values?.name ?? name} errors={failed?.fieldErrors?.name} />
      <Field
        name="password"
        type="password"
        label={ta("password")}
        hint={ta("passwordHint")}
        autoComplete="new-password"
        required
        errors={failed?.fieldErrors?.password}
      />
      <SubmitButton pendingLabel={t("registering")} className="mt-1">
        {t("register")}
      </SubmitButton>
    </form>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useActionState, useRef } from "react";
import { deletePlatformAction, registerPlatformAction, rotateKeysAction } from "@/app/(app)/admin/lti/actions";
import { Field, TextAreaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

/** The values an LMS shows when Werkbank is added as an LTI 1.3 tool. */
export function PlatformForm() {
  const t = useTranslations("lti.admin");
  const [state, action] = useActionState(registerPlatformAction, null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors;
  const values = failed?.values;
  const form = useRef<HTMLFormElement>(null);
  // A fresh form after a registration (the key changes with each success).
  const key = state?.ok ? state.data.id : "new";
  return (
    <form key={key} ref={form} action={action} className="grid gap-4 sm:grid-cols-2" noValidate>
      <Field name="name" label={t("name")} hint={t("nameHint")} defaultValue={values?.name} errors={errors?.name} className="sm:col-span-2" />
      <Field name="issuer" label={t("issuer")} hint={t("issuerHint")} defaultValue={values?.issuer} errors={errors?.issuer} spellCheck={false} />
      <Field name="clientId" label={t("clientId")} defaultValue={values?.clientId} errors={errors?.clientId} spellCheck={false} />
      <TextAreaField
        name="deploymentIds"
        label={t("deploymentIds")}
        hint={t("deploymentIdsHint")}
        rows={2}
        defaultValue={values?.deploymentIds}
        errors={errors?.deploymentIds}
        spellCheck={false}
        className="sm:col-span-2"
      />
      <Field name="authLoginUrl" label={t("authLoginUrl")} defaultValue={values?.authLoginUrl} errors={errors?.authLoginUrl} spellCheck={false} />
      <Field name="authTokenUrl" label={t("authTokenUrl")} defaultValue={values?.authTokenUrl} errors={errors?.authTokenUrl} spellCheck={false} />
      <Field name="jwksUrl" label={t("jwksUrl")} defaultValue={values?.jwksUrl} errors={errors?.jwksUrl} spellCheck={false} className="sm:col-span-2" />
      <div className="flex flex-col gap-3 sm:col-span-2">
        <FormMessage tone={state?.ok ? "success" : "error"}>{state ? (state.ok ? t("registered") : failed?.message) : null}</FormMessage>
        <div>
          <SubmitButton pendingLabel={t("registering")}>{t("register")}</SubmitButton>
        </div>
      </div>
    </form>
  );
}

export function DeletePlatformButton({ platformId, name }: { platformId: string; name: string }) {
  const t = useTranslations("lti.admin");
  const [state, action] = useActionState(deletePlatformAction, null);
  return (
    <form action={action} className="flex flex-col items-end gap-1">
      <input type="hidden" name="platformId" value={platformId} />
      <SubmitButton variant="ghost" className="px-2.5 py-1 text-red-700" pendingLabel={t("deleting")} aria-label={t("deleteFor", { name })}>
        {t("delete")}
      </SubmitButton>
      {state && !state.ok && (
        <p role="status" className="text-xs text-red-700">
          {state.message}
        </p>
      )}
    </form>
  );
}

export function RotateKeysButton() {
  const t = useTranslations("lti.admin");
  const [state, action] = useActionState(rotateKeysAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <SubmitButton variant="secondary" pendingLabel={t("rotating")}>
        {t("rotate")}
      </SubmitButton>
      <FormMessage tone={state?.ok ? "success" : "error"}>{state ? (state.ok ? t("rotated") : state.message) : null}</FormMessage>
    </form>
  );
}

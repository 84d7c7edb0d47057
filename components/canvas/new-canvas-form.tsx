"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { createCanvasAction } from "@/app/(app)/cohorts/[cohortId]/canvases/actions";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { TemplateKind } from "@/lib/canvas/types";

export function NewCanvasForm({ cohortId, kinds }: { cohortId: string; kinds: TemplateKind[] }) {
  const t = useTranslations("canvas");
  const [state, action] = useActionState(createCanvasAction, null);
  const failed = state && !state.ok ? state : null;
  const chosen = failed?.values?.template ?? kinds[0];
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="cohortId" value={cohortId} />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-2 text-sm font-medium">{t("template")}</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {kinds.map((kind) => (
            <label
              key={kind}
              className="flex cursor-pointer items-center gap-3 rounded-lg border border-line bg-white px-3 py-2.5 text-sm has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-200"
            >
              <input type="radio" name="template" value={kind} defaultChecked={kind === chosen} className="accent-brand-600" />
              {t(`kinds.${kind}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <Field
        name="title"
        label={t("titleLabel")}
        maxLength={120}
        defaultValue={failed?.values?.title}
        errors={failed?.fieldErrors?.title}
        className="max-w-md"
      />
      <FormMessage tone="error">{failed && !failed.fieldErrors ? failed.message : null}</FormMessage>
      <div>
        <SubmitButton pendingLabel={t("creating")}>{t("create")}</SubmitButton>
      </div>
    </form>
  );
}

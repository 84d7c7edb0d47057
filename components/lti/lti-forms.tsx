"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { deepLinkAction, linkContextAction } from "@/app/lti/actions";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

type Option = { value: string; label: string; detail?: string };

/** A list of radio choices with one submit: the shape of both LTI pickers. */
function Choices({ name, legend, options }: { name: string; legend: string; options: Option[] }) {
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-2 text-sm font-medium">{legend}</legend>
      {options.map((o, i) => (
        <label key={o.value} className="flex cursor-pointer items-start gap-3 rounded-lg border border-line bg-white px-3 py-2.5 text-sm has-checked:border-brand-500 has-checked:bg-brand-50">
          <input type="radio" name={name} value={o.value} defaultChecked={i === 0} className="mt-0.5 accent-brand-700" />
          <span>
            <span className="font-medium">{o.label}</span>
            {o.detail && <span className="block text-xs text-muted">{o.detail}</span>}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/** First launch of an instructor: which cohort the LMS course becomes. */
export function LinkContextForm({ launchId, cohorts, courses }: { launchId: string; cohorts: Option[]; courses: Option[] }) {
  const t = useTranslations("lti.link");
  const [state, action] = useActionState(linkContextAction, null);
  return (
    <form action={action} className="flex flex-col gap-5">
      <input type="hidden" name="launchId" value={launchId} />
      <FormMessage tone="error">{state && !state.ok ? state.message : null}</FormMessage>
      {courses.length > 0 && <Choices name="choice" legend={t("newCohort")} options={courses} />}
      {cohorts.length > 0 && <Choices name="choice" legend={t("existingCohort")} options={cohorts} />}
      <div>
        <SubmitButton pendingLabel={t("linking")}>{t("link")}</SubmitButton>
      </div>
    </form>
  );
}

/**
 * Deep linking: the instructor picks a lesson or an assignment; the signed response goes back to
 * the LMS in a form post, as the LTI Deep Linking spec has it.
 */
export function DeepLinkForm({ launchId, options }: { launchId: string; options: Option[] }) {
  const t = useTranslations("lti.deepLink");
  const [state, action] = useActionState(deepLinkAction, null);
  const back = useRef<HTMLFormElement>(null);
  const done = state?.ok ? state.data : null;
  useEffect(() => {
    if (done) back.current?.submit();
  }, [done]);
  return (
    <>
      <form action={action} className="flex flex-col gap-5">
        <input type="hidden" name="launchId" value={launchId} />
        <FormMessage tone="error">{state && !state.ok ? state.message : null}</FormMessage>
        <Choices name="pick" legend={t("legend")} options={options} />
        <div>
          <SubmitButton pendingLabel={t("placing")} disabled={Boolean(done)}>
            {t("place")}
          </SubmitButton>
        </div>
      </form>
      {done && (
        <form ref={back} method="post" action={done.returnUrl} className="mt-4 flex flex-col gap-2">
          <input type="hidden" name="JWT" value={done.jwt} />
          <p className="text-sm text-muted" role="status">
            {t("returning", { title: done.title })}
          </p>
          <div>
            <button type="submit" className="text-sm text-brand-700 underline underline-offset-2">
              {t("returnNow")}
            </button>
          </div>
        </form>
      )}
    </>
  );
}

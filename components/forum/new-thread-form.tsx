"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState } from "react";
import { createThreadAction } from "@/app/(app)/cohorts/[cohortId]/forum/actions";
import { buttonClasses } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { POST_MAX, THREAD_TITLE_MAX } from "@/lib/validation/limits";
import { MentionTextarea, type Member } from "./mention-textarea";
import { PostBodyHint } from "./post-body-hint";

/**
 * "New thread": a disclosure button that opens the form (open from the start on an empty board).
 * On success the action redirects to the new thread; on a refusal the typed text stays.
 */
export function NewThreadForm({
  cohortId,
  lessonId,
  members,
  initiallyOpen,
}: {
  cohortId: string;
  lessonId: string;
  members: Member[];
  initiallyOpen: boolean;
}) {
  const t = useTranslations("forum");
  const [open, setOpen] = useState(initiallyOpen);
  const [state, action] = useActionState(createThreadAction, null);
  const failed = state && !state.ok ? state : null;
  const toggle = useRef<HTMLButtonElement>(null);
  const title = useRef<HTMLInputElement>(null);
  const wasOpen = useRef(open);

  useEffect(() => {
    // Focus follows the user's click: into the title when opening, back to the button when closing.
    if (wasOpen.current === open) return;
    wasOpen.current = open;
    if (open) title.current?.focus();
    else toggle.current?.focus();
  }, [open]);

  const bodyErrors = failed?.fieldErrors?.body;
  return (
    <section aria-labelledby="new-thread-heading" className="rounded-xl border border-line bg-white shadow-xs">
      <h2 id="new-thread-heading" className="flex">
        <button
          ref={toggle}
          type="button"
          aria-expanded={open}
          aria-controls="new-thread-panel"
          onClick={() => setOpen((o) => !o)}
          className="flex flex-1 items-center gap-3 rounded-xl px-6 py-4 text-left text-lg font-semibold hover:bg-stone-50"
        >
          <span
            aria-hidden
            className="flex size-7 shrink-0 items-center justify-center rounded-full bg-brand-600 text-base leading-none text-white"
          >
            {open ? "−" : "+"}
          </span>
          {t("newThread")}
          <span aria-hidden className="ml-auto hidden text-sm font-normal text-muted sm:inline">{open ? t("collapse") : t("newThreadHint")}</span>
        </button>
      </h2>
      <div id="new-thread-panel" hidden={!open} className="border-t border-line px-6 pt-5 pb-6">
        <form action={action} className="flex flex-col gap-4" noValidate>
          <input type="hidden" name="cohortId" value={cohortId} />
          <input type="hidden" name="lessonId" value={lessonId} />
          <Field
            ref={title}
            id="new-thread-title"
            name="title"
            label={t("titleLabel")}
            maxLength={THREAD_TITLE_MAX}
            required
            defaultValue={failed?.values?.title}
            errors={failed?.fieldErrors?.title}
          />
          <div className="flex flex-col gap-1.5">
            <label htmlFor="new-thread-body" className="text-sm font-medium">
              {t("bodyLabel")}
            </label>
            <MentionTextarea
              members={members}
              id="new-thread-body"
              name="body"
              rows={7}
              maxLength={POST_MAX}
              required
              defaultValue={failed?.values?.body}
              aria-invalid={Boolean(bodyErrors?.length) || undefined}
              aria-describedby={[bodyErrors?.length ? "new-thread-body-error" : null, "new-thread-body-hint"].filter(Boolean).join(" ")}
            />
            <PostBodyHint id="new-thread-body-hint" />
            <p id="new-thread-body-error" aria-live="polite" className="text-sm text-red-700 empty:hidden">
              {bodyErrors?.join(" ")}
            </p>
          </div>
          <FormMessage tone="error">{failed && !failed.fieldErrors ? failed.message : null}</FormMessage>
          <div className="flex flex-wrap gap-2">
            <SubmitButton pendingLabel={t("creatingThread")}>{t("createThread")}</SubmitButton>
            <button type="button" className={buttonClasses("ghost")} onClick={() => setOpen(false)}>
              {t("cancel")}
            </button>
          </div>
        </form>
      </div>
    </section>
  );
}

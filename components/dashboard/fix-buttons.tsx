"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useId, useRef, useState, useTransition } from "react";
import {
  candidatesAction,
  excuseAction,
  extendAction,
  reassignAction,
  reassignAllAction,
  repairAction,
} from "@/app/(app)/cohorts/[cohortId]/dashboard/actions";
import { Button, buttonClasses } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { Candidate } from "@/lib/dashboard/queries";

const small = "px-3 py-1.5";

/**
 * One open review's fixes: "Reassign" hands it to the least-loaded volunteer (or to the instructor
 * when nobody is free) in one click; "Choose…" opens a dialog to pick a person or oneself.
 */
export function ReassignButtons({ cohortId, reviewId, reviewerName, authorName }: { cohortId: string; reviewId: string; reviewerName: string; authorName: string }) {
  const t = useTranslations("dashboard");
  const [state, action] = useActionState(reassignAction, null);
  const dialog = useRef<HTMLDialogElement>(null);
  const [choosing, setChoosing] = useState(false);
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap justify-end gap-2">
        <form action={action}>
          <input type="hidden" name="cohortId" value={cohortId} />
          <input type="hidden" name="reviewId" value={reviewId} />
          <input type="hidden" name="to" value="auto" />
          <SubmitButton variant="secondary" className={small} pendingLabel={t("reassigning")} aria-label={t("reassignLabel", { reviewer: reviewerName, author: authorName })}>
            {t("reassign")}
          </SubmitButton>
        </form>
        <button
          type="button"
          className={buttonClasses("ghost", small)}
          onClick={() => (choosing ? dialog.current?.showModal() : setChoosing(true))}
          aria-haspopup="dialog"
          aria-label={t("chooseLabel", { author: authorName })}
        >
          {t("choose")}
        </button>
      </div>
      {state && <FormMessage tone={state.ok ? "success" : "error"}>{state.ok ? t("reassigned", { name: state.data.to }) : state.message}</FormMessage>}
      {choosing && <ChooseDialog dialogRef={dialog} cohortId={cohortId} reviewId={reviewId} authorName={authorName} />}
    </div>
  );
}

function ChooseDialog({ dialogRef, cohortId, reviewId, authorName }: { dialogRef: React.RefObject<HTMLDialogElement | null>; cohortId: string; reviewId: string; authorName: string }) {
  const t = useTranslations("dashboard");
  const id = useId();
  const [q, setQ] = useState("");
  const [list, setList] = useState<Candidate[] | null>(null);
  const [loading, startLoading] = useTransition();
  const [state, action] = useActionState(reassignAction, null);

  // Mounted on the first "Choose…": opens at once, then loads candidates as the search changes (debounced).
  useEffect(() => {
    if (!dialogRef.current?.open) dialogRef.current?.showModal();
  }, [dialogRef]);
  useEffect(() => {
    const timer = setTimeout(
      () =>
        startLoading(async () => {
          const result = await candidatesAction(null, { cohortId, reviewId, q });
          setList(result.ok ? result.data : []);
        }),
      q ? 250 : 0,
    );
    return () => clearTimeout(timer);
  }, [cohortId, reviewId, q]);

  useEffect(() => {
    if (state?.ok) dialogRef.current?.close();
  }, [state, dialogRef]);

  return (
    <dialog ref={dialogRef} aria-labelledby={`${id}-title`} className="m-auto w-[min(32rem,92vw)] rounded-xl border border-line p-6 text-left shadow-lg backdrop:bg-black/30">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {t("chooseTitle", { author: authorName })}
      </h2>
      <p className="mt-1 text-sm text-muted">{t("chooseLead")}</p>
      <form action={action} className="mt-4 flex flex-col gap-3">
        <input type="hidden" name="cohortId" value={cohortId} />
        <input type="hidden" name="reviewId" value={reviewId} />
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("searchPeople")}
          <input
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            className="rounded-lg border border-line px-3 py-2 font-normal"
            aria-describedby={`${id}-count`}
          />
        </label>
        <fieldset className="flex max-h-72 flex-col gap-1 overflow-y-auto rounded-lg border border-line p-2" aria-busy={loading}>
          <legend className="sr-only">{t("chooseLegend")}</legend>
          <label className="flex items-center gap-3 rounded-md px-2 py-1.5 text-sm hover:bg-stone-50">
            <input type="radio" name="to" value="me" defaultChecked />
            <span className="font-medium">{t("toMe")}</span>
          </label>
          {list?.map((c) => (
            <label key={c.id} className="flex items-center gap-3 rounded-md px-2 py-1.5 text-sm hover:bg-stone-50">
              <input type="radio" name="to" value={c.id} />
              <span className="flex-1">{c.name}</span>
              <span className="text-xs text-muted">
                {c.volunteer ? t("volunteer") : c.role === "instructor" ? t("instructorRole") : t("openCount", { count: c.open })}
              </span>
            </label>
          ))}
          <p id={`${id}-count`} className="px-2 py-1 text-xs text-muted" aria-live="polite">
            {loading || list === null ? t("loadingPeople") : list.length === 0 ? t("noPeople") : t("peopleShown", { count: list.length })}
          </p>
        </fieldset>
        {state && !state.ok && <FormMessage tone="error">{state.message}</FormMessage>}
        <div className="flex justify-end gap-2">
          <button type="button" className={buttonClasses("secondary")} onClick={() => dialogRef.current?.close()}>
            {t("cancel")}
          </button>
          <SubmitButton pendingLabel={t("reassigning")}>{t("handOver")}</SubmitButton>
        </div>
      </form>
    </dialog>
  );
}

/** A no-show's every open review in one click. */
export function ReassignAllButton({ cohortId, reviewerId, reviewerName, count }: { cohortId: string; reviewerId: string; reviewerName: string; count: number }) {
  const t = useTranslations("dashboard");
  const [state, action] = useActionState(reassignAllAction, null);
  return (
    <form action={action} className="flex flex-col items-start gap-1">
      <input type="hidden" name="cohortId" value={cohortId} />
      <input type="hidden" name="reviewerId" value={reviewerId} />
      <SubmitButton className={small} pendingLabel={t("reassigning")} aria-label={t("reassignAllLabel", { name: reviewerName, count })}>
        {t("reassignAll", { count })}
      </SubmitButton>
      {state && <FormMessage tone={state.ok ? "success" : "error"}>{state.ok ? t("reassignedAll", { count: state.data.count, names: state.data.to }) : state.message}</FormMessage>}
    </form>
  );
}

/** "Re-pair the remaining students" of one assignment, after a confirmation. */
export function RepairButton({ cohortId, assignmentId, lessonTitle }: { cohortId: string; assignmentId: string; lessonTitle: string }) {
  const t = useTranslations("dashboard");
  const [state, action] = useActionState(repairAction, null);
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <div className="flex flex-col items-end gap-1">
      <Button type="button" variant="secondary" className={small} onClick={() => dialog.current?.showModal()} aria-haspopup="dialog">
        {t("repair")}
      </Button>
      <ConfirmDialog
        dialogRef={dialog}
        id={`repair-${assignmentId}`}
        title={t("repairTitle", { lesson: lessonTitle })}
        body={t("repairBody")}
        action={(form) => {
          dialog.current?.close();
          action(form);
        }}
        fields={{ cohortId, assignmentId }}
        cancelLabel={t("cancel")}
        confirmLabel={t("repairConfirm")}
        pendingLabel={t("repairing")}
      />
      {state && (
        <FormMessage tone={state.ok ? "success" : "error"}>
          {state.ok ? t("repaired", { expired: state.data.expired, handed: state.data.handed, left: state.data.left }) : state.message}
        </FormMessage>
      )}
    </div>
  );
}

/** Excuse a student from one assignment (confirmation first: it takes them out of the pairing). */
export function ExcuseButton({ cohortId, assignmentId, userId, name, lessonTitle }: { cohortId: string; assignmentId: string; userId: string; name: string; lessonTitle: string }) {
  const t = useTranslations("dashboard");
  const [state, action] = useActionState(excuseAction, null);
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <div className="flex flex-col items-end gap-1">
      <Button type="button" variant="ghost" className={small} onClick={() => dialog.current?.showModal()} aria-haspopup="dialog">
        {t("excuse")}
      </Button>
      <ConfirmDialog
        dialogRef={dialog}
        id={`excuse-${assignmentId}-${userId}`}
        title={t("excuseTitle", { name, lesson: lessonTitle })}
        body={t("excuseBody")}
        action={(form) => {
          dialog.current?.close();
          action(form);
        }}
        fields={{ cohortId, assignmentId, userId }}
        cancelLabel={t("cancel")}
        confirmLabel={t("excuseConfirm")}
        pendingLabel={t("excusing")}
      />
      {state && !state.ok && <FormMessage tone="error">{state.message}</FormMessage>}
    </div>
  );
}

/** A new deadline for one student and one assignment, in the cohort's time zone. */
export function ExtendForm({ cohortId, assignmentId, userId, defaultValue, timeZone }: { cohortId: string; assignmentId: string; userId: string; defaultValue: string; timeZone: string }) {
  const t = useTranslations("dashboard");
  const id = useId();
  const [state, action] = useActionState(extendAction, null);
  const error = state && !state.ok ? state.fieldErrors?.until?.[0] : undefined;
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="cohortId" value={cohortId} />
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <input type="hidden" name="userId" value={userId} />
      <label className="flex flex-col gap-1 text-xs font-medium text-muted" htmlFor={`${id}-until`}>
        {t("extendUntil", { zone: timeZone })}
        <input
          id={`${id}-until`}
          type="datetime-local"
          name="until"
          defaultValue={state && !state.ok ? (state.values?.until ?? defaultValue) : defaultValue}
          required
          aria-invalid={Boolean(error)}
          aria-describedby={error ? `${id}-error` : undefined}
          className="rounded-lg border border-line px-2 py-1.5 text-sm text-ink"
        />
      </label>
      <SubmitButton variant="secondary" className={small} pendingLabel={t("extending")}>
        {t("extend")}
      </SubmitButton>
      {error && (
        <p id={`${id}-error`} className="w-full text-xs text-red-700">
          {error}
        </p>
      )}
      {state?.ok && <FormMessage tone="success">{t("extended", { count: state.data.reviews })}</FormMessage>}
      {state && !state.ok && !error && <FormMessage tone="error">{state.message}</FormMessage>}
    </form>
  );
}

"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { createContext, useActionState, useContext, useEffect, useId, useRef, useState, useTransition, type ReactNode } from "react";
import { assignPoolAction, offerPoolAction, poolCandidatesAction, takePoolAction } from "@/app/(app)/cohorts/[cohortId]/dashboard/pool-actions";
import { buttonClasses } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/actions-core";
import type { PoolCandidate } from "@/lib/dashboard/pool-overrides";

const small = "px-3 py-1.5";

type Outcome = { text: string; href?: string; linkLabel?: string };
const Report = createContext<(outcome: Outcome) => void>(() => {});

/**
 * Where the pool's actions say what they did. It stays when a filled slot leaves the list and takes
 * the focus, so that a keyboard user is not left on a button that has just gone.
 */
export function PoolFeedback({ children }: { children: ReactNode }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (outcome) ref.current?.focus();
  }, [outcome]);
  return (
    <Report value={setOutcome}>
      <p ref={ref} tabIndex={-1} role="status" className="rounded-lg border border-brand-200 bg-brand-50 px-3 py-2 text-sm text-brand-900 empty:hidden">
        {outcome && (
          <>
            {outcome.text}
            {outcome.href && (
              <>
                {" "}
                <Link href={outcome.href} className="font-medium underline underline-offset-2">
                  {outcome.linkLabel}
                </Link>
              </>
            )}
          </>
        )}
      </p>
      {children}
    </Report>
  );
}

type Slot = { cohortId: string; assignmentId: string; submissionId: string };

function SlotFields({ slot }: { slot: Slot }) {
  return (
    <>
      <input type="hidden" name="cohortId" value={slot.cohortId} />
      <input type="hidden" name="assignmentId" value={slot.assignmentId} />
      <input type="hidden" name="submissionId" value={slot.submissionId} />
    </>
  );
}

/** One waiting submission's three fixes: take it, offer it to volunteers, assign it to someone. */
export function PoolSlotActions({ slot, authorName, describedBy }: { slot: Slot; authorName: string; describedBy: string }) {
  const t = useTranslations("reservePool");
  const report = useContext(Report);
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [assigning, setAssigning] = useState(false);

  // Success is told above the list (the slot may leave it); a refusal stays here, at the slot.
  function settle<T>(result: ActionResult<T>, told: (data: T) => Outcome): ActionResult<T> {
    if (result.ok) {
      setError(null);
      report(told(result.data));
    } else setError(result.fieldErrors ? null : result.message);
    return result;
  }
  const [, take] = useActionState(
    async (_prev: unknown, form: FormData) =>
      settle(await takePoolAction(null, form), (d) => ({ text: t("taken", { author: d.author }), href: `/cohorts/${slot.cohortId}/reviews/${d.reviewId}`, linkLabel: t("openReview") })),
    null,
  );
  const [, offer] = useActionState(
    async (_prev: unknown, form: FormData) => settle(await offerPoolAction(null, form), (d) => ({ text: t("offered", { count: d.notified, skipped: d.skipped, author: authorName }) })),
    null,
  );
  const [assignState, assign] = useActionState(async (_prev: unknown, form: FormData) => {
    const result = settle(await assignPoolAction(null, form), (d) => ({ text: t("assigned", { name: d.to, author: d.author }) }));
    if (result.ok) setAssigning(false);
    return result;
  }, null);

  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex flex-wrap justify-end gap-2">
        <form action={take}>
          <SlotFields slot={slot} />
          <SubmitButton variant="secondary" className={small} pendingLabel={t("taking")} aria-describedby={describedBy}>
            {t("take")}
          </SubmitButton>
        </form>
        <form action={offer}>
          <SlotFields slot={slot} />
          <SubmitButton variant="secondary" className={small} pendingLabel={t("offering")} aria-describedby={describedBy}>
            {t("offer")}
          </SubmitButton>
        </form>
        <button
          type="button"
          className={buttonClasses("ghost", small)}
          aria-expanded={assigning}
          aria-controls={assigning ? `${id}-assign` : undefined}
          aria-describedby={describedBy}
          onClick={() => setAssigning((open) => !open)}
        >
          {t("assignTo")}
        </button>
      </div>
      {assigning && (
        <AssignForm
          formId={`${id}-assign`}
          slot={slot}
          authorName={authorName}
          action={assign}
          fieldError={assignState && !assignState.ok ? assignState.fieldErrors?.userId?.[0] : undefined}
          onCancel={() => setAssigning(false)}
        />
      )}
      {error && <FormMessage tone="error">{error}</FormMessage>}
    </div>
  );
}

/** "Assign to …": whom to ask, loaded when it opens (students who gave all theirs first, then the others, then instructors). */
function AssignForm(props: { formId: string; slot: Slot; authorName: string; action: (form: FormData) => void; fieldError?: string; onCancel: () => void }) {
  const { formId, slot, fieldError } = props;
  const t = useTranslations("reservePool");
  const [list, setList] = useState<PoolCandidate[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [chosen, setChosen] = useState("");
  const [, startLoading] = useTransition();
  const select = useRef<HTMLSelectElement>(null);
  const { cohortId, assignmentId, submissionId } = slot;

  useEffect(() => {
    select.current?.focus();
    startLoading(async () => {
      const result = await poolCandidatesAction(null, { cohortId, assignmentId, submissionId });
      setList(result.ok ? result.data : []);
      setFailed(result.ok ? null : result.message);
    });
  }, [cohortId, assignmentId, submissionId]);

  const groups = [
    { label: t("groupVolunteers"), people: list?.filter((c) => c.volunteer) ?? [] },
    { label: t("groupStudents"), people: list?.filter((c) => c.role === "student" && !c.volunteer) ?? [] },
    { label: t("groupInstructors"), people: list?.filter((c) => c.role === "instructor") ?? [] },
  ].filter((g) => g.people.length > 0);
  const status = failed ?? (list === null ? t("loadingPeople") : t("peopleCount", { count: list.length }));

  return (
    <form id={formId} action={props.action} className="flex w-full max-w-md flex-wrap items-end justify-end gap-2 rounded-lg border border-line bg-stone-50 p-3">
      <SlotFields slot={slot} />
      <label htmlFor={`${formId}-who`} className="flex min-w-0 flex-1 flex-col gap-1 text-xs font-medium text-muted">
        {t("assignee", { author: props.authorName })}
        <select
          id={`${formId}-who`}
          ref={select}
          name="userId"
          value={chosen}
          onChange={(e) => setChosen(e.target.value)}
          aria-busy={list === null}
          aria-invalid={Boolean(fieldError)}
          aria-describedby={fieldError ? `${formId}-error ${formId}-status` : `${formId}-status`}
          className="rounded-lg border border-line bg-white px-2 py-1.5 text-sm font-normal text-ink"
        >
          <option value="">{list === null ? t("loadingPeople") : t("choose")}</option>
          {groups.map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.people.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.role === "student" && !c.volunteer ? t("personOpen", { name: c.name, count: c.open }) : c.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <SubmitButton className={small} pendingLabel={t("assigning")}>
        {t("assign")}
      </SubmitButton>
      <button type="button" className={buttonClasses("ghost", small)} onClick={props.onCancel}>
        {t("cancel")}
      </button>
      {fieldError && (
        <p id={`${formId}-error`} className="w-full text-xs text-red-700" aria-live="polite">
          {fieldError}
        </p>
      )}
      <p id={`${formId}-status`} className="w-full text-xs text-muted" aria-live="polite">
        {status}
      </p>
    </form>
  );
}

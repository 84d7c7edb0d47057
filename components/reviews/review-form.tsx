"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition } from "react";
import { saveReviewDraftAction, submitReviewAction } from "@/app/(app)/cohorts/[cohortId]/reviews/actions";
import { CanvasView } from "@/components/canvas/canvas-view";
import { canvasViewLabels } from "@/components/canvas/canvas-view-labels";
import { Spinner } from "@/components/ui/spinner";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { FormMessage } from "@/components/ui/form-message";
import type { FrozenCanvas, RubricCriterion } from "@/lib/assignments/types";
import { REVIEW_ANCHORS_MAX, type ReviewAnchor, type ReviewScores } from "@/lib/pairing/types";
import { RubricFields, RubricNote } from "./rubric-fields";

type Props = {
  cohortId: string;
  reviewId: string;
  version: number;
  rubric: RubricCriterion[];
  initial: { scores: ReviewScores; standout: string; anchors: ReviewAnchor[] };
  canvases: FrozenCanvas[];
  locale: "de" | "en";
  /** The assignment's minimum length per criterion comment and for "what stands out". */
  minCommentChars: number;
  minSummaryChars: number;
  /** An instructor sent the review back: their note. */
  sentBack?: { note: string } | null;
};

/**
 * The review workspace: the submitted canvases (notes can be referred to) next to the rubric,
 * "what stands out" and the referenced notes. Drafts are saved on request and before leaving is
 * warned about; submitting posts the review into the submission's thread.
 */
export function ReviewForm(props: Props) {
  const t = useTranslations("reviews");
  const te = useTranslations("editor");
  const [scores, setScores] = useState<ReviewScores>(props.initial.scores);
  const [standout, setStandout] = useState(props.initial.standout);
  const [anchors, setAnchors] = useState<ReviewAnchor[]>(props.initial.anchors);
  const version = useRef(props.version);
  const [dirty, setDirty] = useState(false);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [saving, startSave] = useTransition();
  const [submitting, startSubmit] = useTransition();

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const summaryLength = standout.trim().length;
  const change = () => {
    setDirty(true);
    setMessage(null);
  };
  const toggleAnchor = (canvasIndex: number, note: { id: string; text: string }) => {
    setAnchors((list) =>
      list.some((a) => a.noteId === note.id)
        ? list.filter((a) => a.noteId !== note.id)
        : list.length >= REVIEW_ANCHORS_MAX
          ? list
          : [...list, { canvasIndex, noteId: note.id, text: note.text.slice(0, 600) }],
    );
    change();
  };

  const payload = () => ({ cohortId: props.cohortId, reviewId: props.reviewId, baseVersion: version.current, scores, standout, anchors });

  const save = () =>
    startSave(async () => {
      const result = await saveReviewDraftAction(null, payload());
      if (result.ok) {
        version.current = result.data.version;
        setDirty(false);
        setFieldErrors({});
        setMessage({ tone: "success", text: t("draftSaved") });
      } else {
        setMessage({ tone: "error", text: result.message });
      }
    });

  const submit = () =>
    startSubmit(async () => {
      setDirty(false);
      const result = await submitReviewAction(null, payload());
      // Success redirects to the thread; only refusals come back.
      if (result && !result.ok) {
        setDirty(true);
        setFieldErrors(result.fieldErrors ?? {});
        setMessage({ tone: "error", text: result.message });
      }
    });

  const labels = canvasViewLabels(te as (key: string) => string);
  const busy = saving || submitting;

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_24rem]">
      <section aria-labelledby="review-canvases" className="flex min-w-0 flex-col gap-6">
        <h2 id="review-canvases" className="text-lg font-semibold">
          {t("theirWork")}
        </h2>
        <p className="-mt-4 text-sm text-muted">{t("referHint")}</p>
        {props.canvases.map((canvas, i) => (
          <section key={canvas.canvasId} aria-label={canvas.title} className="flex flex-col gap-2">
            <h3 className="font-semibold">{canvas.title}</h3>
            <CanvasView
                  template={canvas.template}
                  doc={canvas.document}
                  locale={props.locale}
                  labels={labels}
                  idPrefix={`r${i}`}
                  noteAction={(note) => {
                    const on = anchors.some((a) => a.noteId === note.id);
                    return (
                      <button
                        type="button"
                        aria-pressed={on}
                        aria-label={t(on ? "unrefer" : "refer", { note: note.text.slice(0, 80) })}
                        onClick={() => toggleAnchor(i, note)}
                        className={cn(
                          "mt-1 block rounded-md border px-1.5 py-0.5 text-[0.7rem] font-medium",
                          on ? "border-brand-500 bg-brand-600 text-white" : "border-line bg-white/70 text-stone-600 hover:bg-white",
                        )}
                      >
                        {on ? t("referred") : t("referShort")}
                      </button>
                    );
                  }}
                />
          </section>
        ))}
      </section>

      <form
        aria-labelledby="review-form-heading"
        className="flex flex-col gap-6 self-start rounded-xl border border-line bg-white p-5 shadow-xs lg:sticky lg:top-6"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <h2 id="review-form-heading" className="text-lg font-semibold">
          {t("yourReview")}
        </h2>
        {props.sentBack && (
          <div className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="sent-back-note">
            <p className="font-medium">{t("sentBackTitle")}</p>
            <p className="mt-1 whitespace-pre-line break-words">{props.sentBack.note}</p>
          </div>
        )}
        <RubricFields
          rubric={props.rubric}
          scores={scores}
          onChange={(next) => {
            setScores(next);
            change();
          }}
          fieldErrors={fieldErrors}
          minCommentChars={props.minCommentChars}
        />

        <RubricNote
          id="review-standout"
          label={t("standout")}
          rows={5}
          value={standout}
          onChange={(value) => {
            setStandout(value);
            change();
          }}
          errors={fieldErrors.standout}
          below={
            props.minSummaryChars > 0 && (
              <p id="review-standout-below" className={cn("text-xs", summaryLength >= props.minSummaryChars ? "text-brand-800" : "text-muted")}>
                {t("commentCounter", { count: summaryLength, min: props.minSummaryChars })}
              </p>
            )
          }
        />

        <div className="flex flex-col gap-2">
          <h3 className="text-sm font-medium">{t("anchors")}</h3>
          {anchors.length === 0 ? (
            <p className="text-sm text-muted">{t("noAnchors")}</p>
          ) : (
            <ul className="flex flex-col gap-1.5">
              {anchors.map((anchor) => (
                <li key={anchor.noteId} className="flex items-start gap-2 rounded-lg bg-stone-50 px-2.5 py-1.5 text-sm">
                  <span className="min-w-0 flex-1 break-words">{t("quoted", { text: anchor.text || "…" })}</span>
                  <button
                    type="button"
                    onClick={() => toggleAnchor(anchor.canvasIndex, { id: anchor.noteId, text: anchor.text })}
                    className="rounded px-1 text-muted hover:bg-stone-200 hover:text-ink"
                    aria-label={t("unrefer", { note: anchor.text.slice(0, 80) })}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>

        {message && <FormMessage tone={message.tone}>{message.text}</FormMessage>}

        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={busy} aria-disabled={busy}>
            {submitting && <Spinner />}
            <span aria-live="polite">{submitting ? t("submitting") : t("submit")}</span>
          </Button>
          <Button type="button" variant="secondary" onClick={save} disabled={busy} aria-disabled={busy}>
            {saving && <Spinner />}
            <span aria-live="polite">{saving ? t("savingDraft") : t("saveDraft")}</span>
          </Button>
        </div>
        <p className="text-xs text-muted">{dirty ? t("unsaved") : t("submitHint")}</p>
      </form>
    </div>
  );
}

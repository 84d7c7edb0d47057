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
import { reviewLength } from "@/lib/reviews/length";
import { REVIEW_ANCHORS_MAX, REVIEW_MIN_CHARS, type ReviewAnchor, type ReviewScores } from "@/lib/pairing/types";

type Props = {
  cohortId: string;
  reviewId: string;
  version: number;
  rubric: RubricCriterion[];
  initial: { scores: ReviewScores; standout: string; anchors: ReviewAnchor[] };
  canvases: FrozenCanvas[];
  locale: "de" | "en";
};

const textareaClass =
  "w-full rounded-lg border bg-white px-3 py-2 text-[0.95rem] shadow-xs outline-none focus-visible:border-brand-500 focus-visible:ring-2 focus-visible:ring-brand-200";

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

  const length = reviewLength({ scores, standout });
  const change = () => {
    setDirty(true);
    setMessage(null);
  };
  const answer = (id: string) => scores[id] ?? { score: null, comment: "" };
  const setAnswer = (id: string, patch: Partial<ReviewScores[string]>) => {
    setScores((s) => ({ ...s, [id]: { ...(s[id] ?? { score: null, comment: "" }), ...patch } }));
    change();
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
        {props.rubric.map((c) => {
          const a = answer(c.id);
          const errorId = `score-${c.id}-error`;
          const errors = fieldErrors[`score-${c.id}`];
          return (
            <fieldset key={c.id} className="flex flex-col gap-2" aria-describedby={errors ? errorId : undefined}>
              <legend className="font-medium">{c.title}</legend>
              {c.prompt && <p className="text-sm text-muted">{c.prompt}</p>}
              <div role="radiogroup" aria-label={t("scoreOf", { title: c.title })} className="flex flex-wrap gap-1.5">
                {Array.from({ length: c.scale }, (_, i) => i + 1).map((n) => (
                  <label
                    key={n}
                    className={cn(
                      "flex min-w-10 cursor-pointer items-center justify-center rounded-lg border px-3 py-1.5 text-sm font-medium has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-300",
                      a.score === n ? "border-brand-600 bg-brand-600 text-white" : "border-line bg-white hover:bg-stone-50",
                    )}
                  >
                    <input
                      type="radio"
                      className="sr-only"
                      name={`score-${c.id}`}
                      value={n}
                      checked={a.score === n}
                      onChange={() => setAnswer(c.id, { score: n })}
                      aria-label={t("scoreLabel", { n, scale: c.scale })}
                    />
                    {n}
                  </label>
                ))}
              </div>
              <p className="text-xs text-muted">{t("scaleHint", { scale: c.scale })}</p>
              <p id={errorId} aria-live="polite" className="text-sm text-red-700 empty:hidden">
                {errors?.join(" ")}
              </p>
              <label htmlFor={`comment-${c.id}`} className="sr-only">
                {t("commentOn", { title: c.title })}
              </label>
              <textarea
                id={`comment-${c.id}`}
                rows={3}
                value={a.comment}
                placeholder={t("commentPlaceholder")}
                onChange={(e) => setAnswer(c.id, { comment: e.target.value })}
                className={cn(textareaClass, "border-line")}
              />
            </fieldset>
          );
        })}

        <div className="flex flex-col gap-1.5">
          <label htmlFor="review-standout" className="font-medium">
            {t("standout")}
          </label>
          <textarea
            id="review-standout"
            rows={5}
            value={standout}
            onChange={(e) => {
              setStandout(e.target.value);
              change();
            }}
            aria-describedby="review-length review-standout-error"
            aria-invalid={Boolean(fieldErrors.standout) || undefined}
            className={cn(textareaClass, fieldErrors.standout ? "border-red-600" : "border-line")}
          />
          <p id="review-length" className={cn("text-xs", length >= REVIEW_MIN_CHARS ? "text-brand-800" : "text-muted")}>
            {t("lengthCounter", { count: length, min: REVIEW_MIN_CHARS })}
          </p>
          <p id="review-standout-error" aria-live="polite" className="text-sm text-red-700 empty:hidden">
            {fieldErrors.standout?.join(" ")}
          </p>
        </div>

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

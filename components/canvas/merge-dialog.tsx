"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useModalDialog } from "@/components/ui/use-modal-dialog";
import { Spinner } from "@/components/ui/spinner";
import type { Note } from "@/lib/canvas/document";
import type { Choice, NoteConflict, NoteSide } from "@/lib/canvas/merge";

/**
 * A real conflict: the same note changed here and in another window (or deleted in one of them).
 * Everything else has been merged already; here the user chooses per note which version stays.
 * Keeping this window's whole canvas as a copy remains, as an explicit second way out.
 */
export function MergeDialog(props: {
  conflicts: NoteConflict[];
  blockTitle: (blockId: string) => string;
  describe: (note: Note, blockId: string) => string;
  onResolve: (choices: Record<string, Choice>) => void;
  onKeepCopy: () => Promise<void>;
}) {
  const t = useTranslations("editor");
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [keeping, setKeeping] = useState(false);
  const ref = useModalDialog(props.conflicts.length > 0);
  // Each new conflict starts with no choice made.
  const [asked, setAsked] = useState(props.conflicts);
  if (asked !== props.conflicts) {
    setAsked(props.conflicts);
    setChoices({});
  }
  const complete = props.conflicts.every((c) => choices[c.noteId]);

  const side = (s: NoteSide) => (s ? props.describe(s.note, s.blockId) : t("mergeDeleted"));
  return (
    <dialog
      ref={ref}
      aria-labelledby="merge-title"
      aria-describedby="merge-body"
      onCancel={(e) => e.preventDefault()}
      className="m-auto max-h-[90vh] w-[min(40rem,94vw)] overflow-y-auto rounded-xl border border-line p-6 shadow-lg backdrop:bg-black/30"
    >
      <h2 id="merge-title" className="text-lg font-semibold">
        {t("conflictTitle")}
      </h2>
      <p id="merge-body" className="mt-2 text-sm text-stone-700">
        {t("conflictBody", { count: props.conflicts.length })}
      </p>
      <div className="mt-4 flex flex-col gap-4">
        {props.conflicts.map((conflict) => {
          const where = conflict.mine ?? conflict.theirs ?? conflict.base;
          return (
            <fieldset key={conflict.noteId} className="rounded-lg border border-line p-3" data-testid="merge-conflict">
              <legend className="px-1 text-sm font-medium">{t("mergeNoteIn", { block: props.blockTitle(where!.blockId) })}</legend>
              {(["mine", "theirs"] as const).map((choice) => (
                <label key={choice} className="flex items-start gap-2 rounded-md p-2 text-sm hover:bg-stone-50">
                  <input
                    type="radio"
                    name={`merge-${conflict.noteId}`}
                    value={choice}
                    checked={choices[conflict.noteId] === choice}
                    onChange={() => setChoices((c) => ({ ...c, [conflict.noteId]: choice }))}
                    className="mt-1 accent-brand-600"
                  />
                  <span className="min-w-0">
                    <span className="block font-medium">{t(choice === "mine" ? "mergeMine" : "mergeTheirs")}</span>
                    <span className="note-text block whitespace-pre-wrap text-stone-700">{side(conflict[choice])}</span>
                  </span>
                </label>
              ))}
            </fieldset>
          );
        })}
      </div>
      <div className="mt-6 flex flex-wrap items-center justify-end gap-2">
        <Button
          variant="ghost"
          disabled={keeping}
          onClick={async () => {
            setKeeping(true);
            try {
              await props.onKeepCopy();
            } finally {
              setKeeping(false);
            }
          }}
        >
          {keeping && <Spinner />}
          {keeping ? t("keepingMine") : t("keepMine")}
        </Button>
        <Button disabled={!complete || keeping} onClick={() => props.onResolve(choices)}>
          {t("mergeApply")}
        </Button>
      </div>
    </dialog>
  );
}

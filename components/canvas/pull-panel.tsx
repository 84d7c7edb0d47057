"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { notesOf, type CanvasDocument } from "@/lib/canvas/document";
import type { PullSource } from "@/lib/canvas/segments";

type Pullable = PullSource["notes"][number];

/**
 * Value Proposition Canvas of a segment: the jobs, pains and gains found on the segment's Empathy
 * Maps and Personas, one click (or key) away from the customer profile. A note already on the
 * canvas with the same text counts as pulled.
 */
export function PullPanel(props: {
  sources: PullSource[];
  doc: CanvasDocument;
  cohortId: string;
  blockTitle: (blockId: string) => string;
  onPull: (notes: Pullable[]) => void;
}) {
  const t = useTranslations("editor");
  const present = (n: Pullable) => notesOf(props.doc, n.into).some((m) => m.text.trim() === n.text);
  const open = props.sources.flatMap((s) => s.notes).filter((n) => !present(n));

  return (
    <aside aria-labelledby="pull-heading" className="rounded-xl border border-line bg-white p-4 print:hidden">
      <h2 id="pull-heading" className="text-sm font-semibold">
        {t("pullTitle")}
      </h2>
      {props.sources.length === 0 ? (
        <p className="mt-2 text-xs text-muted">{t("pullNone")}</p>
      ) : (
        <>
          <p className="mt-1 text-xs text-muted">{t("pullLead")}</p>
          {open.length > 1 && (
            <button
              type="button"
              onClick={() => props.onPull(open)}
              className="mt-3 rounded-md border border-line bg-white px-2.5 py-1 text-xs font-medium hover:bg-stone-50"
            >
              {t("pullAll", { count: open.length })}
            </button>
          )}
          {props.sources.map((source) => (
            <section key={source.canvasId} className="mt-4 text-xs">
              <h3 className="font-medium">
                <Link href={`/cohorts/${props.cohortId}/canvases/${source.canvasId}`} className="hover:underline">
                  {source.title}
                </Link>
              </h3>
              {source.notes.length === 0 ? (
                <p className="mt-1 text-muted">{t("pullSourceEmpty")}</p>
              ) : (
                <ul className="mt-1 flex flex-col gap-1">
                  {source.notes.map((note) => {
                    const done = present(note);
                    const into = props.blockTitle(note.into);
                    return (
                      <li key={note.id} className="flex items-start justify-between gap-2 rounded-md bg-stone-50 px-2 py-1">
                        <span>
                          <span className="text-muted">{into}: </span>
                          {note.text}
                        </span>
                        {done ? (
                          <span className="shrink-0 text-emerald-700">✓ {t("pulled")}</span>
                        ) : (
                          <button
                            type="button"
                            onClick={() => props.onPull([note])}
                            aria-label={t("pullOne", { note: note.text.slice(0, 60), block: into })}
                            className="shrink-0 rounded px-1.5 font-medium text-brand-700 hover:bg-brand-50"
                          >
                            + {t("pull")}
                          </button>
                        )}
                      </li>
                    );
                  })}
                </ul>
              )}
            </section>
          ))}
        </>
      )}
    </aside>
  );
}

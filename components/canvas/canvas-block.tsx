"use client";

import { useDroppable } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import type { Note } from "@/lib/canvas/document";
import type { BlockDef } from "@/lib/canvas/types";

/** One block of the canvas: title, optional guiding questions, its sortable notes, "add note". */
export function CanvasBlock(props: {
  block: BlockDef;
  locale: "de" | "en";
  notes: Note[];
  showQuestions: boolean;
  onAdd: () => void;
  children: ReactNode;
}) {
  const { block, locale } = props;
  const t = useTranslations("editor");
  const [questionsOpen, setQuestionsOpen] = useState(false);
  const open = props.showQuestions || questionsOpen;
  // The block itself is a drop target only while empty; otherwise its notes are, which keeps the
  // keyboard sensor moving from note to note instead of jumping to the block's end.
  const { setNodeRef, isOver } = useDroppable({
    id: `block:${block.id}`,
    data: { blockId: block.id },
    disabled: props.notes.length > 0,
  });
  const headingId = `block-${block.id}-title`;
  const questionsId = `block-${block.id}-questions`;

  return (
    <section
      aria-labelledby={headingId}
      ref={setNodeRef}
      style={{
        gridColumn: `${block.grid.column} / span ${block.grid.columnSpan}`,
        gridRow: `${block.grid.row} / span ${block.grid.rowSpan}`,
      }}
      className={cn(
        "flex min-h-40 flex-col gap-2 rounded-xl border bg-white p-3 break-inside-avoid",
        block.area === "profile" ? "border-sky-200" : "border-line",
        isOver && "ring-2 ring-brand-200",
      )}
    >
      <header className="flex items-start justify-between gap-2">
        <div>
          <h2 id={headingId} className="text-sm font-semibold">
            {block.title[locale]}
          </h2>
          <p className="text-xs text-muted">{block.hint[locale]}</p>
        </div>
        <button
          type="button"
          aria-expanded={open}
          aria-controls={questionsId}
          onClick={() => setQuestionsOpen((v) => !v)}
          className="shrink-0 rounded-full border border-line px-2 text-xs text-muted hover:bg-stone-50 print:hidden"
          title={open ? t("hideQuestions") : t("showQuestions")}
        >
          <span aria-hidden>?</span>
          <span className="sr-only">{open ? t("hideQuestions") : t("showQuestions")}</span>
        </button>
      </header>
      {open && (
        <ul id={questionsId} className="list-disc rounded-lg bg-stone-50 py-2 pr-2 pl-6 text-xs text-stone-600">
          {block.questions[locale].map((q) => (
            <li key={q}>{q}</li>
          ))}
        </ul>
      )}
      <SortableContext id={block.id} items={props.notes.map((n) => n.id)} strategy={verticalListSortingStrategy}>
        <ul className="flex flex-col gap-2" aria-label={block.title[locale]}>
          {props.children}
        </ul>
      </SortableContext>
      {props.notes.length === 0 && <p className="text-xs text-stone-400 print:hidden">{t("emptyBlock")}</p>}
      <button
        type="button"
        onClick={props.onAdd}
        aria-label={t("addNoteTo", { block: block.title[locale] })}
        className="mt-auto self-start rounded-md px-2 py-1 text-xs font-medium text-brand-700 hover:bg-brand-50 print:hidden"
      >
        + {t("addNote")}
      </button>
    </section>
  );
}

"use client";

import { useDroppable } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { useTranslations } from "next-intl";
import { useState, type CSSProperties, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import type { Note } from "@/lib/canvas/document";
import type { BlockDef } from "@/lib/canvas/types";

/**
 * One block of the board: title, optional guiding questions, its sortable notes, "add note".
 * In the one-column (narrow) layout its body folds away under the title.
 */
export function CanvasBlock(props: {
  block: BlockDef;
  place: CSSProperties;
  locale: "de" | "en";
  notes: Note[];
  showQuestions: boolean;
  onAdd: () => void;
  children: ReactNode;
}) {
  const { block, locale } = props;
  const t = useTranslations("editor");
  const [questionsOpen, setQuestionsOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
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
  const bodyId = `block-${block.id}-body`;
  const title = block.title[locale];

  return (
    <section
      aria-labelledby={headingId}
      ref={setNodeRef}
      style={props.place}
      data-block-id={block.id}
      data-collapsed={collapsed}
      className={cn(
        "board-block flex flex-col gap-2 rounded-xl border border-line bg-white p-3",
        isOver && "ring-2 ring-brand-200",
      )}
    >
      <header className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <div className="flex items-baseline gap-1.5">
            <h2 id={headingId} className="note-text text-sm font-semibold">
              {title}
            </h2>
            {props.notes.length > 0 && <span className="text-sm text-stone-600 tabular-nums">({props.notes.length})</span>}
          </div>
          <p className="note-text text-xs text-muted">{block.hint[locale]}</p>
        </div>
        <div className="flex shrink-0 gap-1">
          <button
            type="button"
            aria-expanded={open}
            aria-controls={questionsId}
            onClick={() => setQuestionsOpen((v) => !v)}
            className="rounded-full border border-line px-2 text-xs text-muted hover:bg-stone-50"
            title={open ? t("hideQuestions") : t("showQuestions")}
          >
            <span aria-hidden>?</span>
            <span className="sr-only">
              {open ? t("hideQuestions") : t("showQuestions")}: {title}
            </span>
          </button>
          <button
            type="button"
            aria-expanded={!collapsed}
            aria-controls={bodyId}
            onClick={() => setCollapsed((v) => !v)}
            className="block-toggle rounded-md border border-line px-2 text-xs text-muted hover:bg-stone-50"
          >
            <span aria-hidden>{collapsed ? "▸" : "▾"}</span>
            <span className="sr-only">{t(collapsed ? "expandBlock" : "collapseBlock", { block: title })}</span>
          </button>
        </div>
      </header>
      <div id={bodyId} className="block-body flex flex-1 flex-col gap-2">
        {open && (
          <ul id={questionsId} className="list-disc rounded-lg bg-stone-50 py-2 pr-2 pl-6 text-xs text-stone-700">
            {block.questions[locale].map((q) => (
              <li key={q}>{q}</li>
            ))}
          </ul>
        )}
        <SortableContext id={block.id} items={props.notes.map((n) => n.id)} strategy={verticalListSortingStrategy}>
          <ul className="flex flex-col gap-2" aria-label={title}>
            {props.children}
          </ul>
        </SortableContext>
        {props.notes.length === 0 && <p className="text-xs text-stone-600">{t("emptyBlock")}</p>}
        <button
          type="button"
          onClick={props.onAdd}
          aria-label={t("addNoteTo", { block: title })}
          className="mt-auto self-start rounded-md px-2 py-1 text-xs font-medium text-brand-700 hover:bg-brand-50"
        >
          + {t("addNote")}
        </button>
      </div>
    </section>
  );
}

"use client";

import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import type { ReactNode } from "react";
import { JOB_TYPES, NOTE_MAX, type Note, type SegmentColor } from "@/lib/canvas/document";
import type { BlockDef } from "@/lib/canvas/types";
import { PLAIN_NOTE, SEGMENT_STYLES } from "./segment-colors";
import { SegmentDots } from "./segment-dot";

export type NoteCardProps = {
  note: Note;
  index: number;
  count: number;
  block: BlockDef;
  blockTitle: string;
  locale: "de" | "en";
  moveTargets: Array<{ id: string; title: string }>;
  linkTargets?: { title: string; notes: Note[]; linked: Set<string> };
  /** The segment colours the note shows: its own (a segment note) or those of its segments. */
  colors: SegmentColor[];
  /** Segment controls of the menu: the colour and canvases of a segment, or the segments of a note. */
  segmentControls?: ReactNode;
  onChange: (patch: Partial<Omit<Note, "id">>) => void;
  onDelete: () => void;
  onMove: (toBlock: string, toIndex: number) => void;
  onToggleLink: (targetId: string) => void;
};

/** A sticky note: edited in place; moved by drag handle, by keyboard (dnd-kit) or by its menu. */
export function NoteCard(props: NoteCardProps) {
  const { note, index, count, block, blockTitle } = props;
  const t = useTranslations("editor");
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: note.id,
    data: { blockId: block.id },
  });
  const style = { transform: CSS.Translate.toString(transform), transition };
  const n = index + 1;
  const attribute = block.attribute?.kind;
  const fieldId = `note-${note.id}`;
  const look = props.colors[0] ? SEGMENT_STYLES[props.colors[0]] : PLAIN_NOTE;

  return (
    <li
      ref={setNodeRef}
      style={style}
      className={cn(
        "group rounded-lg border shadow-xs",
        look.card,
        isDragging && "relative z-10 opacity-80 shadow-md ring-2 ring-brand-500",
      )}
    >
      <div className="flex items-start gap-1 p-1.5">
        <button
          type="button"
          className="mt-1 cursor-grab rounded px-1 text-stone-400 hover:bg-black/5 hover:text-stone-700 active:cursor-grabbing"
          aria-label={t("dragHandle", { n, block: blockTitle })}
          {...attributes}
          {...listeners}
        >
          <span aria-hidden>⠿</span>
        </button>
        <textarea
          id={fieldId}
          value={note.text}
          maxLength={NOTE_MAX}
          rows={Math.min(8, Math.max(2, Math.ceil(note.text.length / 28)))}
          aria-label={t("noteLabel", { n, block: blockTitle })}
          onChange={(e) => props.onChange({ text: e.target.value })}
          className="min-w-0 flex-1 resize-none rounded bg-transparent px-1.5 py-1 text-sm leading-snug outline-none focus-visible:bg-white focus-visible:ring-2 focus-visible:ring-brand-200"
        />
      </div>
      <details className={cn("border-t text-xs", look.rule)}>
        <summary
          className={cn(
            "cursor-pointer list-none rounded-b-lg px-2.5 py-1 text-stone-500 focus-visible:ring-2 focus-visible:ring-brand-200 [&::-webkit-details-marker]:hidden",
            look.hover,
          )}
        >
          <SegmentDots colors={props.colors} />
          <span className="sr-only">{t("noteLabel", { n, block: blockTitle })}: </span>
          {attributeSummary(note, attribute, t)}
          {props.linkTargets && ` · ${t("links")}: ${props.linkTargets.linked.size}`}
          <span aria-hidden className="float-right">⋯</span>
        </summary>
        <div className="flex flex-col gap-3 px-2.5 pt-1 pb-2.5">
          {attribute && (
            <label className="flex items-center justify-between gap-2">
              <span>{t(attribute)}</span>
              <select
                value={String(note[attribute] ?? "")}
                onChange={(e) =>
                  props.onChange(
                    attribute === "jobType"
                      ? { jobType: (e.target.value || undefined) as Note["jobType"] }
                      : { [attribute]: e.target.value ? (Number(e.target.value) as 1 | 2 | 3) : undefined },
                  )
                }
                className="rounded border border-line bg-white px-1.5 py-1"
              >
                <option value="">–</option>
                {attribute === "jobType"
                  ? JOB_TYPES.map((j) => (
                      <option key={j} value={j}>
                        {t(`jobTypes.${j}`)}
                      </option>
                    ))
                  : (["1", "2", "3"] as const).map((w) => (
                      <option key={w} value={w}>
                        {t(`weights.${w}`)}
                      </option>
                    ))}
              </select>
            </label>
          )}
          {block.tagGroups?.map((group) => (
            <fieldset key={group.id} className="flex flex-col gap-1">
              <legend className="mb-1 font-medium">{group.label[props.locale]}</legend>
              <div className="flex flex-wrap gap-1">
                {group.tags.map((tag) => {
                  const on = note.tags.includes(tag.id);
                  return (
                    <button
                      key={tag.id}
                      type="button"
                      aria-pressed={on}
                      onClick={() => {
                        const others = group.multiple ? note.tags : note.tags.filter((x) => !group.tags.some((g) => g.id === x));
                        props.onChange({ tags: on ? note.tags.filter((x) => x !== tag.id) : [...others, tag.id] });
                      }}
                      className={cn(
                        "rounded-full border px-2 py-0.5",
                        on ? "border-brand-500 bg-brand-600 text-white" : "border-line bg-white text-stone-600 hover:bg-stone-50",
                      )}
                    >
                      {tag.label[props.locale]}
                    </button>
                  );
                })}
              </div>
            </fieldset>
          ))}
          {props.segmentControls}
          {props.linkTargets && (
            <fieldset className="flex flex-col gap-1">
              <legend className="mb-1 font-medium">{t("linksFor", { note: note.text.slice(0, 40) || "…" })}</legend>
              {props.linkTargets.notes.length === 0 ? (
                <p className="text-stone-500">{t("noTargets", { block: props.linkTargets.title })}</p>
              ) : (
                props.linkTargets.notes.map((target) => (
                  <label key={target.id} className="flex items-start gap-2">
                    <input
                      type="checkbox"
                      checked={props.linkTargets!.linked.has(target.id)}
                      onChange={() => props.onToggleLink(target.id)}
                      className="mt-0.5 accent-brand-600"
                    />
                    <span>{target.text || "…"}</span>
                  </label>
                ))
              )}
            </fieldset>
          )}
          <div className="flex flex-wrap items-center gap-1.5">
            <label className="sr-only" htmlFor={`${fieldId}-move`}>
              {t("moveTo")}
            </label>
            <select
              id={`${fieldId}-move`}
              value={block.id}
              onChange={(e) => props.onMove(e.target.value, Number.MAX_SAFE_INTEGER)}
              className="rounded border border-line bg-white px-1.5 py-1"
            >
              {props.moveTargets.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.title}
                </option>
              ))}
            </select>
            <button type="button" disabled={index === 0} onClick={() => props.onMove(block.id, index - 1)} className="rounded border border-line bg-white px-2 py-1 disabled:opacity-40">
              <span aria-hidden>↑</span>
              <span className="sr-only">{t("moveUp")}</span>
            </button>
            <button type="button" disabled={index === count - 1} onClick={() => props.onMove(block.id, index + 1)} className="rounded border border-line bg-white px-2 py-1 disabled:opacity-40">
              <span aria-hidden>↓</span>
              <span className="sr-only">{t("moveDown")}</span>
            </button>
            <button type="button" onClick={props.onDelete} className="ml-auto rounded px-2 py-1 text-red-700 hover:bg-red-50">
              {t("deleteNote")}
            </button>
          </div>
        </div>
      </details>
    </li>
  );
}

function attributeSummary(note: Note, attribute: string | undefined, t: ReturnType<typeof useTranslations<"editor">>) {
  if (attribute === "jobType") return note.jobType ? t(`jobTypes.${note.jobType}`) : t("jobType");
  if (attribute === "severity") return `${t("severity")}: ${note.severity ? t(`weights.${String(note.severity) as "1"}`) : "–"}`;
  if (attribute === "importance") return `${t("importance")}: ${note.importance ? t(`weights.${String(note.importance) as "1"}`) : "–"}`;
  return note.tags.length ? `${t("tags")}: ${note.tags.length}` : t("tags");
}

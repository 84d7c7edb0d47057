"use client";

import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useTranslations } from "next-intl";
import { useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { NOTE_MAX, type Note, type SegmentColor } from "@/lib/canvas/document";
import type { BlockDef } from "@/lib/canvas/types";
import { attributeLabel } from "./note-attribute";
import { NoteMenu, type LinkGroup, type NoteMenuProps } from "./note-menu";
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
  linkGroups: LinkGroup[];
  /** Business Model Canvas, any block but the segments: the segments this note serves. */
  segments?: NoteMenuProps["segments"];
  /** A customer-segment note's own "Segment" menu. */
  segmentMenu?: ReactNode;
  /** The segment colours the note shows: its own (a segment note) or those of its segments. */
  colors: SegmentColor[];
  /** Value Proposition Canvas: a pain or gain nothing addresses, a reliever or creator linked to nothing. */
  fitMark?: "unaddressed" | "unlinked";
  /** The focused or hovered note, and the notes it is linked with. */
  highlight?: "active" | "related";
  onChange: (patch: Partial<Omit<Note, "id">>) => void;
  onDelete: () => void;
  onMove: (toBlock: string, toIndex: number) => void;
  /** Enter in the text: the note is done, the next one starts below it. */
  onEnter: () => void;
  onActivate: (active: boolean) => void;
};

const supportsFieldSizing = () => typeof window !== "undefined" && window.CSS?.supports?.("field-sizing", "content");

/** A sticky note: its whole text always shows; edited in place, moved by handle, keyboard or menu. */
export function NoteCard(props: NoteCardProps) {
  const { note, index, count, block, blockTitle } = props;
  const t = useTranslations("editor");
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: note.id,
    data: { blockId: block.id },
  });
  const [menuOpen, setMenuOpen] = useState(false);
  const card = useRef<HTMLLIElement | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const n = index + 1;
  const label = t("noteLabel", { n, block: blockTitle });
  const look = props.colors[0] ? SEGMENT_STYLES[props.colors[0]] : PLAIN_NOTE;

  // The text box grows with its text: CSS field-sizing where the browser has it, else its scroll height.
  useLayoutEffect(() => {
    const el = field.current;
    if (!el || supportsFieldSizing()) return;
    el.style.height = "auto";
    el.style.height = `${el.scrollHeight}px`;
  }, [note.text]);

  function moveBy(event: KeyboardEvent, delta: -1 | 1) {
    const to = index + delta;
    if (to < 0 || to >= count) return;
    event.preventDefault();
    props.onMove(block.id, to);
    requestAnimationFrame(() => (event.target as HTMLElement).focus());
  }

  function onTextKey(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.nativeEvent.isComposing) return;
    if (event.key === "Enter" && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      if (note.text.trim()) props.onEnter();
      else card.current?.focus();
    } else if (event.key === "Escape") {
      event.preventDefault();
      card.current?.focus();
    } else if (event.altKey && (event.key === "ArrowUp" || event.key === "ArrowDown")) {
      moveBy(event, event.key === "ArrowUp" ? -1 : 1);
    }
  }

  function onCardKey(event: KeyboardEvent<HTMLLIElement>) {
    if (event.target !== event.currentTarget) return;
    if (event.key === "Enter") {
      event.preventDefault();
      field.current?.focus();
    } else if (event.key === "Delete" || event.key === "Backspace") {
      event.preventDefault();
      props.onDelete();
    } else if (event.key === "ContextMenu" || (event.shiftKey && event.key === "F10")) {
      event.preventDefault();
      setMenuOpen(true);
    } else if (event.altKey && (event.key === "ArrowUp" || event.key === "ArrowDown")) {
      moveBy(event, event.key === "ArrowUp" ? -1 : 1);
    }
  }

  const attributeChip = attributeLabel(note, block, t);
  const tagLabels = (block.tagGroups ?? []).flatMap((g) => g.tags.filter((tag) => note.tags.includes(tag.id)).map((tag) => tag.label[props.locale]));
  const links = props.linkGroups.filter((g) => g.linked.size > 0);

  return (
    <li
      ref={(el) => {
        setNodeRef(el);
        card.current = el;
      }}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      tabIndex={-1}
      aria-label={label}
      data-note-id={note.id}
      data-fit={props.fitMark}
      data-highlight={props.highlight}
      onKeyDown={onCardKey}
      onPointerEnter={() => props.onActivate(true)}
      onPointerLeave={() => props.onActivate(false)}
      onFocus={() => props.onActivate(true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) props.onActivate(false);
      }}
      className={cn(
        "note-card rounded-lg border shadow-xs outline-none focus-visible:ring-2 focus-visible:ring-brand-600",
        look.card,
        props.fitMark === "unaddressed" && "border-2 border-dashed border-amber-600",
        props.highlight === "active" && "ring-2 ring-brand-600",
        props.highlight === "related" && "ring-2 ring-brand-500 ring-offset-1",
        isDragging && "relative z-10 opacity-80 shadow-md ring-2 ring-brand-500",
      )}
    >
      <div className="flex items-start gap-0.5 p-1">
        <button
          type="button"
          className="inline-flex size-6 shrink-0 cursor-grab touch-none items-center justify-center rounded text-stone-600 hover:bg-black/5 hover:text-ink active:cursor-grabbing"
          aria-label={t("dragHandle", { n, block: blockTitle })}
          {...attributes}
          {...listeners}
        >
          <span aria-hidden>⠿</span>
        </button>
        <textarea
          ref={field}
          id={`note-${note.id}`}
          value={note.text}
          maxLength={NOTE_MAX}
          rows={1}
          aria-label={label}
          aria-keyshortcuts="Enter Shift+Enter Escape"
          onChange={(e) => props.onChange({ text: e.target.value })}
          onKeyDown={onTextKey}
          className="note-text field-sizing-content min-h-7 min-w-0 flex-1 resize-none overflow-hidden rounded bg-transparent px-1.5 py-1 text-sm leading-snug outline-none focus-visible:bg-white focus-visible:ring-2 focus-visible:ring-brand-200"
        />
        <NoteMenu
          note={note}
          index={index}
          count={count}
          block={block}
          label={label}
          locale={props.locale}
          open={menuOpen}
          onOpenChange={setMenuOpen}
          moveTargets={props.moveTargets}
          linkGroups={props.linkGroups}
          segments={props.segments}
          onChange={props.onChange}
          onMove={props.onMove}
          onDelete={props.onDelete}
        />
      </div>
      {(props.colors.length > 0 || attributeChip || tagLabels.length > 0 || links.length > 0 || props.fitMark || props.segmentMenu) && (
        <div className="flex flex-wrap items-center gap-1 px-2 pb-1.5 text-xs text-stone-700">
          <SegmentDots colors={props.colors} />
          {props.segmentMenu}
          {attributeChip && <span className="rounded-full bg-white/80 px-1.5 py-px ring-1 ring-black/10">{attributeChip}</span>}
          {tagLabels.map((tag) => (
            <span key={tag} className="rounded-full bg-white/80 px-1.5 py-px ring-1 ring-black/10">
              {tag}
            </span>
          ))}
          {links.map((group) => (
            <span key={group.label} className="note-text basis-full text-stone-700">
              <span className="font-medium">{group.label}:</span>{" "}
              {group.targets
                .filter((n) => group.linked.has(n.id))
                .map((n) => n.text.trim() || "…")
                .join(" · ")}
            </span>
          ))}
          {props.fitMark && (
            <span className={cn("rounded-full px-1.5 py-px font-medium", props.fitMark === "unaddressed" ? "bg-amber-100 text-amber-900" : "bg-stone-100 text-stone-700")}>
              {t(props.fitMark === "unaddressed" ? "fitMarkUnaddressed" : "fitMarkUnlinked")}
            </span>
          )}
        </div>
      )}
    </li>
  );
}

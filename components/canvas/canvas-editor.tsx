"use client";

import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCorners,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type KeyboardCoordinateGetter,
} from "@dnd-kit/core";
import { sortableKeyboardCoordinates } from "@dnd-kit/sortable";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { copyCanvasAction } from "@/app/(app)/cohorts/[cohortId]/canvases/actions";
import { locateNotes, notesOf, SEGMENT_BLOCK, segmentColors, type CanvasDocument, type Note } from "@/lib/canvas/document";
import { fitScore } from "@/lib/canvas/fit";
import { addNote, deleteNote, makeNote, moveNote, restoreNote, toggleLink, updateNote, type Removed } from "@/lib/canvas/operations";
import type { LinkedCanvas, PullSource } from "@/lib/canvas/segments";
import { getTemplate } from "@/lib/canvas/templates";
import type { TemplateKind } from "@/lib/canvas/types";
import { BoardFrame } from "./board-frame";
import { attributeLabel } from "./note-attribute";
import { CanvasBlock } from "./canvas-block";
import { canvasViewLabels } from "./canvas-view-labels";
import { EditorToolbar } from "./editor-toolbar";
import { ExportDialog, SHEET_WIDTH } from "./export-dialog";
import { ExportSheet, type ExportMeta } from "./export-sheet";
import { FitConnectors } from "./fit-connectors";
import { FitPanel } from "./fit-panel";
import { ListView } from "./list-view";
import { MergeDialog } from "./merge-dialog";
import { NoteCard } from "./note-card";
import type { LinkGroup } from "./note-menu";
import { PullPanel } from "./pull-panel";
import { SegmentMenu } from "./segment-tools";
import { ShortcutSheet } from "./shortcut-sheet";
import { readBackup, useAutosave } from "./use-autosave";

export type EditorCanvas = { id: string; cohortId: string; title: string; template: TemplateKind; version: number; document: CanvasDocument };

type EditorProps = {
  canvas: EditorCanvas;
  locale: "de" | "en";
  /** What the export sheet says besides the canvas: its author and segment. */
  author: string;
  segmentName: string | null;
  /** Business Model Canvas: the canvases made for its segments. */
  segmentCanvases?: LinkedCanvas[];
  /** Value Proposition Canvas of a segment: what its Empathy Maps and Personas offer; null without a segment. */
  pullSources?: PullSource[] | null;
};

export function CanvasEditor(props: EditorProps) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { mutations: { retry: false } } }));
  return (
    <QueryClientProvider client={client}>
      <Editor {...props} />
    </QueryClientProvider>
  );
}

const isTyping = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName));

function Editor({ canvas, locale, author, segmentName, segmentCanvases = [], pullSources = null }: EditorProps) {
  const t = useTranslations("editor");
  const router = useRouter();
  const template = getTemplate(canvas.template);
  const [initial] = useState(() => {
    const backup = typeof window === "undefined" ? null : readBackup(canvas.id, canvas.version);
    return { doc: backup ?? canvas.document, restored: Boolean(backup) };
  });
  const [doc, setDoc] = useState(initial.doc);
  const [announcement, setAnnouncement] = useState("");
  const { status, schedule, retry, resolve, acceptSaved, saveNow } = useAutosave({
    canvasId: canvas.id,
    cohortId: canvas.cohortId,
    template,
    initialVersion: canvas.version,
    document: initial.doc,
    serverDocument: canvas.document,
    restored: initial.restored,
    onMerged: (merged, info) => {
      setDoc(merged);
      if (!info.resolved) setAnnouncement(t(info.dropped.length > 0 ? "mergedDropped" : "merged", { count: info.dropped.length }));
    },
  });
  const commit = (next: CanvasDocument) => {
    if (next === doc) return;
    setDoc(next);
    schedule(next);
  };
  const edit = (change: (d: CanvasDocument) => CanvasDocument) => commit(change(doc));
  const [removed, setRemoved] = useState<Removed | null>(null);
  const [view, setView] = useState<"board" | "list">("board");
  const [showQuestions, setShowQuestions] = useState(false);
  const [fitView, setFitView] = useState(true);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [active, setActive] = useState<string | null>(null);
  const [exportOpen, setExportOpen] = useState(false);
  const board = useRef<HTMLDivElement>(null);
  const exportSheet = useRef<HTMLDivElement>(null);

  const titleOf = (blockId: string) => template.blocks.find((b) => b.id === blockId)?.title[locale] ?? blockId;
  const fit = useMemo(() => (canvas.template === "value-proposition" ? fitScore(doc) : null), [doc, canvas.template]);
  const where = useMemo(() => locateNotes(doc), [doc]);
  const docRef = useRef(doc);
  useEffect(() => {
    docRef.current = doc;
  }, [doc]);

  // "?" opens the shortcut sheet wherever the focus is, unless it is in a text field.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "?" && !isTyping(e.target) && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        setShortcutsOpen(true);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  // Up and down step through the notes of the block first; only past its ends does the note
  // travel to the nearest block in that direction (dnd-kit's own geometry decides then).
  const keyboardCoordinates: KeyboardCoordinateGetter = (event, args) => {
    const { active: dragged, over, droppableRects } = args.context;
    if (dragged && (event.code === "ArrowUp" || event.code === "ArrowDown")) {
      const from = locateNotes(docRef.current).get(String(over?.id ?? dragged.id));
      const list = from ? docRef.current.blocks[from.blockId]! : [];
      const neighbour = from ? list[from.index + (event.code === "ArrowUp" ? -1 : 1)] : undefined;
      const rect = neighbour ? droppableRects.get(neighbour.id) : undefined;
      if (rect) {
        event.preventDefault();
        return { x: rect.left, y: rect.top };
      }
    }
    return sortableKeyboardCoordinates(event, args);
  };
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: keyboardCoordinates }),
  );

  const place = (id: string | number | undefined) => {
    if (id === undefined) return null;
    const key = String(id);
    if (key.startsWith("block:")) {
      const blockId = key.slice(6);
      return { blockId, position: (doc.blocks[blockId]?.length ?? 0) + 1 };
    }
    const at = where.get(key);
    return at ? { blockId: at.blockId, position: at.index + 1 } : null;
  };
  const announcements: Announcements = {
    onDragStart: ({ active: a }) => {
      const p = place(a.id);
      return p ? t("announce.pickUp", { n: p.position, block: titleOf(p.blockId) }) : undefined;
    },
    onDragMove: () => undefined,
    onDragOver: ({ over }) => {
      const p = place(over?.id);
      return p ? t("announce.over", { block: titleOf(p.blockId), position: p.position }) : undefined;
    },
    onDragEnd: ({ over }) => {
      const p = place(over?.id);
      return p ? t("announce.drop", { block: titleOf(p.blockId), position: p.position }) : undefined;
    },
    onDragCancel: ({ active: a }) => {
      const p = place(a.id);
      return p ? t("announce.cancel", { block: titleOf(p.blockId) }) : undefined;
    },
  };

  function move(noteId: string, toBlock: string, toIndex: number) {
    const next = moveNote(doc, template, noteId, toBlock, toIndex);
    if (next === doc) return;
    commit(next);
    const at = locateNotes(next).get(noteId)!;
    setAnnouncement(t("announce.moved", { block: titleOf(at.blockId), position: at.index + 1, count: next.blocks[at.blockId]!.length }));
  }

  function onDragEnd({ active: a, over }: DragEndEvent) {
    if (!over || a.id === over.id) return;
    const overId = String(over.id);
    if (overId.startsWith("block:")) return move(String(a.id), overId.slice(6), Number.MAX_SAFE_INTEGER);
    const target = where.get(overId);
    if (target) move(String(a.id), target.blockId, target.index);
  }

  // The new note's text box takes the focus in the same task, so not one typed key goes astray.
  function addAndFocus(blockId: string, index?: number) {
    const note = makeNote();
    flushSync(() => edit((d) => addNote(d, blockId, note, index)));
    document.getElementById(`note-${note.id}`)?.focus();
  }

  // Fit links, seen from either end: "relieves …" on a reliever, "relieved by …" on a pain.
  const linkGroupsOf = (blockId: string, note: Note): LinkGroup[] =>
    template.links.flatMap((rule) => {
      const outgoing = rule.from === blockId;
      if (!outgoing && rule.to !== blockId) return [];
      const other = outgoing ? rule.to : rule.from;
      return [
        {
          label: t(`linkLabels.${blockId}`),
          emptyHint: t("noTargets", { block: titleOf(other) }),
          targets: notesOf(doc, other),
          linked: new Set(doc.links.flatMap((l) => (outgoing ? (l.from === note.id ? [l.to] : []) : l.to === note.id ? [l.from] : []))),
          toggle: (id: string) => edit((d) => (outgoing ? toggleLink(d, template, note.id, id) : toggleLink(d, template, id, note.id))),
        },
      ];
    });

  // What the focused or hovered note is linked with lights up with it.
  const related = useMemo(() => {
    if (!active) return new Set<string>();
    return new Set(doc.links.flatMap((l) => (l.from === active ? [l.to] : l.to === active ? [l.from] : [])));
  }, [active, doc.links]);
  const fitMarks = useMemo(() => {
    const marks = new Map<string, "unaddressed" | "unlinked">();
    if (!fit) return marks;
    for (const item of fit.unaddressed) marks.set(item.noteId, "unaddressed");
    for (const item of fit.unlinked) marks.set(item.noteId, "unlinked");
    return marks;
  }, [fit]);

  // Customer segments (Business Model Canvas): segment notes carry a colour, other notes take theirs.
  const isBusinessModel = canvas.template === "business-model";
  const segmentNotes = isBusinessModel ? notesOf(doc, SEGMENT_BLOCK) : [];
  const colorsOf = segmentColors(doc);

  function pull(notes: Array<{ text: string; into: string }>) {
    edit((d) => notes.reduce((acc, n) => addNote(acc, n.into, makeNote(n.text)), d));
    setAnnouncement(t("pulledCount", { count: notes.length }));
  }

  const labels = canvasViewLabels(t as (key: string) => string);
  const pct = fit?.score === null || fit === null ? null : Math.round(fit.score * 100);
  const meta: ExportMeta = {
    title: canvas.title,
    kind: t(`kinds.${canvas.template}`),
    segment: segmentName,
    author,
    date: new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "de-DE", { dateStyle: "long" }).format(new Date()),
    fit: pct === null ? null : t("fitExport", { score: pct }),
  };
  const sheetDoc = useDeferredValue(doc);

  async function exportAs(kind: "png" | "pdf") {
    const files = await import("./export-files");
    if (exportSheet.current) await (kind === "png" ? files.downloadPng : files.downloadPdf)(exportSheet.current, meta);
    setAnnouncement(t("exported"));
  }

  const sidePanels = view === "board" && (fit || pullSources);

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-4 print:hidden">
        <EditorToolbar
          status={status}
          onRetry={retry}
          view={view}
          onView={setView}
          showQuestions={showQuestions}
          onQuestions={() => setShowQuestions((v) => !v)}
          fitView={template.links.length > 0 ? fitView : null}
          onFitView={() => setFitView((v) => !v)}
          onShortcuts={() => setShortcutsOpen(true)}
          onPrint={() => window.print()}
          onExport={() => setExportOpen(true)}
        />

        <p aria-live="polite" className="sr-only">
          {announcement}
        </p>
        {removed && (
          <div role="status" className="flex items-center gap-3 self-start rounded-lg bg-ink px-4 py-2 text-sm text-white">
            {t("noteDeleted")}
            <button
              type="button"
              className="font-semibold underline"
              onClick={() => {
                edit((d) => restoreNote(d, removed));
                setRemoved(null);
              }}
            >
              {t("undo")}
            </button>
          </div>
        )}

        <div className="flex flex-col gap-4">
          {/* Above the board, not beside it: the square and the circle need the whole width. */}
          {sidePanels && (
            <div className={pullSources && fit ? "grid items-start gap-4 lg:grid-cols-[2fr_1fr]" : "flex flex-col gap-4"}>
              {fit && <FitPanel fit={fit} />}
              {pullSources && <PullPanel sources={pullSources} doc={doc} cohortId={canvas.cohortId} blockTitle={titleOf} onPull={pull} />}
            </div>
          )}
          <div className="min-w-0">
            {view === "list" ? (
              <ListView template={template} doc={doc} locale={locale} emptyLabel={t("emptyBlock")} />
            ) : (
              <DndContext
                sensors={sensors}
                collisionDetection={closestCorners}
                onDragEnd={onDragEnd}
                accessibility={{ announcements, screenReaderInstructions: { draggable: t("dragInstructions") } }}
              >
                <div ref={board} data-testid="board">
                  <BoardFrame
                    template={template}
                    sectionTitles={labels.sections}
                    overlay={
                      fitView && template.links.length > 0 ? (
                        <FitConnectors board={board} links={doc.links} active={active} version={doc} />
                      ) : null
                    }
                    renderBlock={(block, placeStyle) => {
                      const notes = doc.blocks[block.id] ?? [];
                      return (
                        <CanvasBlock
                          key={block.id}
                          block={block}
                          place={placeStyle}
                          locale={locale}
                          notes={notes}
                          showQuestions={showQuestions}
                          onAdd={() => addAndFocus(block.id)}
                        >
                          {notes.map((note, index) => (
                            <NoteCard
                              key={note.id}
                              note={note}
                              index={index}
                              count={notes.length}
                              block={block}
                              blockTitle={block.title[locale]}
                              locale={locale}
                              moveTargets={template.blocks.map((b) => ({ id: b.id, title: b.title[locale] }))}
                              linkGroups={linkGroupsOf(block.id, note)}
                              segments={
                                isBusinessModel && block.id !== SEGMENT_BLOCK
                                  ? {
                                      options: segmentNotes,
                                      chosen: note.segments,
                                      onChange: (segments) => edit((d) => updateNote(d, note.id, { segments })),
                                    }
                                  : undefined
                              }
                              segmentMenu={
                                isBusinessModel && block.id === SEGMENT_BLOCK ? (
                                  <SegmentMenu
                                    note={note}
                                    label={t("noteLabel", { n: index + 1, block: block.title[locale] })}
                                    cohortId={canvas.cohortId}
                                    canvasId={canvas.id}
                                    linked={segmentCanvases.filter((c) => c.segmentNoteId === note.id)}
                                    onColor={(color) => edit((d) => updateNote(d, note.id, { color }))}
                                    saveNow={saveNow}
                                  />
                                ) : undefined
                              }
                              colors={colorsOf(block.id, note)}
                              fitMark={fitMarks.get(note.id)}
                              highlight={active === note.id ? "active" : related.has(note.id) ? "related" : undefined}
                              onActivate={(on) => setActive((cur) => (on ? note.id : cur === note.id ? null : cur))}
                              onChange={(patch) => edit((d) => updateNote(d, note.id, patch))}
                              onDelete={() => {
                                const result = deleteNote(doc, note.id);
                                commit(result.doc);
                                setRemoved(result.removed);
                                setAnnouncement(t("noteDeleted"));
                              }}
                              onMove={(toBlock, toIndex) => move(note.id, toBlock, toIndex)}
                              onEnter={() => addAndFocus(block.id, index + 1)}
                            />
                          ))}
                        </CanvasBlock>
                      );
                    }}
                  />
                </div>
              </DndContext>
            )}
          </div>
        </div>
      </div>

      {/* Print shows the export sheet in place of the editor (print:hidden above). */}
      <div className="hidden print:block">
        <ExportSheet meta={meta} template={canvas.template} doc={sheetDoc} locale={locale} labels={labels} idPrefix="print" />
      </div>
      {exportOpen && (
        // The files are drawn from this copy: without any control, at a fixed desktop width even on a phone.
        <div className="fixed top-0 -left-[10000px]" style={{ width: SHEET_WIDTH }} aria-hidden>
          <ExportSheet ref={exportSheet} meta={meta} template={canvas.template} doc={sheetDoc} locale={locale} labels={labels} idPrefix="export" />
        </div>
      )}
      <ExportDialog
        open={exportOpen}
        onClose={() => setExportOpen(false)}
        onDownload={exportAs}
        preview={<ExportSheet meta={meta} template={canvas.template} doc={sheetDoc} locale={locale} labels={labels} idPrefix="preview" />}
      />

      <ShortcutSheet open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
      <MergeDialog
        conflicts={status.kind === "conflict" ? status.conflicts : []}
        blockTitle={titleOf}
        describe={(note, blockId) => describeNote(note, blockId, template, t)}
        onResolve={resolve}
        onKeepCopy={async () => {
          const result = await copyCanvasAction(null, {
            canvasId: canvas.id,
            cohortId: canvas.cohortId,
            title: t("myVersionTitle", { title: canvas.title }).slice(0, 120),
            document: JSON.stringify(doc),
          });
          if (!result.ok) return;
          acceptSaved();
          router.push(`/cohorts/${canvas.cohortId}/canvases/${result.data.id}`);
        }}
      />
    </div>
  );
}

function describeNote(note: Note, blockId: string, template: ReturnType<typeof getTemplate>, t: ReturnType<typeof useTranslations<"editor">>) {
  const extra = attributeLabel(note, template.blocks.find((b) => b.id === blockId), t);
  return [note.text.trim() || "…", extra].filter(Boolean).join("\n");
}

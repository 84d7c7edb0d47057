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
import { useEffect, useMemo, useRef, useState } from "react";
import { copyCanvasAction } from "@/app/(app)/cohorts/[cohortId]/canvases/actions";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { locateNotes, notesOf, SEGMENT_BLOCK, segmentColors, type CanvasDocument, type Note } from "@/lib/canvas/document";
import { fitScore } from "@/lib/canvas/fit";
import { addNote, deleteNote, makeNote, moveNote, restoreNote, toggleLink, updateNote, type Removed } from "@/lib/canvas/operations";
import type { LinkedCanvas, PullSource } from "@/lib/canvas/segments";
import { getTemplate } from "@/lib/canvas/templates";
import type { TemplateKind } from "@/lib/canvas/types";
import { CanvasBlock } from "./canvas-block";
import { ConflictDialog } from "./conflict-dialog";
import { FitPanel } from "./fit-panel";
import { ListView } from "./list-view";
import { NoteCard } from "./note-card";
import { PullPanel } from "./pull-panel";
import { SegmentPicker, SegmentTools } from "./segment-tools";
import { SaveIndicator } from "./save-indicator";
import { readBackup, useAutosave } from "./use-autosave";

export type EditorCanvas = { id: string; cohortId: string; title: string; template: TemplateKind; version: number; document: CanvasDocument };

type EditorProps = {
  canvas: EditorCanvas;
  locale: "de" | "en";
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

function Editor({ canvas, locale, segmentCanvases = [], pullSources = null }: EditorProps) {
  const t = useTranslations("editor");
  const router = useRouter();
  const template = getTemplate(canvas.template);
  const [initial] = useState(() => {
    const backup = typeof window === "undefined" ? null : readBackup(canvas.id, canvas.version);
    return { doc: backup ?? canvas.document, restored: Boolean(backup) };
  });
  const [doc, setDoc] = useState(initial.doc);
  const { status, schedule, retry, acceptVersion, saveNow } = useAutosave({
    canvasId: canvas.id,
    cohortId: canvas.cohortId,
    initialVersion: canvas.version,
    document: initial.doc,
    restored: initial.restored,
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
  const [announcement, setAnnouncement] = useState("");
  const [exporting, setExporting] = useState(false);
  const board = useRef<HTMLDivElement>(null);

  const titleOf = (blockId: string) => template.blocks.find((b) => b.id === blockId)?.title[locale] ?? blockId;
  const fit = useMemo(() => (canvas.template === "value-proposition" ? fitScore(doc) : null), [doc, canvas.template]);
  const docRef = useRef(doc);
  useEffect(() => {
    docRef.current = doc;
  }, [doc]);
  // Up and down step through the notes of the block first; only past its ends does the note
  // travel to the nearest block in that direction (dnd-kit's own geometry decides then).
  const keyboardCoordinates: KeyboardCoordinateGetter = (event, args) => {
    const { active, over, droppableRects } = args.context;
    if (active && (event.code === "ArrowUp" || event.code === "ArrowDown")) {
      const from = locateNotes(docRef.current).get(String(over?.id ?? active.id));
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
    const at = locateNotes(doc).get(key);
    return at ? { blockId: at.blockId, position: at.index + 1 } : null;
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      const p = place(active.id);
      return p ? t("announce.pickUp", { n: p.position, block: titleOf(p.blockId) }) : undefined;
    },
    onDragOver: ({ over }) => {
      const p = place(over?.id);
      return p ? t("announce.over", { block: titleOf(p.blockId), position: p.position }) : undefined;
    },
    onDragEnd: ({ over }) => {
      const p = place(over?.id);
      return p ? t("announce.drop", { block: titleOf(p.blockId), position: p.position }) : undefined;
    },
    onDragCancel: ({ active }) => {
      const p = place(active.id);
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

  function onDragEnd({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return;
    const overId = String(over.id);
    if (overId.startsWith("block:")) return move(String(active.id), overId.slice(6), Number.MAX_SAFE_INTEGER);
    const target = locateNotes(doc).get(overId);
    if (target) move(String(active.id), target.blockId, target.index);
  }

  async function downloadPng() {
    if (!board.current) return;
    setExporting(true);
    try {
      const { toPng } = await import("html-to-image");
      const url = await toPng(board.current, { backgroundColor: "#f7f6f3", pixelRatio: 2, filter: (node) => !(node instanceof HTMLElement && node.dataset.exportHidden === "true") });
      const a = document.createElement("a");
      a.href = url;
      a.download = `${canvas.title.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "") || "canvas"}.png`;
      a.click();
    } finally {
      setExporting(false);
    }
  }

  const linkRule = (blockId: string) => template.links.find((r) => r.from === blockId);

  // Customer segments (Business Model Canvas): segment notes carry a colour, other notes take theirs.
  const isBusinessModel = canvas.template === "business-model";
  const segmentNotes = isBusinessModel ? notesOf(doc, SEGMENT_BLOCK) : [];
  const colorsOf = segmentColors(doc);
  const segmentControls = (blockId: string, note: Note) => {
    if (!isBusinessModel) return undefined;
    if (blockId === SEGMENT_BLOCK) {
      return (
        <SegmentTools
          note={note}
          cohortId={canvas.cohortId}
          canvasId={canvas.id}
          linked={segmentCanvases.filter((c) => c.segmentNoteId === note.id)}
          onColor={(color) => edit((d) => updateNote(d, note.id, { color }))}
          saveNow={saveNow}
        />
      );
    }
    return (
      <SegmentPicker
        segments={segmentNotes}
        chosen={note.segments}
        onChange={(segments) => edit((d) => updateNote(d, note.id, { segments }))}
      />
    );
  };

  function pull(notes: Array<{ text: string; into: string }>) {
    edit((d) => notes.reduce((acc, n) => addNote(acc, n.into, makeNote(n.text)), d));
    setAnnouncement(t("pulledCount", { count: notes.length }));
  }
  const sidePanels = view === "board" && (fit || pullSources);

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-3 print:hidden">
        <SaveIndicator status={status} onRetry={retry} />
        <div className="ml-auto flex flex-wrap items-center gap-2">
          <div role="group" aria-label={t("view")} className="inline-flex rounded-lg border border-line bg-white p-0.5 text-sm">
            {(["board", "list"] as const).map((v) => (
              <button
                key={v}
                type="button"
                aria-pressed={view === v}
                onClick={() => setView(v)}
                className={cn("rounded-md px-3 py-1", view === v ? "bg-brand-600 text-white" : "text-muted hover:bg-stone-100")}
              >
                {v === "board" ? t("viewBoard") : t("viewList")}
              </button>
            ))}
          </div>
          <Button variant="secondary" className="px-3 py-1.5" aria-pressed={showQuestions} onClick={() => setShowQuestions((v) => !v)}>
            {t("questionsAll")}
          </Button>
          <Button variant="secondary" className="px-3 py-1.5" onClick={() => window.print()}>
            {t("print")}
          </Button>
          <Button variant="secondary" className="px-3 py-1.5" onClick={downloadPng} disabled={exporting || view !== "board"}>
            {exporting ? t("downloading") : t("downloadPng")}
          </Button>
        </div>
      </div>

      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {removed && (
        <div role="status" className="flex items-center gap-3 self-start rounded-lg bg-ink px-4 py-2 text-sm text-white print:hidden">
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

      <div className={cn("flex flex-col gap-4", sidePanels && "xl:flex-row xl:items-start")}>
        {sidePanels && (
          <div className="flex flex-col gap-4 xl:order-2 xl:w-72 xl:shrink-0">
            {fit && <FitPanel fit={fit} />}
            {pullSources && (
              <PullPanel sources={pullSources} doc={doc} cohortId={canvas.cohortId} blockTitle={titleOf} onPull={pull} />
            )}
          </div>
        )}
        <div className="min-w-0 flex-1">
          {view === "list" ? (
            <ListView template={template} doc={doc} locale={locale} emptyLabel={t("emptyBlock")} />
          ) : (
            <DndContext
              sensors={sensors}
              collisionDetection={closestCorners}
              onDragEnd={onDragEnd}
              accessibility={{ announcements }}
            >
              <div
                ref={board}
                className="canvas-board grid gap-2 p-1"
                style={{ gridTemplateColumns: `repeat(${template.grid.columns}, minmax(0, 1fr))` }}
              >
                {template.blocks.map((block) => {
                  const notes = doc.blocks[block.id] ?? [];
                  const rule = linkRule(block.id);
                  const linkedFrom = (noteId: string) => new Set(doc.links.filter((l) => l.from === noteId).map((l) => l.to));
                  return (
                    <CanvasBlock
                      key={block.id}
                      block={block}
                      locale={locale}
                      notes={notes}
                      showQuestions={showQuestions}
                      onAdd={() => {
                        const note = makeNote();
                        edit((d) => addNote(d, block.id, note));
                        requestAnimationFrame(() => document.getElementById(`note-${note.id}`)?.focus());
                      }}
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
                          linkTargets={
                            rule
                              ? { title: titleOf(rule.to), notes: doc.blocks[rule.to] ?? [], linked: linkedFrom(note.id) }
                              : undefined
                          }
                          colors={colorsOf(block.id, note)}
                          segmentControls={segmentControls(block.id, note)}
                          onChange={(patch) => edit((d) => updateNote(d, note.id, patch))}
                          onDelete={() => {
                            const result = deleteNote(doc, note.id);
                            commit(result.doc);
                            setRemoved(result.removed);
                          }}
                          onMove={(toBlock, toIndex) => move(note.id, toBlock, toIndex)}
                          onToggleLink={(targetId) => edit((d) => toggleLink(d, template, note.id, targetId))}
                        />
                      ))}
                    </CanvasBlock>
                  );
                })}
              </div>
            </DndContext>
          )}
        </div>
      </div>

      <ConflictDialog
        open={status.kind === "conflict"}
        onTakeSaved={() => {
          if (status.kind !== "conflict") return;
          acceptVersion(status.version, status.document);
          setDoc(status.document);
        }}
        onKeepMine={async () => {
          if (status.kind !== "conflict") return;
          const result = await copyCanvasAction(null, {
            canvasId: canvas.id,
            cohortId: canvas.cohortId,
            title: t("myVersionTitle", { title: canvas.title }).slice(0, 120),
            document: JSON.stringify(doc),
          });
          if (!result.ok) return;
          acceptVersion(status.version, status.document);
          setDoc(status.document);
          router.push(`/cohorts/${canvas.cohortId}/canvases/${result.data.id}`);
        }}
      />
    </div>
  );
}

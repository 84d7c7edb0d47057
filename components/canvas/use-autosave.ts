"use client";

import { useMutation } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { saveCanvasAction } from "@/app/(app)/cohorts/[cohortId]/canvases/actions";
import type { CanvasDocument } from "@/lib/canvas/document";
import { mergeDocuments, resolveConflicts, type Choice, type NoteConflict } from "@/lib/canvas/merge";
import type { CanvasTemplate } from "@/lib/canvas/types";

/** A save that met a newer version and could not merge by itself: the user chooses per note. */
export type Conflict = { version: number; base: CanvasDocument; theirs: CanvasDocument; conflicts: NoteConflict[] };

export type SaveStatus =
  | { kind: "saved" }
  | { kind: "unsaved" }
  | { kind: "saving" }
  | { kind: "failed"; message: string }
  | ({ kind: "conflict" } & Conflict);

const DEBOUNCE_MS = 700;
const backupKey = (canvasId: string) => `werkbank:canvas:${canvasId}`;

/** Unsaved edits survive a reload: kept in sessionStorage until the server has them. */
export function readBackup(canvasId: string, version: number): CanvasDocument | null {
  try {
    const raw = sessionStorage.getItem(backupKey(canvasId));
    if (!raw) return null;
    const backup = JSON.parse(raw) as { baseVersion: number; document: CanvasDocument };
    return backup.baseVersion === version ? backup.document : null;
  } catch {
    return null;
  }
}

/**
 * Debounced autosave through a server action behind react-query, with the version the edit was
 * based on. Saves never overlap. A stale save is merged at note level with what the server holds
 * (the version this tab started from is the base): edits to different notes go through at once
 * and `onMerged` hands the editor the merged document; only the same note changed on both sides
 * stops the saving until the user has chosen, per note.
 */
export function useAutosave(opts: {
  canvasId: string;
  cohortId: string;
  template: CanvasTemplate;
  initialVersion: number;
  /** The document the editor opened with. */
  document: CanvasDocument;
  /** The document the server holds at initialVersion (differs from `document` after a restored backup). */
  serverDocument: CanvasDocument;
  /** True when that document is an unsaved backup restored after a reload. */
  restored: boolean;
  onMerged: (doc: CanvasDocument, info: { dropped: string[]; resolved: boolean }) => void;
}) {
  const { canvasId, cohortId, template } = opts;
  const onMerged = useRef(opts.onMerged);
  useEffect(() => {
    onMerged.current = opts.onMerged;
  });
  const version = useRef(opts.initialVersion);
  const latest = useRef(opts.document);
  const inFlight = useRef(false);
  const again = useRef(false);
  const blocked = useRef(false); // a conflict waits for the user's choice
  const saved = useRef(opts.serverDocument); // the document the server holds at `version`
  const pending = useRef<Conflict | null>(null);
  const [status, setStatus] = useState<SaveStatus>({ kind: opts.restored ? "unsaved" : "saved" });
  const mutation = useMutation({
    mutationFn: (vars: { baseVersion: number; document: CanvasDocument }) =>
      saveCanvasAction(null, { canvasId, cohortId, baseVersion: vars.baseVersion, document: JSON.stringify(vars.document) }),
  });
  const { mutateAsync } = mutation;

  const flush = useCallback(async () => {
    if (inFlight.current) {
      again.current = true; // the running save picks the newest document up when it returns
      return;
    }
    inFlight.current = true;
    try {
      do {
        again.current = false;
        const sent = latest.current;
        setStatus({ kind: "saving" });
        const result = await mutateAsync({ baseVersion: version.current, document: sent });
        if (!result.ok) {
          setStatus({ kind: "failed", message: result.message });
          return;
        }
        if (!result.data.ok) {
          const theirs = result.data.conflict;
          const base = saved.current;
          const merged = mergeDocuments(template, base, latest.current, theirs.document);
          version.current = theirs.version;
          saved.current = theirs.document;
          if (merged.conflicts.length > 0) {
            blocked.current = true;
            pending.current = { version: theirs.version, base, theirs: theirs.document, conflicts: merged.conflicts };
            setStatus({ kind: "conflict", ...pending.current });
            return;
          }
          latest.current = merged.mineChanged ? merged.doc : theirs.document;
          onMerged.current(latest.current, { dropped: merged.dropped, resolved: false });
          if (!merged.mineChanged) {
            sessionStorage.removeItem(backupKey(canvasId));
            setStatus({ kind: "saved" });
            return;
          }
          again.current = true;
          continue;
        }
        version.current = result.data.version;
        saved.current = sent;
        if (latest.current === sent) {
          sessionStorage.removeItem(backupKey(canvasId));
          setStatus({ kind: "saved" });
        } else {
          again.current = true;
        }
      } while (again.current && !blocked.current);
    } catch {
      setStatus({ kind: "failed", message: "" });
    } finally {
      inFlight.current = false;
    }
  }, [canvasId, mutateAsync, template]);

  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  /** Called with every edit: keeps a backup for reloads and (re)starts the debounce. */
  const schedule = useCallback(
    (document: CanvasDocument) => {
      latest.current = document;
      try {
        sessionStorage.setItem(backupKey(canvasId), JSON.stringify({ baseVersion: version.current, document }));
      } catch {
        // storage full or disabled: the debounced save below still runs
      }
      if (blocked.current) return;
      setStatus({ kind: "unsaved" });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
    },
    [canvasId, flush],
  );

  // A backup restored on load is saved straight away; pending timers die with the editor.
  const restored = useRef(opts.restored);
  useEffect(() => {
    if (restored.current) timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
    return () => clearTimeout(timer.current);
  }, [flush]);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (status.kind !== "saved") event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [status.kind]);

  /** After a conflict: one version per conflicting note; the merged rest stays, and is saved. */
  const resolve = useCallback(
    (choices: Record<string, Choice>) => {
      const conflict = pending.current;
      if (!conflict) return;
      const doc = resolveConflicts(template, conflict.base, latest.current, conflict.theirs, choices);
      pending.current = null;
      blocked.current = false;
      latest.current = doc;
      onMerged.current(doc, { dropped: [], resolved: true });
      setStatus({ kind: "unsaved" });
      void flush();
    },
    [flush, template],
  );

  /** After a conflict kept as a copy elsewhere: this canvas continues from the saved version. */
  const acceptSaved = useCallback(() => {
    const conflict = pending.current;
    if (!conflict) return;
    pending.current = null;
    blocked.current = false;
    latest.current = conflict.theirs;
    sessionStorage.removeItem(backupKey(canvasId));
    onMerged.current(conflict.theirs, { dropped: [], resolved: true });
    setStatus({ kind: "saved" });
  }, [canvasId]);

  /** Saves pending edits now (skipping the debounce); true once the server holds the latest document. */
  const saveNow = useCallback(async () => {
    clearTimeout(timer.current);
    if (!blocked.current && saved.current !== latest.current) await flush();
    while (inFlight.current) await new Promise((resolve) => setTimeout(resolve, 50));
    return saved.current === latest.current;
  }, [flush]);

  return { status, schedule, retry: flush, resolve, acceptSaved, saveNow };
}

"use client";

import { useMutation } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { saveCanvasAction } from "@/app/(app)/cohorts/[cohortId]/canvases/actions";
import type { CanvasDocument } from "@/lib/canvas/document";

export type SaveStatus =
  | { kind: "saved" }
  | { kind: "unsaved" }
  | { kind: "saving" }
  | { kind: "failed"; message: string }
  | { kind: "conflict"; version: number; document: CanvasDocument; title: string };

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
 * based on. Saves never overlap; a stale save comes back as a conflict and nothing is retried
 * until the user chooses.
 */
export function useAutosave(opts: {
  canvasId: string;
  cohortId: string;
  initialVersion: number;
  /** The document the editor opened with. */
  document: CanvasDocument;
  /** True when that document is an unsaved backup restored after a reload. */
  restored: boolean;
}) {
  const { canvasId, cohortId } = opts;
  const version = useRef(opts.initialVersion);
  const latest = useRef(opts.document);
  const inFlight = useRef(false);
  const again = useRef(false);
  const blocked = useRef(false); // a conflict waits for the user's choice
  const saved = useRef(opts.restored ? null : opts.document); // the document the server holds
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
          blocked.current = true;
          setStatus({ kind: "conflict", ...result.data.conflict });
          return;
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
  }, [canvasId, mutateAsync]);

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

  /** After a conflict: continue from the saved version (the caller replaces its document). */
  const acceptVersion = useCallback(
    (next: number, document: CanvasDocument) => {
      version.current = next;
      latest.current = document;
      saved.current = document;
      blocked.current = false;
      sessionStorage.removeItem(backupKey(canvasId));
      setStatus({ kind: "saved" });
    },
    [canvasId],
  );

  /** Saves pending edits now (skipping the debounce); true once the server holds the latest document. */
  const saveNow = useCallback(async () => {
    clearTimeout(timer.current);
    if (!blocked.current && saved.current !== latest.current) await flush();
    while (inFlight.current) await new Promise((resolve) => setTimeout(resolve, 50));
    return saved.current === latest.current;
  }, [flush]);

  return { status, schedule, retry: flush, acceptVersion, saveNow };
}

"use client";

import { useTranslations } from "next-intl";
import { useLayoutEffect, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { useModalDialog } from "@/components/ui/use-modal-dialog";
import { Spinner } from "@/components/ui/spinner";

export const SHEET_WIDTH = 1400;

/**
 * "Export": a preview of exactly what the files will show (the export sheet, zoomed to fit the
 * dialog), then PNG or PDF. The files are drawn from an unzoomed copy of the same sheet kept off
 * screen at a fixed desktop width, so a phone exports the same canvas a laptop does.
 */
export function ExportDialog(props: {
  open: boolean;
  onClose: () => void;
  preview: ReactNode;
  onDownload: (kind: "png" | "pdf") => Promise<void>;
}) {
  const t = useTranslations("editor");
  const ref = useModalDialog(props.open);
  const frame = useRef<HTMLDivElement>(null);
  const [zoom, setZoom] = useState(0.5);
  const [busy, setBusy] = useState<null | "png" | "pdf">(null);
  useLayoutEffect(() => {
    const el = frame.current;
    if (!props.open || !el) return;
    const fit = () => setZoom(Math.min(1, el.clientWidth / SHEET_WIDTH));
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(el);
    return () => observer.disconnect();
  }, [props.open]);

  async function download(kind: "png" | "pdf") {
    setBusy(kind);
    try {
      await props.onDownload(kind);
    } finally {
      setBusy(null);
    }
  }

  return (
    <dialog
      ref={ref}
      aria-labelledby="export-title"
      onClose={props.onClose}
      className="m-auto max-h-[94vh] w-[min(72rem,96vw)] overflow-y-auto rounded-xl border border-line p-4 shadow-lg backdrop:bg-black/30 sm:p-6"
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="export-title" className="text-lg font-semibold">
          {t("exportTitle")}
        </h2>
        <div className="flex flex-wrap gap-2">
          <Button onClick={() => download("png")} disabled={busy !== null}>
            {busy === "png" && <Spinner />}
            {t("exportPng")}
          </Button>
          <Button onClick={() => download("pdf")} disabled={busy !== null}>
            {busy === "pdf" && <Spinner />}
            {t("exportPdf")}
          </Button>
          <Button variant="secondary" onClick={props.onClose}>
            {t("shortcuts.close")}
          </Button>
        </div>
      </div>
      <p className="mt-1 text-sm text-stone-700">{t("exportLead")}</p>
      <div ref={frame} className="mt-4 overflow-hidden rounded-lg border border-line" data-testid="export-preview">
        {props.open && <div style={{ width: SHEET_WIDTH, zoom }}>{props.preview}</div>}
      </div>
    </dialog>
  );
}

import { withPngText } from "@/lib/canvas/png-text";
import type { ExportMeta } from "./export-sheet";

/**
 * PNG and PDF of an export sheet (components/canvas/export-sheet.tsx). Both libraries load on
 * demand, so the editor's own bundle does not carry them.
 */

export function exportFileName(title: string, ext: "png" | "pdf") {
  return `${title.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "") || "canvas"}.${ext}`;
}

function download(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function renderPng(sheet: HTMLElement): Promise<Uint8Array> {
  const { toPng } = await import("html-to-image");
  const url = await toPng(sheet, { backgroundColor: "#f7f6f3", pixelRatio: 2, cacheBust: false });
  return Uint8Array.from(atob(url.slice(url.indexOf(",") + 1)), (c) => c.charCodeAt(0));
}

const describe = (meta: ExportMeta) => [meta.kind, meta.segment, meta.fit].filter(Boolean).join(" · ");

export async function downloadPng(sheet: HTMLElement, meta: ExportMeta) {
  const png = withPngText(await renderPng(sheet), {
    Title: meta.title,
    Author: meta.author,
    Description: describe(meta),
    "Creation Time": meta.date,
  });
  download(new Blob([png as BlobPart], { type: "image/png" }), exportFileName(meta.title, "png"));
}

/** A4 landscape: the header as real text (searchable, selectable), the board as the image below it. */
export async function downloadPdf(sheet: HTMLElement, meta: ExportMeta) {
  const board = sheet.querySelector<HTMLElement>("[data-export-board]") ?? sheet;
  const [png, { jsPDF }] = await Promise.all([renderPng(board), import("jspdf")]);
  const pdf = new jsPDF({ orientation: "landscape", unit: "mm", format: "a4", compress: false });
  pdf.setProperties({ title: meta.title, author: meta.author, subject: describe(meta), creator: "Werkbank" });
  const page = { width: pdf.internal.pageSize.getWidth(), height: pdf.internal.pageSize.getHeight() };
  const margin = 10;
  pdf.setFont("helvetica", "normal");
  pdf.setFontSize(9);
  pdf.setTextColor(29, 95, 83);
  pdf.text(meta.kind, margin, margin + 3);
  pdf.setFontSize(16);
  pdf.setTextColor(31, 35, 40);
  pdf.text(meta.title, margin, margin + 10);
  pdf.setFontSize(9);
  pdf.setTextColor(80, 80, 80);
  pdf.text([meta.segment, meta.author, meta.date].filter(Boolean).join(" · "), margin, margin + 16);
  if (meta.fit) {
    pdf.setFontSize(12);
    pdf.setTextColor(20, 63, 56);
    pdf.text(meta.fit, page.width - margin, margin + 10, { align: "right" });
  }
  const top = margin + 21;
  const image = new Image();
  const blobUrl = URL.createObjectURL(new Blob([png as BlobPart], { type: "image/png" }));
  await new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error("image"));
    image.src = blobUrl;
  });
  URL.revokeObjectURL(blobUrl);
  const room = { width: page.width - 2 * margin, height: page.height - top - margin };
  const scale = Math.min(room.width / image.width, room.height / image.height);
  pdf.addImage(png, "PNG", margin, top, image.width * scale, image.height * scale);
  download(pdf.output("blob"), exportFileName(meta.title, "pdf"));
}

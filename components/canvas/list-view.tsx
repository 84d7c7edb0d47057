import type { CanvasDocument } from "@/lib/canvas/document";
import type { CanvasTemplate } from "@/lib/canvas/types";

/** The same canvas as headings and lists: for screen readers, small screens and reading. */
export function ListView({ template, doc, locale, emptyLabel }: { template: CanvasTemplate; doc: CanvasDocument; locale: "de" | "en"; emptyLabel: string }) {
  return (
    <div className="flex flex-col gap-6 rounded-xl border border-line bg-white p-6">
      {template.blocks.map((block) => {
        const notes = doc.blocks[block.id] ?? [];
        return (
          <section key={block.id} aria-labelledby={`list-${block.id}`}>
            <h2 id={`list-${block.id}`} className="text-base font-semibold">
              {block.title[locale]}
            </h2>
            {notes.length === 0 ? (
              <p className="text-sm text-muted">{emptyLabel}</p>
            ) : (
              <ul className="mt-1 list-disc pl-5 text-sm">
                {notes.map((n) => (
                  <li key={n.id}>{n.text || "…"}</li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

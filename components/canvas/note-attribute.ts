import type { useTranslations } from "next-intl";
import type { Note } from "@/lib/canvas/document";
import type { BlockDef } from "@/lib/canvas/types";

/** The note's attribute in words ("funktional", "Schwere: hoch"), or null where the block has none or it is unset. */
export function attributeLabel(note: Note, block: BlockDef | undefined, t: ReturnType<typeof useTranslations<"editor">>): string | null {
  const attribute = block?.attribute?.kind;
  if (attribute === "jobType") return note.jobType ? t(`jobTypes.${note.jobType}`) : null;
  if (attribute === "severity" || attribute === "importance") {
    const weight = note[attribute];
    return weight ? `${t(attribute)}: ${t(`weights.${String(weight) as "1"}`)}` : null;
  }
  return null;
}

"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { createSegmentCanvasAction } from "@/app/(app)/cohorts/[cohortId]/canvases/actions";
import {
  Menu,
  MenuContent,
  MenuItem,
  MenuLabel,
  MenuRadioGroup,
  MenuRadioItem,
  MenuSeparator,
  MenuSub,
  MenuSubContent,
  MenuSubTrigger,
  MenuTrigger,
} from "@/components/ui/menu";
import { Spinner } from "@/components/ui/spinner";
import { SEGMENT_COLORS, type Note, type SegmentColor } from "@/lib/canvas/document";
import type { LinkedCanvas } from "@/lib/canvas/segments";
import { SegmentDot } from "./segment-dot";

const KINDS = ["value-proposition", "empathy-map", "persona"] as const;

/**
 * The "Segment" menu of a customer-segment note on a Business Model Canvas: its colour, the
 * canvases made for it, and "create … for this segment" (saving pending edits first, so the new
 * canvas can point at the note).
 */
export function SegmentMenu(props: {
  note: Note;
  label: string;
  cohortId: string;
  canvasId: string;
  linked: LinkedCanvas[];
  onColor: (color: SegmentColor | undefined) => void;
  saveNow: () => Promise<boolean>;
}) {
  const t = useTranslations("editor");
  const tk = useTranslations("editor.kinds");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, start] = useTransition();
  const [creating, setCreating] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  function create(template: (typeof KINDS)[number]) {
    setError(null);
    setCreating(template);
    start(async () => {
      if (!(await props.saveNow())) {
        setError(t("segmentSaveFirst"));
        setCreating(null);
        return;
      }
      const result = await createSegmentCanvasAction(null, {
        cohortId: props.cohortId,
        segmentCanvasId: props.canvasId,
        segmentNoteId: props.note.id,
        template,
        title: `${tk(template)}: ${props.note.text.trim().split("\n")[0] || t("unnamedSegment")}`.slice(0, 120),
      });
      // On success the action redirects to the new canvas.
      if (result && !result.ok) setError(result.message);
      setCreating(null);
    });
  }

  return (
    <>
      <Menu open={open} onOpenChange={setOpen} modal={false}>
        <MenuTrigger
          className="inline-flex items-center gap-1 rounded-full border border-stone-400 bg-white px-2 py-0.5 text-xs font-medium text-ink hover:bg-stone-50 data-[state=open]:bg-stone-100"
          aria-label={t("segmentMenu", { note: props.label })}
        >
          <SegmentDot color={props.note.color} />
          {t("segmentMenuButton")}
          {pending ? <Spinner /> : <span aria-hidden>▾</span>}
        </MenuTrigger>
        <MenuContent align="start" aria-label={t("segmentMenu", { note: props.label })}>
          <MenuSub>
            <MenuSubTrigger>{t("segmentColor")}</MenuSubTrigger>
            <MenuSubContent>
              <MenuRadioGroup value={props.note.color ?? ""} onValueChange={(v) => props.onColor((v || undefined) as SegmentColor | undefined)}>
                <MenuRadioItem value="">{t("noColor")}</MenuRadioItem>
                {SEGMENT_COLORS.map((color) => (
                  <MenuRadioItem key={color} value={color}>
                    <span className="inline-flex items-center gap-2">
                      <SegmentDot color={color} className="size-3" />
                      {t(`colors.${color}`)}
                    </span>
                  </MenuRadioItem>
                ))}
              </MenuRadioGroup>
            </MenuSubContent>
          </MenuSub>
          <MenuSeparator />
          <MenuLabel>{t("segmentCanvases")}</MenuLabel>
          {props.linked.map((c) => (
            <MenuItem key={c.id} onSelect={() => router.push(`/cohorts/${props.cohortId}/canvases/${c.id}`)}>
              {c.title}
            </MenuItem>
          ))}
          {KINDS.map((kind) => (
            <MenuItem
              key={kind}
              disabled={pending}
              onSelect={(e) => {
                e.preventDefault();
                create(kind);
              }}
            >
              {creating === kind ? t("creatingForSegment") : t("createForSegment", { kind: tk(kind) })}
            </MenuItem>
          ))}
        </MenuContent>
      </Menu>
      {error && (
        <p role="alert" className="basis-full text-xs text-red-800">
          {error}
        </p>
      )}
    </>
  );
}

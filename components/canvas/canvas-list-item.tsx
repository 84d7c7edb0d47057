"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, useRef, useState } from "react";
import { copyCanvasAction, deleteCanvasAction, renameCanvasAction } from "@/app/(app)/cohorts/[cohortId]/canvases/actions";
import { buttonClasses } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SubmitButton } from "@/components/ui/submit-button";
import type { SegmentColor } from "@/lib/canvas/document";
import { SegmentDot } from "./segment-dot";

type Item = {
  id: string;
  title: string;
  kindLabel: string;
  updatedLabel: string;
  segment?: { label: string; color?: SegmentColor };
};

export function CanvasListItem({ cohortId, item }: { cohortId: string; item: Item }) {
  const t = useTranslations("canvas");
  const [renaming, setRenaming] = useState(false);
  const [renameState, rename] = useActionState(async (prev: unknown, form: FormData) => {
    const result = await renameCanvasAction(prev, form);
    if (result.ok) setRenaming(false);
    return result;
  }, null);
  const [copyState, copy] = useActionState(copyCanvasAction, null);
  const [deleteState, remove] = useActionState(deleteCanvasAction, null);
  const dialog = useRef<HTMLDialogElement>(null);
  const href = `/cohorts/${cohortId}/canvases/${item.id}`;

  const refused = [renameState, copyState, deleteState].find((s) => s && !s.ok && !s.fieldErrors);

  return (
    <li className="flex flex-col gap-3 rounded-xl border border-line bg-white p-5 shadow-xs">
      <p className="text-xs font-medium tracking-wide text-brand-700 uppercase">{item.kindLabel}</p>
      {renaming ? (
        <form action={rename} className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="cohortId" value={cohortId} />
          <input type="hidden" name="canvasId" value={item.id} />
          <Field
            name="title"
            label={t("titleLabel")}
            defaultValue={renameState && !renameState.ok ? renameState.values?.title : item.title}
            errors={renameState && !renameState.ok ? renameState.fieldErrors?.title : undefined}
            maxLength={120}
            autoFocus
            className="min-w-0 flex-1"
          />
          <SubmitButton pendingLabel={t("renaming")}>{t("rename")}</SubmitButton>
          <button type="button" className={buttonClasses("ghost")} onClick={() => setRenaming(false)}>
            {t("cancel")}
          </button>
        </form>
      ) : (
        <h3 className="text-lg leading-snug font-semibold">
          <Link href={href} className="hover:underline">
            {item.title}
          </Link>
        </h3>
      )}
      {item.segment && (
        <p className="flex items-center gap-1.5 text-sm text-stone-700">
          <SegmentDot color={item.segment.color} />
          <span className="truncate">{item.segment.label}</span>
        </p>
      )}
      <p className="text-xs text-muted">{item.updatedLabel}</p>
      <FormMessage tone="error">{refused && !refused.ok ? refused.message : null}</FormMessage>
      <div className="mt-auto flex flex-wrap gap-2 pt-2">
        <Link href={href} className={buttonClasses("primary", "px-3 py-1.5")}>
          {t("open")}
        </Link>
        {!renaming && (
          <button type="button" className={buttonClasses("secondary", "px-3 py-1.5")} onClick={() => setRenaming(true)}>
            {t("rename")}
          </button>
        )}
        <form action={copy}>
          <input type="hidden" name="cohortId" value={cohortId} />
          <input type="hidden" name="canvasId" value={item.id} />
          <input type="hidden" name="title" value={t("copyTitle", { title: item.title }).slice(0, 120)} />
          <SubmitButton variant="secondary" className="px-3 py-1.5" pendingLabel={t("duplicating")}>
            {t("duplicate")}
          </SubmitButton>
        </form>
        <button type="button" className={buttonClasses("ghost", "px-3 py-1.5 text-red-700")} onClick={() => dialog.current?.showModal()}>
          {t("delete")}
        </button>
      </div>
      <ConfirmDialog
        dialogRef={dialog}
        id={`delete-${item.id}`}
        title={t("deleteConfirmTitle", { title: item.title })}
        body={t("deleteConfirmBody")}
        action={remove}
        fields={{ cohortId, canvasId: item.id }}
        cancelLabel={t("cancel")}
        confirmLabel={t("delete")}
        pendingLabel={t("deleting")}
      />
    </li>
  );
}

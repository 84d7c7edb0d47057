"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

/** A stale save: the user chooses; nothing is overwritten before that. */
export function ConflictDialog(props: { open: boolean; onTakeSaved: () => void; onKeepMine: () => Promise<void> }) {
  const t = useTranslations("editor");
  const ref = useRef<HTMLDialogElement>(null);
  const [keeping, setKeeping] = useState(false);
  useEffect(() => {
    const dialog = ref.current;
    if (props.open && dialog && !dialog.open) dialog.showModal();
    if (!props.open && dialog?.open) dialog.close();
  }, [props.open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby="conflict-title"
      aria-describedby="conflict-body"
      onCancel={(e) => e.preventDefault()}
      className="m-auto w-[min(32rem,92vw)] rounded-xl border border-line p-6 shadow-lg backdrop:bg-black/30"
    >
      <h2 id="conflict-title" className="text-lg font-semibold">
        {t("conflictTitle")}
      </h2>
      <p id="conflict-body" className="mt-2 text-sm text-muted">
        {t("conflictBody")}
      </p>
      <div className="mt-6 flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={props.onTakeSaved} disabled={keeping}>
          {t("takeSaved")}
        </Button>
        <Button
          disabled={keeping}
          onClick={async () => {
            setKeeping(true);
            try {
              await props.onKeepMine();
            } finally {
              setKeeping(false);
            }
          }}
        >
          {keeping ? t("keepingMine") : t("keepMine")}
        </Button>
      </div>
    </dialog>
  );
}

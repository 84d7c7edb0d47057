"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useModalDialog } from "@/components/ui/use-modal-dialog";

const SHORTCUTS = [
  ["Enter", "enter"],
  ["Shift + Enter", "shiftEnter"],
  ["Esc", "escape"],
  ["Enter", "editAgain"],
  ["Alt + ↑ / ↓", "altArrows"],
  ["Shift + F10", "openMenu"],
  ["Entf", "deleteFocused"],
  ["Tab", "tab"],
  ["Space, ↑ ↓ ← →, Space", "drag"],
  ["?", "help"],
] as const;

/** The keyboard shortcut sheet ("?"): every command of the board that has a key. */
export function ShortcutSheet(props: { open: boolean; onClose: () => void }) {
  const t = useTranslations("editor.shortcuts");
  const ref = useModalDialog(props.open);
  return (
    <dialog
      ref={ref}
      aria-labelledby="shortcuts-title"
      onClose={props.onClose}
      className="m-auto w-[min(34rem,94vw)] rounded-xl border border-line p-6 shadow-lg backdrop:bg-black/30"
    >
      <h2 id="shortcuts-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {SHORTCUTS.map(([keys, id], i) => (
          <div key={i} className="contents">
            <dt>
              <kbd className="rounded border border-line bg-stone-50 px-1.5 py-0.5 font-sans text-xs whitespace-nowrap">
                {id === "deleteFocused" ? t("deleteKey") : keys}
              </kbd>
            </dt>
            <dd className="text-stone-700">{t(id)}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-6 flex justify-end">
        <Button variant="secondary" onClick={props.onClose} autoFocus>
          {t("close")}
        </Button>
      </div>
    </dialog>
  );
}

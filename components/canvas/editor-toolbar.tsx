"use client";

import { useTranslations } from "next-intl";
import { Button, buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Menu, MenuCheckboxItem, MenuContent, MenuItem, MenuTrigger } from "@/components/ui/menu";
import { SaveIndicator } from "./save-indicator";
import type { SaveStatus } from "./use-autosave";

/** The editor's bar: save state, board or list, fit lines, guiding questions, shortcuts, print and export. */
export function EditorToolbar(props: {
  status: SaveStatus;
  onRetry: () => void;
  view: "board" | "list";
  onView: (view: "board" | "list") => void;
  showQuestions: boolean;
  onQuestions: () => void;
  /** null where the canvas has no fit links. */
  fitView: boolean | null;
  onFitView: () => void;
  onShortcuts: () => void;
  onPrint: () => void;
  onExport: () => void;
}) {
  const t = useTranslations("editor");
  const small = "px-3 py-1.5";
  return (
    <div className="flex flex-wrap items-center gap-3">
      <SaveIndicator status={props.status} onRetry={props.onRetry} />
      <div className="ml-auto flex flex-wrap items-center gap-2">
        <div role="group" aria-label={t("view")} className="inline-flex rounded-lg border border-line bg-white p-0.5 text-sm">
          {(["board", "list"] as const).map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={props.view === v}
              onClick={() => props.onView(v)}
              className={cn("rounded-md px-3 py-1", props.view === v ? "bg-brand-600 text-white" : "text-muted hover:bg-stone-100")}
            >
              {v === "board" ? t("viewBoard") : t("viewList")}
            </button>
          ))}
        </div>
        {/* On a phone the rest sits in one menu: the board is one column there, without fit lines. */}
        <Menu modal={false}>
          <MenuTrigger className={buttonClasses("secondary", cn(small, "sm:hidden"))}>
            {t("more")}
            <span aria-hidden>▾</span>
          </MenuTrigger>
          <MenuContent align="end">
            <MenuCheckboxItem checked={props.showQuestions} onCheckedChange={props.onQuestions}>
              {t("questionsAll")}
            </MenuCheckboxItem>
            <MenuItem onSelect={props.onExport}>{t("export")}</MenuItem>
            <MenuItem onSelect={props.onPrint}>{t("print")}</MenuItem>
            <MenuItem onSelect={props.onShortcuts}>{t("shortcuts.button")}</MenuItem>
          </MenuContent>
        </Menu>
        <div className="hidden flex-wrap items-center gap-2 sm:flex">
          {props.fitView !== null && props.view === "board" && (
            <Button variant="secondary" className={small} aria-pressed={props.fitView} onClick={props.onFitView}>
              {t("fitLines")}
            </Button>
          )}
          <Button variant="secondary" className={small} aria-pressed={props.showQuestions} onClick={props.onQuestions}>
            {t("questionsAll")}
          </Button>
          <Button variant="secondary" className={small} onClick={props.onShortcuts} aria-keyshortcuts="?">
            {t("shortcuts.button")}
          </Button>
          <Button variant="secondary" className={small} onClick={props.onPrint}>
            {t("print")}
          </Button>
          <Button variant="secondary" className={small} onClick={props.onExport} aria-haspopup="dialog">
            {t("export")}
          </Button>
        </div>
      </div>
    </div>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import type { SaveStatus } from "./use-autosave";

export function SaveIndicator({ status, onRetry }: { status: SaveStatus; onRetry: () => void }) {
  const t = useTranslations("editor");
  const label =
    status.kind === "saved"
      ? t("saved")
      : status.kind === "saving"
        ? t("saving")
        : status.kind === "failed"
          ? t("saveFailed", { reason: status.message || t("unsaved") })
          : t("unsaved");
  return (
    <p role="status" aria-live="polite" className="flex items-center gap-2 text-sm" data-testid="save-status" data-state={status.kind}>
      <span
        aria-hidden
        className={cn(
          "size-2 rounded-full",
          status.kind === "saved" && "bg-brand-500",
          status.kind === "saving" && "animate-pulse bg-amber-400",
          (status.kind === "unsaved" || status.kind === "conflict") && "bg-amber-500",
          status.kind === "failed" && "bg-red-600",
        )}
      />
      <span className={status.kind === "failed" ? "text-red-700" : "text-muted"}>{label}</span>
      {status.kind === "failed" && (
        <button type="button" onClick={onRetry} className="font-medium text-brand-700 underline">
          {t("retry")}
        </button>
      )}
    </p>
  );
}

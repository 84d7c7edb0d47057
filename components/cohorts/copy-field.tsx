"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

/**
 * A read-only value with a copy button. Where the clipboard is not available (plain http on
 * another host), the text is selected instead and the user is told to copy it themselves.
 */
export function CopyField({ label, value, copyLabel, large }: { label: string; value: string; copyLabel: string; large?: boolean }) {
  const t = useTranslations("cohortAdmin.copy");
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<"idle" | "copied" | "manual">("idle");

  useEffect(() => {
    if (status !== "copied") return;
    const timer = setTimeout(() => setStatus("idle"), 4000);
    return () => clearTimeout(timer);
  }, [status]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setStatus("copied");
    } catch {
      input.current?.select();
      setStatus("manual");
    }
  }

  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <input
          ref={input}
          id={id}
          readOnly
          value={value}
          onFocus={(e) => e.currentTarget.select()}
          className={cn(
            "min-w-0 flex-1 rounded-lg border border-line bg-stone-50 px-3 py-2 shadow-xs outline-none",
            "focus-visible:border-brand-500 focus-visible:ring-2 focus-visible:ring-brand-200",
            large ? "font-mono text-lg tracking-wider" : "text-sm",
          )}
        />
        <Button type="button" variant="secondary" onClick={copy}>
          {copyLabel}
        </Button>
      </div>
      <p role="status" aria-live="polite" className={cn("text-xs empty:hidden", status === "copied" ? "text-brand-700" : "text-muted")}>
        {status === "copied" ? `✓ ${t("copied", { what: label })}` : status === "manual" ? t("manual") : ""}
      </p>
    </div>
  );
}

import { cn } from "./cn";

/** The form-level outcome of an action, announced politely (Next's route announcer owns role=alert). */
export function FormMessage({ tone, children }: { tone: "error" | "success"; children?: string | null }) {
  return (
    <p
      role="status"
      aria-live="polite"
      className={cn(
        "rounded-lg px-3 py-2 text-sm empty:hidden",
        tone === "error" ? "border border-red-200 bg-red-50 text-red-800" : "border border-brand-200 bg-brand-50 text-brand-900",
      )}
    >
      {children}
    </p>
  );
}

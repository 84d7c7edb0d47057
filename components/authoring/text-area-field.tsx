import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/components/ui/cn";

type Props = ComponentProps<"textarea"> & {
  name: string;
  label: string;
  hint?: ReactNode;
  errors?: string[];
};

/** A labelled textarea whose hint and errors are linked with aria-describedby, like Field. */
export function TextAreaField({ name, label, hint, errors, className, id, ...textarea }: Props) {
  const fieldId = id ?? `field-${name}`;
  const hintId = hint ? `${fieldId}-hint` : undefined;
  const errorId = `${fieldId}-error`;
  const invalid = Boolean(errors?.length);
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={fieldId} className="text-sm font-medium">
        {label}
      </label>
      <textarea
        id={fieldId}
        name={name}
        aria-invalid={invalid || undefined}
        aria-describedby={[invalid ? errorId : null, hintId].filter(Boolean).join(" ") || undefined}
        className={cn(
          "rounded-lg border bg-white px-3 py-2 text-[0.95rem] shadow-xs outline-none transition-colors",
          "focus-visible:border-brand-500 focus-visible:ring-2 focus-visible:ring-brand-200",
          invalid ? "border-red-600" : "border-line",
          className,
        )}
        {...textarea}
      />
      {hint && (
        <div id={hintId} className="text-xs text-muted">
          {hint}
        </div>
      )}
      <p id={errorId} aria-live="polite" className="text-sm text-red-700 empty:hidden">
        {errors?.join(" ")}
      </p>
    </div>
  );
}

import type { ComponentProps } from "react";
import { cn } from "@/components/ui/cn";

type Props = ComponentProps<"select"> & {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  options: Array<{ value: string; label: string }>;
};

/** A labelled select in the look of Field, with hint and errors linked by aria-describedby. */
export function SelectField({ name, label, hint, errors, options, className, id, ...select }: Props) {
  const fieldId = id ?? `field-${name}`;
  const hintId = hint ? `${fieldId}-hint` : undefined;
  const errorId = `${fieldId}-error`;
  const invalid = Boolean(errors?.length);
  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <label htmlFor={fieldId} className="text-sm font-medium">
        {label}
      </label>
      <select
        id={fieldId}
        name={name}
        aria-invalid={invalid || undefined}
        aria-describedby={[invalid ? errorId : null, hintId].filter(Boolean).join(" ") || undefined}
        className={cn(
          "rounded-lg border bg-white px-3 py-2 text-[0.95rem] shadow-xs outline-none transition-colors",
          "focus-visible:border-brand-500 focus-visible:ring-2 focus-visible:ring-brand-200",
          invalid ? "border-red-600" : "border-line",
        )}
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint && (
        <p id={hintId} className="text-xs text-muted">
          {hint}
        </p>
      )}
      <p id={errorId} aria-live="polite" className="text-sm text-red-700 empty:hidden">
        {errors?.join(" ")}
      </p>
    </div>
  );
}

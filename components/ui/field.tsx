import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

type Common = { name: string; label: string; hint?: ReactNode; errors?: string[] };

/** The ids and ARIA wiring a labelled control shares with its hint and its errors. */
function wiring(name: string, id: string | undefined, hint: ReactNode, errors: string[] | undefined) {
  const fieldId = id ?? `field-${name}`;
  const hintId = hint ? `${fieldId}-hint` : undefined;
  const errorId = `${fieldId}-error`;
  const invalid = Boolean(errors?.length);
  return {
    fieldId,
    hintId,
    errorId,
    invalid,
    control: {
      id: fieldId,
      name,
      "aria-invalid": invalid || undefined,
      "aria-describedby": [invalid ? errorId : null, hintId].filter(Boolean).join(" ") || undefined,
    },
  };
}

function controlClass(invalid: boolean, className?: string) {
  return cn(
    "rounded-lg border bg-white px-3 py-2 text-[0.95rem] shadow-xs outline-none transition-colors",
    "focus-visible:border-brand-500 focus-visible:ring-2 focus-visible:ring-brand-200 focus-visible:outline-none",
    invalid ? "border-red-600" : "border-line",
    className,
  );
}

/** Label above, hint and errors below (the errors announced politely). */
function Frame(props: { w: ReturnType<typeof wiring>; label: string; hint?: ReactNode; errors?: string[]; className?: string; children: ReactNode }) {
  const { w } = props;
  return (
    <div className={cn("flex flex-col gap-1.5", props.className)}>
      <label htmlFor={w.fieldId} className="text-sm font-medium">
        {props.label}
      </label>
      {props.children}
      {props.hint && (
        <div id={w.hintId} className="text-xs text-muted">
          {props.hint}
        </div>
      )}
      <p id={w.errorId} aria-live="polite" className="text-sm text-red-700 empty:hidden">
        {props.errors?.join(" ")}
      </p>
    </div>
  );
}

/** A labelled input whose hint and errors are linked with aria-describedby. */
export function Field({ name, label, hint, errors, className, id, ...input }: ComponentProps<"input"> & Common) {
  const w = wiring(name, id, hint, errors);
  return (
    <Frame w={w} label={label} hint={hint} errors={errors} className={className}>
      <input {...w.control} className={controlClass(w.invalid)} {...input} />
    </Frame>
  );
}

/** A labelled textarea, wired like Field; `className` styles the textarea. */
export function TextAreaField({ name, label, hint, errors, className, id, ...textarea }: ComponentProps<"textarea"> & Common) {
  const w = wiring(name, id, hint, errors);
  return (
    <Frame w={w} label={label} hint={hint} errors={errors}>
      <textarea {...w.control} className={controlClass(w.invalid, className)} {...textarea} />
    </Frame>
  );
}

/** A labelled select, wired like Field. */
export function SelectField({
  name,
  label,
  hint,
  errors,
  options,
  className,
  id,
  ...select
}: ComponentProps<"select"> & Common & { options: Array<{ value: string; label: string }> }) {
  const w = wiring(name, id, hint, errors);
  return (
    <Frame w={w} label={label} hint={hint} errors={errors} className={className}>
      <select {...w.control} className={controlClass(w.invalid)} {...select}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

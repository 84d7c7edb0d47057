"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { COURSE_LOCALES } from "@/lib/validation/limits";

/** The course's language as two radio buttons, named in their own language. */
export function LocaleChoice({
  legend,
  hint,
  initial,
  errors,
  onChange,
}: {
  legend: string;
  hint: string;
  initial: string;
  errors?: string[];
  onChange?: (locale: string) => void;
}) {
  const t = useTranslations("authoring");
  const [value, setValue] = useState(initial);
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby="locale-hint locale-error">
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      <div className="flex flex-wrap gap-2">
        {COURSE_LOCALES.map((locale) => (
          <label
            key={locale}
            className="flex cursor-pointer items-center gap-2 rounded-lg border border-line bg-white px-3 py-2 text-sm has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-300"
          >
            <input
              type="radio"
              name="locale"
              value={locale}
              checked={value === locale}
              onChange={() => {
                setValue(locale);
                onChange?.(locale);
              }}
              className="accent-brand-600"
            />
            <span lang={locale}>{t(`locales.${locale}`)}</span>
          </label>
        ))}
      </div>
      <p id="locale-hint" className="text-xs text-muted">
        {hint}
      </p>
      <p id="locale-error" aria-live="polite" className="text-sm text-red-700 empty:hidden">
        {errors?.join(" ")}
      </p>
    </fieldset>
  );
}

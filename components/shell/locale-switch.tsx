import { getLocale, getTranslations } from "next-intl/server";
import { setLocale } from "@/app/actions/locale";
import { asFormAction } from "@/components/ui/as-form-action";
import { cn } from "@/components/ui/cn";

/**
 * Two buttons in a form, so switching works with and without JavaScript. Each one's name holds its
 * visible code first ("DE – Deutsch"; axe ignores text in parentheses): speech input users say what they see (WCAG 2.5.3 Label in Name).
 */
export async function LocaleSwitch() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("common")]);
  return (
    <form action={asFormAction(setLocale)} className="inline-flex shrink-0 rounded-lg border border-line bg-white p-0.5 text-xs">
      <span className="sr-only">{t("language")}</span>
      {(["de", "en"] as const).map((l) => (
        <button
          key={l}
          type="submit"
          name="locale"
          value={l}
          lang={l}
          aria-pressed={locale === l}
          aria-label={`${l.toUpperCase()} – ${l === "de" ? t("german") : t("english")}`}
          className={cn(
            "rounded-md px-2 py-1 font-medium uppercase transition-colors",
            locale === l ? "bg-brand-600 text-white" : "text-muted hover:bg-stone-100",
          )}
        >
          {l}
        </button>
      ))}
    </form>
  );
}

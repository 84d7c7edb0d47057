import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";

/** Previous / next between pages of a list, with where one is; nothing when there is one page. */
export async function Pagination({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  if (pageCount <= 1) return null;
  const t = await getTranslations("cohortAdmin.pagination");
  const idle = "pointer-events-none opacity-40";
  return (
    <nav aria-label={t("label")} className="flex items-center justify-between gap-3 text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev" className={buttonClasses("secondary")}>
          ← {t("previous")}
        </Link>
      ) : (
        <span aria-hidden className={buttonClasses("secondary", idle)}>
          ← {t("previous")}
        </span>
      )}
      <span className="text-muted" aria-current="page">
        {t("position", { page, pageCount })}
      </span>
      {page < pageCount ? (
        <Link href={href(page + 1)} rel="next" className={buttonClasses("secondary")}>
          {t("next")} →
        </Link>
      ) : (
        <span aria-hidden className={buttonClasses("secondary", idle)}>
          {t("next")} →
        </span>
      )}
    </nav>
  );
}

"use client";

import { useTranslations } from "next-intl";

/** Under a conflict message: the saved version opens beside the typed text, which stays. */
export function ConflictNote() {
  const t = useTranslations("authoring");
  return (
    <p className="text-sm text-muted">
      <a href="" target="_blank" rel="noopener" className="text-brand-700 underline underline-offset-2 hover:text-brand-800">
        {t("conflict.openSaved")}
      </a>{" "}
      {t("conflict.then")}
    </p>
  );
}

import { useTranslations } from "next-intl";

/** The hint under every post textarea: Markdown and @mentions. */
export function PostBodyHint({ id }: { id: string }) {
  const t = useTranslations("forum");
  return (
    <p id={id} className="text-xs text-muted">
      {t("bodyHint")}
    </p>
  );
}

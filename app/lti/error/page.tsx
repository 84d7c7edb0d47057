import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("lti.error"))("title") };
}

const REASONS = [
  "unknown_platform",
  "ambiguous_platform",
  "state",
  "signature",
  "expired",
  "audience",
  "issuer",
  "nonce",
  "replay",
  "deployment",
  "message_type",
  "version",
  "claims",
  "ticket",
] as const;

/** A refused LTI launch: what went wrong, in words an instructor can pass on to the LMS's administrators. */
export default async function LtiErrorPage({ searchParams }: { searchParams: Promise<{ reason?: string }> }) {
  const { reason } = await searchParams;
  const t = await getTranslations("lti.error");
  const known = REASONS.find((r) => r === reason);
  return (
    <Card className="w-full max-w-md p-8">
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="mt-3 text-muted" role="status">
        {t(`reasons.${known ?? "claims"}`)}
      </p>
      <p className="mt-4 text-sm text-muted">{t("hint")}</p>
      {known && <p className="mt-2 font-mono text-xs text-muted">{t("code", { code: known })}</p>}
    </Card>
  );
}

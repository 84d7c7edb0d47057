"use client";

import { useTranslations } from "next-intl";
import { ssoSignInAction } from "@/app/(auth)/actions";
import { SubmitButton } from "@/components/ui/submit-button";

/** "Continue with <provider>" (or "Connect …" on the settings page): a form, so it works before the page's JavaScript has loaded too. */
export function SsoButton({ label, callbackUrl, mode = "signIn" }: { label: string; callbackUrl?: string; mode?: "signIn" | "link" }) {
  const t = useTranslations("auth.sso");
  return (
    <form action={ssoSignInAction}>
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
      <SubmitButton variant="secondary" className="w-full" pendingLabel={t("redirecting")}>
        {t(mode === "link" ? "link" : "continue", { label })}
      </SubmitButton>
    </form>
  );
}

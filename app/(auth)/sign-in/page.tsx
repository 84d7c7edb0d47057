import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { AuthCard } from "@/components/auth/auth-card";
import { ClientMessages } from "@/components/client-messages";
import { SsoButton } from "@/components/auth/sso-button";
import { oidcSettingsFromEnv } from "@/lib/auth/oidc";
import { getCurrentUser } from "@/lib/auth/session";
import { safeCallbackUrl } from "@/lib/validation/auth";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signIn") };
}

const SSO_REFUSALS = ["email_taken", "no_email", "other_subject"] as const;

/**
 * Email and password, and beside them the institution's single sign-on when AUTH_OIDC_* configure
 * one. A refused or failed provider sign-in comes back here (?sso=reason from our callback, ?error=
 * from next-auth) and is explained above the form.
 */
export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; sso?: string; error?: string }> }) {
  const { callbackUrl, sso: ssoRefusal, error } = await searchParams;
  if (await getCurrentUser()) redirect(safeCallbackUrl(callbackUrl));
  const t = await getTranslations("auth");
  const sso = oidcSettingsFromEnv();
  const refusal = SSO_REFUSALS.find((r) => r === ssoRefusal);
  const notice = refusal ? t(`sso.refused.${refusal}`) : error ? t("sso.failed") : undefined;
  return (
    <AuthCard title={t("signInTitle")} lead={t("signInLead")} footer={t("noAccount")} linkHref="/sign-up" linkLabel={t("toSignUp")}>
      <ClientMessages namespaces={["auth"]}>
        <SignInForm callbackUrl={callbackUrl} notice={notice} />
        {sso && (
          <div className="mt-6 flex flex-col gap-4">
            <div className="flex items-center gap-3 text-xs text-muted" aria-hidden="true">
              <span className="h-px flex-1 bg-line" />
              {t("sso.or")}
              <span className="h-px flex-1 bg-line" />
            </div>
            <SsoButton label={sso.label} callbackUrl={callbackUrl} />
          </div>
        )}
      </ClientMessages>
    </AuthCard>
  );
}

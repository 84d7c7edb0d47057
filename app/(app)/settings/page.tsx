import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { PasswordForm } from "@/components/settings/password-form";
import { ProfileForm } from "@/components/settings/profile-form";
import { LocaleSwitch } from "@/components/shell/locale-switch";
import { Card } from "@/components/ui/card";
import { SsoButton } from "@/components/auth/sso-button";
import { signInMethods } from "@/lib/auth/methods";
import { oidcSettingsFromEnv } from "@/lib/auth/oidc";
import { requireUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("title") };
}

const SSO_REFUSALS = ["email_taken", "no_email", "other_subject"] as const;

export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ sso?: string }> }) {
  const user = await requireUser();
  const sso = oidcSettingsFromEnv();
  const [t, ta, methods, { sso: ssoRefusal }] = await Promise.all([
    getTranslations("settings"),
    getTranslations("auth.sso"),
    signInMethods(user.id),
    searchParams,
  ]);
  const refusal = SSO_REFUSALS.find((r) => r === ssoRefusal);
  const linked = methods.sso;
  return (
    <div className="flex max-w-3xl flex-col gap-8">
      <h1 className="text-2xl font-semibold tracking-tight break-words sm:text-3xl">{t("title")}</h1>
      <ClientMessages namespaces={["settings", "auth", "common"]}>
        <Card aria-labelledby="profile-heading">
          <h2 id="profile-heading" className="mb-1 text-lg font-semibold">
            {t("profile")}
          </h2>
          <p className="mb-4 text-sm text-muted">{user.email}</p>
          <ProfileForm name={user.name} />
        </Card>
        <Card aria-labelledby="language-heading">
          <h2 id="language-heading" className="mb-1 text-lg font-semibold">
            {t("languageTitle")}
          </h2>
          <p className="mb-4 text-sm text-muted">{t("languageLead")}</p>
          <LocaleSwitch />
        </Card>
        {methods.password ? (
          <Card aria-labelledby="password-heading">
            <h2 id="password-heading" className="mb-1 text-lg font-semibold">
              {t("passwordTitle")}
            </h2>
            <p className="mb-4 text-sm text-muted">{t("passwordLead")}</p>
            <PasswordForm />
          </Card>
        ) : (
          // An account made by SSO or an LMS launch has no password: nothing to change, say how they sign in.
          <Card aria-labelledby="password-heading">
            <h2 id="password-heading" className="mb-1 text-lg font-semibold">
              {t("signInTitle")}
            </h2>
            <p className="text-sm text-muted">
              {methods.sso ? t("passwordNoneSso", { label: sso?.label ?? "Single Sign-on" }) : t("passwordNoneLms")}
            </p>
          </Card>
        )}
        {sso && (
          <Card aria-labelledby="sso-heading">
            <h2 id="sso-heading" className="mb-1 text-lg font-semibold">
              {t("ssoTitle")}
            </h2>
            {refusal && (
              <p role="status" className="my-3 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
                {ta(`refused.${refusal}`)}
              </p>
            )}
            {linked ? (
              <p className="text-sm text-muted">{t("ssoLinked", { label: sso.label })}</p>
            ) : (
              <>
                <p className="mb-4 text-sm text-muted">{t("ssoLead", { label: sso.label })}</p>
                <div className="max-w-sm">
                  <SsoButton label={sso.label} callbackUrl="/settings" mode="link" />
                </div>
              </>
            )}
          </Card>
        )}
      </ClientMessages>
    </div>
  );
}

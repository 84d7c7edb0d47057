import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { PasswordForm } from "@/components/settings/password-form";
import { ProfileForm } from "@/components/settings/profile-form";
import { LocaleSwitch } from "@/components/shell/locale-switch";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("title") };
}

export default async function SettingsPage() {
  const user = await requireUser();
  const t = await getTranslations("settings");
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
        <Card aria-labelledby="password-heading">
          <h2 id="password-heading" className="mb-1 text-lg font-semibold">
            {t("passwordTitle")}
          </h2>
          <p className="mb-4 text-sm text-muted">{t("passwordLead")}</p>
          <PasswordForm />
        </Card>
      </ClientMessages>
    </div>
  );
}

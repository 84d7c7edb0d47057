import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Logo } from "@/components/logo";
import { LocaleSwitch } from "@/components/shell/locale-switch";

export default async function AuthLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations("common");
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="mx-auto flex w-full max-w-5xl items-center justify-between px-6 py-5">
        <Logo label={t("appName")} />
        <LocaleSwitch />
      </header>
      <main id="main" className="flex flex-1 items-start justify-center px-6 pt-6 pb-16 sm:pt-12">
        {children}
      </main>
    </div>
  );
}

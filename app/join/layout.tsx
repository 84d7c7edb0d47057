import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Logo } from "@/components/logo";
import { AppHeader } from "@/components/shell/app-header";
import { LocaleSwitch } from "@/components/shell/locale-switch";
import { getCurrentUser } from "@/lib/auth/session";

/**
 * The join link is opened signed in or not: outside the (app) shell, which sends strangers to
 * sign-in without saying why. Signed in, it looks like the app; signed out, like sign-in.
 */
export default async function JoinLayout({ children }: { children: ReactNode }) {
  const [user, t] = await Promise.all([getCurrentUser(), getTranslations("common")]);
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:shadow"
      >
        {t("skipToContent")}
      </a>
      {user ? (
        <AppHeader user={user} />
      ) : (
        <header className="mx-auto flex w-full max-w-5xl items-center justify-between px-6 py-5">
          <Logo label={t("appName")} />
          <LocaleSwitch />
        </header>
      )}
      <main id="main" tabIndex={-1} className="flex flex-1 items-start justify-center px-6 pt-6 pb-16 outline-none sm:pt-12">
        {children}
      </main>
    </div>
  );
}

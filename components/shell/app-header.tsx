import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/(app)/actions";
import { Logo } from "@/components/logo";
import { asFormAction } from "@/components/ui/as-form-action";
import { SubmitButton } from "@/components/ui/submit-button";
import type { SessionUser } from "@/lib/auth/session";
import { LocaleSwitch } from "./locale-switch";

export async function AppHeader({ user }: { user: SessionUser }) {
  const [t, tc] = await Promise.all([getTranslations("nav"), getTranslations("common")]);
  return (
    <header className="border-b border-line bg-white/80 backdrop-blur">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-6 py-3">
        <Link href="/courses" className="rounded-md">
          <Logo label={tc("appName")} />
        </Link>
        <nav aria-label={t("main")} className="flex items-center gap-1 text-sm">
          <Link href="/courses" className="rounded-md px-3 py-1.5 text-muted hover:bg-stone-100 hover:text-ink">
            {t("courses")}
          </Link>
          <Link href="/settings" className="rounded-md px-3 py-1.5 text-muted hover:bg-stone-100 hover:text-ink">
            {t("settings")}
          </Link>
        </nav>
        <div className="ml-auto flex items-center gap-3">
          <span className="hidden text-sm text-muted sm:inline" title={user.email}>
            {t("signedInAs", { name: user.name })}
            {user.isAdmin && (
              <span className="ml-2 rounded bg-stone-200 px-1.5 py-0.5 text-xs font-medium text-ink">{t("admin")}</span>
            )}
          </span>
          <LocaleSwitch />
          <form action={asFormAction(signOutAction)}>
            <SubmitButton variant="secondary" pendingLabel={t("signingOut")} className="px-3 py-1.5">
              {t("signOut")}
            </SubmitButton>
          </form>
        </div>
      </div>
    </header>
  );
}

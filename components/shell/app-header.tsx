import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/(app)/actions";
import { Logo } from "@/components/logo";
import { asFormAction } from "@/components/ui/as-form-action";
import { SubmitButton } from "@/components/ui/submit-button";
import type { SessionContext } from "@/lib/auth/session";
import { LocaleSwitch } from "./locale-switch";

export async function AppHeader({ user }: { user: SessionContext }) {
  const [t, tc] = await Promise.all([getTranslations("nav"), getTranslations("common")]);
  const unread = user.unread;
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
          {user.isAdmin && (
            <>
              <Link href="/admin/outbox" className="rounded-md px-3 py-1.5 text-muted hover:bg-stone-100 hover:text-ink">
                {t("outbox")}
              </Link>
              <Link href="/admin/lti" className="rounded-md px-3 py-1.5 text-muted hover:bg-stone-100 hover:text-ink">
                {t("lti")}
              </Link>
            </>
          )}
        </nav>
        <div className="ml-auto flex items-center gap-3">
          <span className="hidden text-sm text-muted sm:inline" title={user.email}>
            {t("signedInAs", { name: user.name })}
            {user.isAdmin && (
              <span className="ml-2 rounded bg-stone-200 px-1.5 py-0.5 text-xs font-medium text-ink">{t("admin")}</span>
            )}
          </span>
          <Link
            href="/notifications"
            aria-label={unread > 0 ? t("notificationsUnread", { count: unread }) : t("notifications")}
            className="relative rounded-md p-1.5 text-muted hover:bg-stone-100 hover:text-ink"
            data-testid="bell"
          >
            <svg aria-hidden viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
              <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
              <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
            </svg>
            {unread > 0 && (
              <span data-testid="bell-count" className="absolute -top-0.5 -right-0.5 min-w-4.5 rounded-full bg-brand-600 px-1 text-center text-[0.7rem] leading-4.5 font-semibold text-white">
                {unread > 99 ? "99+" : unread}
              </span>
            )}
          </Link>
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

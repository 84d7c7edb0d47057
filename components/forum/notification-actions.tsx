"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, type ReactNode } from "react";
import { markNotificationsReadAction } from "@/app/(app)/notifications/actions";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

/** A notification's link: following it marks the notification read. */
export function NotificationLink({ id, href, unread, className, children }: { id: string; href: string; unread: boolean; className?: string; children: ReactNode }) {
  return (
    <Link
      href={href}
      className={className}
      onClick={() => {
        // Fire and forget: the navigation goes ahead, the bell catches up when the write is done.
        if (unread) void markNotificationsReadAction(null, { id });
      }}
    >
      {children}
    </Link>
  );
}

/** "Mark all as read". */
export function MarkAllReadButton() {
  const t = useTranslations("notifications");
  const [state, action] = useActionState(markNotificationsReadAction, null);
  return (
    <form action={action} className="flex flex-col items-end gap-2">
      <SubmitButton variant="secondary" className="px-3 py-1.5" pendingLabel={t("markingAllRead")}>
        {t("markAllRead")}
      </SubmitButton>
      <FormMessage tone="error">{state && !state.ok ? state.message : null}</FormMessage>
    </form>
  );
}

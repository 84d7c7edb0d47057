"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useSyncExternalStore } from "react";
import { startLtiSessionAction } from "@/app/lti/actions";
import { buttonClasses } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";

const noSubscription = () => () => {};

/**
 * Starts the session from the launch ticket at once, in a window of its own. Inside the LMS's
 * iframe the session cookie would be a third-party cookie browsers drop: there it offers to open
 * Werkbank in a new window instead (the ticket is still unused).
 */
export function LtiStart({ ticket }: { ticket: string }) {
  const t = useTranslations("lti.start");
  const form = useRef<HTMLFormElement>(null);
  // null on the server; in the browser whether this page is inside another site's frame.
  const framed = useSyncExternalStore(noSubscription, () => window.self !== window.top, () => null);
  useEffect(() => {
    if (framed === false) form.current?.requestSubmit();
  }, [framed]);
  if (framed) {
    return (
      <div className="flex flex-col gap-3">
        <p className="text-sm text-muted">{t("framed")}</p>
        <a href={`/lti/start?ticket=${encodeURIComponent(ticket)}`} target="_blank" rel="noopener" className={buttonClasses("primary")}>
          {t("newWindow")}
        </a>
      </div>
    );
  }
  return (
    <form ref={form} action={startLtiSessionAction} className="flex flex-col gap-3">
      <input type="hidden" name="ticket" value={ticket} />
      <p className="text-sm text-muted" aria-live="polite">
        {t("signingIn")}
      </p>
      <div>
        <SubmitButton pendingLabel={t("pending")}>{t("continue")}</SubmitButton>
      </div>
    </form>
  );
}

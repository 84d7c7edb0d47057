"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { moderateThreadAction } from "@/app/(app)/cohorts/[cohortId]/forum/actions";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

type Flags = { pinned: boolean; locked: boolean; hidden: boolean };

/** Instructors' tools for a thread: pin, lock and hide, each a toggle of its own form. */
export function ModerationBar({ cohortId, threadId, flags }: { cohortId: string; threadId: string; flags: Flags }) {
  const t = useTranslations("forum");
  const [state, moderate] = useActionState(moderateThreadAction, null);
  const toggles = [
    flags.pinned ? (["unpin", t("unpin"), t("unpinning")] as const) : (["pin", t("pin"), t("pinning")] as const),
    flags.locked ? (["unlock", t("unlock"), t("unlocking")] as const) : (["lock", t("lock"), t("locking")] as const),
    flags.hidden ? (["unhide", t("unhide"), t("unhiding")] as const) : (["hide", t("hide"), t("hiding")] as const),
  ];
  return (
    <section aria-labelledby="moderation-heading" className="flex flex-col gap-2 rounded-xl border border-line bg-stone-50 px-4 py-3">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="moderation-heading" className="mr-2 text-sm font-semibold text-muted">
          {t("moderation")}
        </h2>
        {toggles.map(([action, label, pending]) => (
          <form key={action} action={moderate}>
            <input type="hidden" name="cohortId" value={cohortId} />
            <input type="hidden" name="threadId" value={threadId} />
            <input type="hidden" name="action" value={action} />
            <SubmitButton variant="secondary" className="px-3 py-1.5" pendingLabel={pending}>
              {label}
            </SubmitButton>
          </form>
        ))}
      </div>
      <FormMessage tone="error">{state && !state.ok ? state.message : null}</FormMessage>
    </section>
  );
}

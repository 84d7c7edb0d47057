"use client";

import { useTranslations } from "next-intl";
import { usePathname, useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { replyAction } from "@/app/(app)/cohorts/[cohortId]/forum/actions";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { POST_MAX } from "@/lib/validation/limits";
import { MentionTextarea, type Member } from "./mention-textarea";
import { PostBodyHint } from "./post-body-hint";

/**
 * The reply box under a thread. After a reply the form clears (React resets it) and the page,
 * revalidated by the action, shows the new post; a refusal (too soon, locked) keeps the text.
 * In a locked thread students see it disabled, with the reason.
 */
export function ReplyForm({
  cohortId,
  threadId,
  members,
  locked,
  canReply,
}: {
  cohortId: string;
  threadId: string;
  members: Member[];
  locked: boolean;
  canReply: boolean;
}) {
  const t = useTranslations("forum");
  const [state, action] = useActionState(replyAction, null);
  const failed = state && !state.ok ? state : null;
  const posted = state?.ok ? state.data.postId : null;

  const router = useRouter();
  const pathname = usePathname();
  useEffect(() => {
    if (!posted) return;
    // A long thread is paged: the new post is on its last page, which ?post= opens.
    const shown = document.getElementById(`post-${posted}`);
    if (shown) shown.scrollIntoView({ block: "nearest", behavior: "smooth" });
    else router.push(`${pathname}?post=${posted}#post-${posted}`);
  }, [posted, pathname, router]);

  const bodyErrors = failed?.fieldErrors?.body;
  const describedBy = [bodyErrors?.length ? "reply-body-error" : null, locked ? "reply-locked" : null, "reply-body-hint"]
    .filter(Boolean)
    .join(" ");
  return (
    <section aria-labelledby="reply-heading" className="rounded-xl border border-line bg-white p-6 shadow-xs">
      <h2 id="reply-heading" className="mb-3 text-lg font-semibold">
        {t("replyHeading")}
      </h2>
      {locked && (
        <p id="reply-locked" className="mb-4 flex items-start gap-2 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <LockIcon />
          {canReply ? t("lockedInstructorNote") : t("lockedNote")}
        </p>
      )}
      <form action={action} className="flex flex-col gap-3" noValidate>
        <input type="hidden" name="cohortId" value={cohortId} />
        <input type="hidden" name="threadId" value={threadId} />
        <fieldset disabled={!canReply} className="flex flex-col gap-3">
          <label htmlFor="reply-body" className="text-sm font-medium">
            {t("replyLabel")}
          </label>
          <MentionTextarea
            members={members}
            id="reply-body"
            name="body"
            rows={5}
            maxLength={POST_MAX}
            required
            disabled={!canReply}
            defaultValue={failed?.values?.body ?? ""}
            aria-invalid={Boolean(bodyErrors?.length) || undefined}
            aria-describedby={describedBy}
          />
          <PostBodyHint id="reply-body-hint" />
          <p id="reply-body-error" aria-live="polite" className="text-sm text-red-700 empty:hidden">
            {bodyErrors?.join(" ")}
          </p>
          <FormMessage tone="error">{failed && !failed.fieldErrors ? failed.message : null}</FormMessage>
          <FormMessage tone="success">{posted ? t("replyPosted") : null}</FormMessage>
          <div>
            <SubmitButton pendingLabel={t("sending")}>{t("sendReply")}</SubmitButton>
          </div>
        </fieldset>
      </form>
    </section>
  );
}

export function LockIcon() {
  return (
    <svg aria-hidden viewBox="0 0 24 24" className="mt-0.5 size-4 shrink-0" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <rect x="4" y="11" width="16" height="10" rx="2" />
      <path d="M8 11V7a4 4 0 0 1 8 0v4" />
    </svg>
  );
}

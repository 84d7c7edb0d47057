"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState, type ReactNode } from "react";
import { deletePostAction, editPostAction, hidePostAction } from "@/app/(app)/cohorts/[cohortId]/forum/actions";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { FormMessage } from "@/components/ui/form-message";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SubmitButton } from "@/components/ui/submit-button";
import { POST_MAX } from "@/lib/validation/forum";
import { Badge, initials } from "./badges";
import { MentionTextarea, type Member } from "./mention-textarea";
import { PostBodyHint } from "./post-body-hint";

export type PostView = {
  id: string;
  authorName: string;
  bodyMd: string;
  hidden: boolean;
  deleted: boolean;
  /** Opening post of the thread (the first one). */
  opening: boolean;
  createdAt: string;
  createdLabel: string;
  createdTitle: string;
  editedTitle: string | null;
  /** E.g. "Assigned review": what kind of post this is, beyond an ordinary reply. */
  badge?: string;
};

/**
 * One post: author, time, "edited", the server-rendered Markdown body (children), and its
 * actions: Edit (inline) and Delete (confirmed) for its author, Hide/Show for instructors.
 */
export function PostItem({
  cohortId,
  post,
  members,
  canEdit,
  canModerate,
  children,
}: {
  cohortId: string;
  post: PostView;
  members: Member[];
  canEdit: boolean;
  canModerate: boolean;
  children: ReactNode;
}) {
  const t = useTranslations("forum");
  const [editing, setEditing] = useState(false);
  const [editState, edit] = useActionState(async (prev: unknown, form: FormData) => {
    const result = await editPostAction(prev, form);
    if (result.ok) setEditing(false);
    return result;
  }, null);
  const dialog = useRef<HTMLDialogElement>(null);
  const article = useRef<HTMLElement>(null);
  const [deleteState, remove] = useActionState(async (prev: unknown, form: FormData) => {
    const result = await deletePostAction(prev, form);
    if (result.ok) {
      dialog.current?.close();
      article.current?.focus();
    }
    return result;
  }, null);
  const [hideState, hide] = useActionState(hidePostAction, null);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);

  useEffect(() => {
    // Back from the inline editor (saved or cancelled): focus returns to its Edit button.
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  const editFailed = editState && !editState.ok ? editState : null;
  const refused = [deleteState, hideState, editFailed && !editFailed.fieldErrors ? editFailed : null].find((s) => s && !s.ok);
  const bodyErrors = editFailed?.fieldErrors?.body;
  const headingId = `post-${post.id}-author`;
  const editId = `post-${post.id}-edit`;

  return (
    <article
      ref={article}
      id={`post-${post.id}`}
      tabIndex={-1}
      aria-labelledby={headingId}
      className={cn(
        "scroll-mt-6 rounded-xl border bg-white p-5 shadow-xs outline-none target:ring-2 target:ring-brand-200 focus-visible:ring-2 focus-visible:ring-brand-200",
        post.hidden ? "border-dashed border-stone-300 bg-stone-50" : "border-line",
      )}
    >
      <header className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span
          aria-hidden
          className="flex size-8 shrink-0 items-center justify-center rounded-full bg-brand-100 text-xs font-semibold text-brand-900"
        >
          {initials(post.authorName)}
        </span>
        <h3 id={headingId} className="font-semibold">
          {post.authorName}
        </h3>
        <span className="text-sm text-muted">
          <time dateTime={post.createdAt} title={post.createdTitle}>
            {post.createdLabel}
          </time>
          {post.editedTitle && !post.deleted && (
            <>
              {" · "}
              <span title={post.editedTitle}>{t("edited")}</span>
            </>
          )}
        </span>
        {post.opening && <Badge tone="neutral">{t("openingPost")}</Badge>}
        {post.badge && <Badge tone="brand">{post.badge}</Badge>}
        {post.hidden && <Badge tone="warning">{t("hiddenPost")}</Badge>}
      </header>

      <div className="mt-3 pl-11">
        {post.deleted ? (
          <p className="text-sm text-muted italic">{t("deletedPost")}</p>
        ) : editing ? (
          <form action={edit} className="flex flex-col gap-2" noValidate>
            <input type="hidden" name="cohortId" value={cohortId} />
            <input type="hidden" name="postId" value={post.id} />
            <label htmlFor={editId} className="text-sm font-medium">
              {t("editLabel")}
            </label>
            <MentionTextarea
              members={members}
              id={editId}
              name="body"
              rows={Math.min(16, Math.max(4, post.bodyMd.split("\n").length + 1))}
              maxLength={POST_MAX}
              required
              autoFocus
              defaultValue={editFailed?.values?.body ?? post.bodyMd}
              aria-invalid={Boolean(bodyErrors?.length) || undefined}
              aria-describedby={[bodyErrors?.length ? `${editId}-error` : null, `${editId}-hint`].filter(Boolean).join(" ")}
            />
            <PostBodyHint id={`${editId}-hint`} />
            <p id={`${editId}-error`} aria-live="polite" className="text-sm text-red-700 empty:hidden">
              {bodyErrors?.join(" ")}
            </p>
            <div className="flex flex-wrap gap-2">
              <SubmitButton pendingLabel={t("saving")} className="px-3 py-1.5">
                {t("save")}
              </SubmitButton>
              <button type="button" className={buttonClasses("ghost", "px-3 py-1.5")} onClick={() => setEditing(false)}>
                {t("cancel")}
              </button>
            </div>
          </form>
        ) : (
          children
        )}

        <div className="mt-3 has-[p:empty]:hidden">
          <FormMessage tone="error">{refused && !refused.ok ? refused.message : null}</FormMessage>
        </div>

        {!post.deleted && !editing && (canEdit || canModerate) && (
          <div className="mt-3 flex flex-wrap gap-1">
            {canEdit && (
              <>
                <button
                  ref={editButton}
                  type="button"
                  className={buttonClasses("ghost", "px-2.5 py-1 text-muted hover:text-ink")}
                  onClick={() => setEditing(true)}
                >
                  {t("edit")}
                  <span className="sr-only"> – {t("postOf", { name: post.authorName })}</span>
                </button>
                <button
                  type="button"
                  className={buttonClasses("ghost", "px-2.5 py-1 text-red-700")}
                  onClick={() => dialog.current?.showModal()}
                >
                  {t("delete")}
                  <span className="sr-only"> – {t("postOf", { name: post.authorName })}</span>
                </button>
              </>
            )}
            {canModerate && (
              <form action={hide}>
                <input type="hidden" name="cohortId" value={cohortId} />
                <input type="hidden" name="postId" value={post.id} />
                <input type="hidden" name="hidden" value={String(!post.hidden)} />
                <SubmitButton
                  variant="ghost"
                  className="px-2.5 py-1 text-muted hover:text-ink"
                  pendingLabel={post.hidden ? t("showingPost") : t("hidingPost")}
                >
                  {post.hidden ? t("showPost") : t("hidePost")}
                  <span className="sr-only"> – {t("postOf", { name: post.authorName })}</span>
                </SubmitButton>
              </form>
            )}
          </div>
        )}
      </div>

      {canEdit && !post.deleted && (
        <ConfirmDialog
          dialogRef={dialog}
          id={`post-${post.id}-delete`}
          title={t("deleteConfirmTitle")}
          body={t("deleteConfirmBody")}
          action={remove}
          fields={{ cohortId, postId: post.id }}
          cancelLabel={t("cancel")}
          confirmLabel={t("delete")}
          pendingLabel={t("deleting")}
        />
      )}
    </article>
  );
}

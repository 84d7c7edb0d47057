"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState, type ReactNode } from "react";
import { deletePostAction, editPostAction, hidePostAction } from "@/app/(app)/cohorts/[cohortId]/forum/actions";
import { buttonClasses } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SubmitButton } from "@/components/ui/submit-button";
import { POST_MAX } from "@/lib/validation/limits";
import { MentionTextarea, type Member } from "./mention-textarea";
import { PostBodyHint } from "./post-body-hint";

/** What the post's controls need: only a post its viewer may edit carries its raw Markdown. */
export type PostControlsView = { id: string; authorName: string; bodyMd: string | null; hidden: boolean };

/**
 * The body of a post its viewer may act on: the server-rendered Markdown (children) and the actions,
 * Edit (inline) and Delete (confirmed) for its author, Hide/Show for instructors. Posts nobody may act
 * on are plain server markup (PostArticle) and send no JavaScript of their own.
 */
export function PostControls({
  cohortId,
  post,
  members,
  canEdit,
  canModerate,
  children,
}: {
  cohortId: string;
  post: PostControlsView;
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
  const [deleteState, remove] = useActionState(async (prev: unknown, form: FormData) => {
    const result = await deletePostAction(prev, form);
    if (result.ok) {
      dialog.current?.close();
      document.getElementById(`post-${post.id}`)?.focus();
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
  const editId = `post-${post.id}-edit`;

  return (
    <div className="post-body">
      {editing && post.bodyMd !== null ? (
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

      {!editing && (
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

      {canEdit && (
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
    </div>
  );
}

"use client";

import type { RefObject } from "react";
import { buttonClasses } from "./button";
import { SubmitButton } from "./submit-button";

/**
 * A modal "are you sure?" for destructive actions: Cancel has the focus; confirming submits the
 * action with the given hidden fields. Opened by the caller with `ref.current.showModal()`.
 */
export function ConfirmDialog({
  dialogRef,
  ...props
}: {
  dialogRef: RefObject<HTMLDialogElement | null>;
  id: string;
  title: string;
  body: string;
  action: (form: FormData) => void;
  fields: Record<string, string>;
  cancelLabel: string;
  confirmLabel: string;
  pendingLabel: string;
}) {
  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={`${props.id}-title`}
      className="m-auto w-[min(28rem,90vw)] rounded-xl border border-line p-6 shadow-lg backdrop:bg-black/30"
    >
      <h2 id={`${props.id}-title`} className="text-lg font-semibold">
        {props.title}
      </h2>
      <p className="mt-2 text-sm text-muted">{props.body}</p>
      <form action={props.action} className="mt-6 flex justify-end gap-2">
        {Object.entries(props.fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <button type="button" autoFocus className={buttonClasses("secondary")} onClick={() => dialogRef.current?.close()}>
          {props.cancelLabel}
        </button>
        <SubmitButton variant="danger" pendingLabel={props.pendingLabel}>
          {props.confirmLabel}
        </SubmitButton>
      </form>
    </dialog>
  );
}

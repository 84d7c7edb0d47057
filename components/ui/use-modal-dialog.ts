"use client";

import { useEffect, useRef } from "react";

/** A native <dialog> that follows an `open` prop: shown modal (focus trapped, Escape, backdrop) or closed. */
export function useModalDialog(open: boolean) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (open && dialog && !dialog.open) dialog.showModal();
    if (!open && dialog?.open) dialog.close();
  }, [open]);
  return ref;
}

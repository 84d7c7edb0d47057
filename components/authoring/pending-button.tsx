"use client";

import type { ComponentProps, ReactNode } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";

/** A button for forms submitted from a transition (useFormStatus does not see those): pending state given by the caller. */
export function PendingButton({
  pending,
  pendingLabel,
  children,
  variant,
  ...props
}: ComponentProps<"button"> & { pending: boolean; pendingLabel: ReactNode; variant?: ButtonVariant }) {
  return (
    <Button variant={variant} disabled={pending || props.disabled} aria-disabled={pending || undefined} {...props}>
      {pending && <Spinner />}
      <span aria-live="polite">{pending ? pendingLabel : children}</span>
    </Button>
  );
}

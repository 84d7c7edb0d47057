"use client";

import type { ComponentProps, ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { Button, type ButtonVariant } from "./button";
import { Spinner } from "./spinner";

/** Disabled while its form's action runs, with the pending label announced. */
export function SubmitButton({
  children,
  pendingLabel,
  variant,
  ...props
}: Omit<ComponentProps<"button">, "type"> & { pendingLabel: ReactNode; variant?: ButtonVariant }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant={variant} disabled={pending || props.disabled} aria-disabled={pending} {...props}>
      {pending && <Spinner />}
      <span aria-live="polite">{pending ? pendingLabel : children}</span>
    </Button>
  );
}

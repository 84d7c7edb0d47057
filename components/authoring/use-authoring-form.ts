"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent, type RefObject } from "react";
import type { ActionResult } from "@/lib/actions-core";

type Action<T> = (prev: unknown, input: FormData) => Promise<ActionResult<T>>;

/** After a refusal with field errors the first invalid field gets the focus. */
function useFocusInvalid(result: ActionResult<unknown> | null, form: RefObject<HTMLFormElement | null>) {
  useEffect(() => {
    if (result && !result.ok && result.fieldErrors) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [result, form]);
}

function submitter(dispatch: (data: FormData) => void) {
  return (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => dispatch(data));
  };
}

function view<T>(result: ActionResult<T> | null) {
  const failed = result && !result.ok ? result : null;
  return { failed, errors: (field: string) => failed?.fieldErrors?.[field] };
}

/**
 * A form submitted from onSubmit instead of `action`, so React does not reset its controlled
 * fields: what the user typed stays after every outcome.
 */
export function useAuthoringForm<T>(action: Action<T>) {
  const [result, dispatch, pending] = useActionState(action, null);
  const form = useRef<HTMLFormElement>(null);
  useFocusInvalid(result, form);
  return { result, pending, form, onSubmit: submitter(dispatch), ...view(result) };
}

/**
 * The same for an edit form whose saves name the version they start from. `saved` is the last
 * saved state (its updatedAt is the base of the next save); a refused save leaves it as it was.
 */
export function useVersionedForm<T, V extends { updatedAt: string }>(action: Action<T>, initial: V, savedFrom: (data: T, form: FormData) => V) {
  type State = { result: ActionResult<T> | null; saved: V };
  const [state, dispatch, pending] = useActionState<State, FormData>(
    async (prev, data) => {
      const result = await action(null, data);
      return { result, saved: result.ok ? savedFrom(result.data, data) : prev.saved };
    },
    { result: null, saved: initial },
  );
  const form = useRef<HTMLFormElement>(null);
  useFocusInvalid(state.result, form);
  return { result: state.result, saved: state.saved, pending, form, onSubmit: submitter(dispatch), ...view(state.result) };
}

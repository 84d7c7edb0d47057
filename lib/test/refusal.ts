import { expect } from "vitest";
import { ActionError } from "@/lib/actions-core";

/** Awaits a promise that must fail with an ActionError, and returns that error. */
export async function refusalOf(promise: Promise<unknown>): Promise<ActionError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ActionError);
  return error as ActionError;
}

/** The message key of the refusal. */
export async function refusal(promise: Promise<unknown>): Promise<string> {
  return (await refusalOf(promise)).messageKey;
}

/**
 * A server action bound to no previous state, typed as a plain <form action>. For forms that do
 * not show the result (the page re-renders after revalidation instead).
 */
export function asFormAction<R>(action: (prev: null, input: FormData) => Promise<R>): (formData: FormData) => Promise<void> {
  return action.bind(null, null) as unknown as (formData: FormData) => Promise<void>;
}

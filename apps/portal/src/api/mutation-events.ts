/**
 * What a page adds to a mutation hook: its own answer to the outcome (a message, closing a dialog,
 * showing field errors). The hook has already refreshed what the change touched when these run.
 */
export interface MutationEvents<TData, TVariables> {
  onSuccess?: (data: TData, variables: TVariables) => void;
  onError?: (error: Error, variables: TVariables) => void;
}

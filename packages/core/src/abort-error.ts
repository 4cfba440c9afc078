/**
 * Whether an error is the rejection of an aborted or timed-out request: the caller gave up, so it
 * is never retried and never shown to users as a failure.
 */
export function isAbortError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'name' in error &&
    ((error as { name: unknown }).name === 'AbortError' ||
      (error as { name: unknown }).name === 'TimeoutError')
  );
}

import type { CombinedError } from 'urql';

/**
 * The code of a failed operation: the first top-level GraphQL error's
 * extensions.code (UNAUTHENTICATED, FORBIDDEN, THROTTLED, INTERNAL, ...),
 * 'NETWORK' when the server could not be reached, undefined when there is no error.
 */
export function errorCode(error: CombinedError | undefined | null): string | undefined {
  if (!error) return undefined;
  for (const e of error.graphQLErrors ?? []) {
    const code = e.extensions?.code;
    if (typeof code === 'string') return code;
  }
  if (error.networkError) return 'NETWORK';
  return error.graphQLErrors?.length ? 'INTERNAL' : undefined;
}

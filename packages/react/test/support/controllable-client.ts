import type { MembershipsClient, RequestOptions } from '@roster/core';

/** One call that went through the wrapper. */
export interface RecordedCall {
  method: string;
  params: unknown;
  signal: AbortSignal | undefined;
}

/**
 * Wraps a real client (the in-memory one) so a test can hold back the answers of one method: the
 * call reaches the client (which answers from the data as it is then), and the answer is only
 * delivered on `release()`. This is how a late response, one computed before a mutation and
 * delivered after it, is produced. Every call's parameters and signal are recorded.
 */
export function createControllableClient<C extends MembershipsClient>(inner: C) {
  const calls: RecordedCall[] = [];
  const held = new Set<string>();
  let waiting: Array<() => void> = [];

  function wrap<A, R>(method: string, fn: (params: A, options?: RequestOptions) => Promise<R>) {
    return async (params: A, options?: RequestOptions): Promise<R> => {
      calls.push({ method, params, signal: options?.signal });
      const result = fn.call(inner, params, options);
      if (!held.has(method)) return result;
      const settled = await result.then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      );
      await new Promise<void>((resolve) => waiting.push(resolve));
      if (settled.ok) return settled.value;
      throw settled.error;
    };
  }

  const client: MembershipsClient = {
    listMemberships: wrap('listMemberships', inner.listMemberships),
    listUserMemberships: wrap('listUserMemberships', inner.listUserMemberships),
    createMembership: wrap('createMembership', inner.createMembership),
    updateMembership: wrap('updateMembership', inner.updateMembership),
    deleteMembership: wrap('deleteMembership', inner.deleteMembership),
    updateMembershipMetadata: wrap('updateMembershipMetadata', inner.updateMembershipMetadata),
    listRoles: wrap('listRoles', (params, options) => inner.listRoles(params, options)),
  };

  return {
    client,
    calls,
    /** Answers of `method` wait for `release()` from now on. */
    hold(method: keyof MembershipsClient) {
      held.add(method);
    },
    /** Delivers every held answer, and stops holding. */
    release() {
      held.clear();
      const resolvers = waiting;
      waiting = [];
      for (const resolve of resolvers) resolve();
    },
    callsOf(method: keyof MembershipsClient) {
      return calls.filter((call) => call.method === method);
    },
  };
}

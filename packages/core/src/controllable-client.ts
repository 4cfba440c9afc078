import type { MembershipsClient, RequestOptions } from './client';

/** One call that went through a {@link ControllableClient}. */
export interface RecordedCall {
  method: string;
  params: unknown;
  signal: AbortSignal | undefined;
}

/** What {@link createControllableClient} returns. */
export interface ControllableClient {
  /** The wrapped client: pass it where a `MembershipsClient` goes. */
  client: MembershipsClient;
  /** Every call so far, oldest first. */
  calls: RecordedCall[];
  /** From now on, answers of `method` wait for {@link ControllableClient.release}. */
  hold(method: keyof MembershipsClient): void;
  /** Delivers every held answer, in call order, and stops holding. */
  release(): void;
  /** The calls of one method. */
  callsOf(method: keyof MembershipsClient): RecordedCall[];
}

/**
 * Wraps a real client (the in-memory one, usually) so a test can hold back the answers of a
 * method: the call reaches the client, which answers from its data as it is then, and the answer
 * is delivered only on `release()`. This is how a late response (computed before a mutation,
 * delivered after it) is produced. Every call's parameters and signal are recorded.
 */
export function createControllableClient(inner: MembershipsClient): ControllableClient {
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
  // The optional methods (user search, invitations) are wrapped when the inner client has them.
  const optional = [
    'listUsers',
    'listInvitations',
    'createInvitation',
    'createInvitations',
    'getInvitation',
    'revokeInvitation',
  ] as const;
  for (const name of optional) {
    const fn = inner[name] as ((params: unknown, options?: RequestOptions) => Promise<unknown>) | undefined;
    if (fn) Object.assign(client, { [name]: wrap(name, fn) });
  }

  return {
    client,
    calls,
    hold(method) {
      held.add(method);
    },
    release() {
      held.clear();
      const resolvers = waiting;
      waiting = [];
      for (const resolve of resolvers) resolve();
    },
    callsOf: (method) => calls.filter((call) => call.method === method),
  };
}

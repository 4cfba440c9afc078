import { createHttpClient } from '@roster/core';
import { createBackendApi, DEFAULT_SECRET_KEY } from '@roster/server';
import { describeMembershipsClientContract } from './memberships-client-contract';

// The local Backend API in-process: a `:memory:` database with the seed, on a free loopback port,
// driven over real HTTP by core's HTTP client (no retries: every answer is the first one).
describeMembershipsClientContract('local server over HTTP', async (seed, { now }) => {
  const api = createBackendApi({ database: ':memory:', seed, now });
  const listening = await api.listen({ host: '127.0.0.1', port: 0 });
  return {
    client: createHttpClient({
      baseUrl: `${listening.url}/v1`,
      headers: { Authorization: `Bearer ${DEFAULT_SECRET_KEY}` },
      retry: false,
    }),
    // The dev-only endpoint, over HTTP like everything else.
    acceptInvitation: async (invitationId) => {
      const response = await fetch(`${listening.url}/v1/__invitations/${invitationId}/accept`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${DEFAULT_SECRET_KEY}` },
      });
      const body: unknown = await response.json();
      if (!response.ok) throw Object.assign(new Error('accept refused'), { status: response.status, body });
      return body;
    },
    close: async () => {
      await listening.close();
      api.close();
    },
  };
});

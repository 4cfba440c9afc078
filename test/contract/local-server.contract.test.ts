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
    close: async () => {
      await listening.close();
      api.close();
    },
  };
});

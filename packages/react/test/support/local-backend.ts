import { createHttpClient, type MembershipsClient } from '@roster/core';
import type { SeedData } from '@roster/core/testing';
import { createBackendApi, DEFAULT_SECRET_KEY } from '@roster/server';

/** The local Backend API on a loopback port, with a secret-key HTTP client (no retries) to it. */
export interface LocalBackend {
  /** The API's base URL, ending in `/v1`. */
  url: string;
  client: MembershipsClient;
  close(): Promise<void>;
}

/** Starts the local Backend API on an in-memory database seeded with `seed`. */
export async function startLocalBackend(seed: SeedData): Promise<LocalBackend> {
  const api = createBackendApi({ database: ':memory:', seed });
  const server = await api.listen({ port: 0, host: '127.0.0.1' });
  const url = `${server.url}/v1`;
  return {
    url,
    client: createHttpClient({
      baseUrl: url,
      headers: { Authorization: `Bearer ${DEFAULT_SECRET_KEY}` },
      retry: false,
    }),
    async close() {
      await server.close();
      api.close();
    },
  };
}

import { createClerkClient } from '@clerk/backend';
import { type BackendApi, type BackendApiOptions, createBackendApi, DEFAULT_SECRET_KEY } from '../src/index';

/** A server for one test: the API, its HTTP origin, and Clerk's SDK pointed at it. */
export interface BackendTestServer {
  api: BackendApi;
  url: string;
  clerk: ReturnType<typeof createClerkClient>;
  /** A plain request to `/v1{path}` with the secret key (override headers to drop it). */
  request(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/** Starts an in-memory server (demo seed unless told otherwise) on a free port. */
export async function startBackendTestServer(options: BackendApiOptions = {}): Promise<BackendTestServer> {
  const api = createBackendApi({ seed: 'demo', ...options });
  const listening = await api.listen();
  const secretKey = options.secretKey ?? DEFAULT_SECRET_KEY;
  const clerk = createClerkClient({ secretKey, apiUrl: listening.url });
  return {
    api,
    url: listening.url,
    clerk,
    request: (path, init = {}) => {
      const headers = new Headers({ Authorization: `Bearer ${secretKey}` });
      if (init.body !== undefined) headers.set('Content-Type', 'application/json');
      new Headers(init.headers).forEach((value, name) => {
        headers.set(name, value);
      });
      return fetch(`${listening.url}/v1${path}`, { ...init, headers });
    },
    close: async () => {
      await listening.close();
      api.close();
    },
  };
}

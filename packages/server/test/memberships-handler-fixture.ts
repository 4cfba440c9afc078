// Shared setup of the handler tests: an upstream Backend API that records what reaches it, and
// request builders for a browser on the app's origin.
import {
  createMembershipsHandler,
  type MembershipsHandler,
  type MembershipsHandlerCaller,
  type MembershipsHandlerOptions,
} from '../src/memberships-handler';

export const SECRET_KEY = 'sk_test_handler_secret_0123456789';
export const APP_ORIGIN = 'https://app.example.test';
export const API_URL = 'http://upstream.test/v1';

export const ADMIN: MembershipsHandlerCaller = {
  userId: 'user_alice',
  organizationId: 'org_acme',
  permissions: ['org:sys_memberships:read', 'org:sys_memberships:manage'],
};
export const MEMBER: MembershipsHandlerCaller = {
  userId: 'user_bob',
  organizationId: 'org_acme',
  permissions: ['org:sys_memberships:read'],
};
export const OTHER_ORGANIZATION = 'org_other';

/** What reached the upstream. */
export interface UpstreamRequest {
  method: string;
  url: URL;
  authorization: string | null;
  body: unknown;
}

const NOW = Date.UTC(2026, 0, 1);

function organization(id: string) {
  return {
    object: 'organization',
    id,
    name: id,
    slug: id,
    has_image: false,
    max_allowed_memberships: 0,
    admin_delete_enabled: true,
    public_metadata: { plan: 'pro' },
    private_metadata: { billing_id: 'cus_secret_org' },
    created_at: NOW,
    updated_at: NOW,
  };
}

function membership(organizationId: string, userId: string, role: string) {
  return {
    object: 'organization_membership',
    id: `orgmem_${userId}`,
    role,
    role_name: role === 'org:admin' ? 'Admin' : 'Member',
    permissions: role === 'org:admin' ? ADMIN.permissions : MEMBER.permissions,
    public_metadata: { team: 'core' },
    private_metadata: { salary_band: 'secret_band' },
    organization: organization(organizationId),
    public_user_data: {
      user_id: userId,
      first_name: userId.slice(5),
      last_name: null,
      image_url: 'https://img.test/a.png',
      has_image: false,
      identifier: `${userId.slice(5)}@acme.test`,
    },
    created_at: NOW,
    updated_at: NOW,
  };
}

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/**
 * A stand-in for the Backend API that answers every route the handler forwards with fixed,
 * private-metadata-laden data, checks the secret key, and records each request.
 */
export function createRecordingUpstream() {
  const requests: UpstreamRequest[] = [];
  let override: ((request: UpstreamRequest) => Response | undefined) | undefined;
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input));
    const headers = new Headers(init?.headers);
    const text = typeof init?.body === 'string' ? init.body : '';
    const request: UpstreamRequest = {
      method: init?.method ?? 'GET',
      url,
      authorization: headers.get('authorization'),
      body: text ? JSON.parse(text) : undefined,
    };
    requests.push(request);
    const overridden = override?.(request);
    if (overridden) return overridden;
    if (request.authorization !== `Bearer ${SECRET_KEY}`) {
      return json(
        { errors: [{ code: 'clerk_key_invalid', message: 'bad key', long_message: 'bad key' }] },
        401,
      );
    }
    const path = url.pathname.replace(/^\/v1/, '');
    let match = /^\/organizations\/([^/]+)\/memberships$/.exec(path);
    if (match?.[1]) {
      const org = match[1];
      if (request.method === 'GET') {
        return json({
          data: [membership(org, 'user_alice', 'org:admin'), membership(org, 'user_bob', 'org:member')],
          total_count: 2,
        });
      }
      const body = request.body as { user_id: string; role: string };
      return json(membership(org, body.user_id, body.role));
    }
    match = /^\/organizations\/([^/]+)\/memberships\/([^/]+)(\/metadata)?$/.exec(path);
    if (match?.[1] && match[2]) {
      const role = (request.body as { role?: string } | undefined)?.role ?? 'org:member';
      return json(membership(match[1], match[2], role));
    }
    match = /^\/users\/([^/]+)\/organization_memberships$/.exec(path);
    if (match?.[1]) return json({ data: [membership('org_acme', match[1], 'org:admin')], total_count: 1 });
    if (path === '/organization_roles') {
      return json({
        data: [{ object: 'role', id: 'role_admin', key: 'org:admin', name: 'Admin', permissions: [] }],
        total_count: 1,
      });
    }
    if (path === '/users') {
      return json([
        {
          object: 'user',
          id: 'user_dana',
          first_name: 'Dana',
          last_name: 'Lee',
          username: null,
          image_url: 'https://img.test/d.png',
          has_image: false,
          primary_email_address_id: 'idn_primary',
          email_addresses: [
            {
              object: 'email_address',
              id: 'idn_primary',
              email_address: 'dana@acme.test',
              verification: { status: 'verified' },
            },
            { object: 'email_address', id: 'idn_other', email_address: 'dana.private@home.test' },
          ],
          phone_numbers: [{ id: 'idn_phone', phone_number: '+15550001111' }],
          public_metadata: {},
          private_metadata: { ssn: 'secret_ssn' },
          unsafe_metadata: {},
          password_enabled: true,
          last_sign_in_at: NOW,
          created_at: NOW,
          updated_at: NOW,
        },
      ]);
    }
    return json(
      { errors: [{ code: 'resource_not_found', message: 'not found', long_message: 'not found' }] },
      404,
    );
  };
  return {
    fetch: fetch as typeof globalThis.fetch,
    requests,
    /** Answer the next matching requests yourself (return undefined to fall through). */
    setOverride(next: typeof override) {
      override = next;
    },
  };
}

/** A handler in front of a recording upstream, acting as `caller` (null: not signed in). */
export function createTestHandler(
  caller: MembershipsHandlerCaller | null,
  extra: Partial<MembershipsHandlerOptions> = {},
): { handler: MembershipsHandler; upstream: ReturnType<typeof createRecordingUpstream> } {
  const upstream = createRecordingUpstream();
  const handler = createMembershipsHandler({
    apiUrl: API_URL,
    secretKey: SECRET_KEY,
    authorize: () => caller,
    fetch: upstream.fetch,
    ...extra,
  });
  return { handler, upstream };
}

/** A request from the app's own page (same-origin `Origin`, JSON content type on writes). */
export function browserRequest(
  method: string,
  path: string,
  options: { body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Request {
  const headers: Record<string, string> = {};
  let body: string | undefined;
  if (method !== 'GET') headers.origin = APP_ORIGIN;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['content-type'] = 'application/json';
  Object.assign(headers, options.headers);
  for (const [name, value] of Object.entries(headers)) if (value === '') delete headers[name];
  const init: RequestInit = { method, headers };
  if (body !== undefined) init.body = body;
  return new Request(`${APP_ORIGIN}/api${path}`, init);
}

/** The first error of a Clerk error body. */
export async function firstError(
  response: Response,
): Promise<{ code: string; meta?: Record<string, unknown> }> {
  const body = (await response.json()) as { errors: Array<{ code: string; meta?: Record<string, unknown> }> };
  const first = body.errors[0];
  if (!first) throw new Error('no error in body');
  return first;
}

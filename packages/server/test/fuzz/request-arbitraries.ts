// Generators of hostile HTTP requests, shared by the handler and the local Backend API fuzz tests:
// paths mixing real routes with junk, any method a Fetch Request can carry, headers, query keys
// (real, Object.prototype names, junk) and values (unicode, control characters, numbers), and
// bodies (valid shapes, deep nesting, reserved keys, sizes, broken JSON).
import fc from 'fast-check';

/** A request as generated: relative path with query, method, headers, optional body text. */
export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | undefined;
}

export const PROTOTYPE_NAMES = [
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
] as const;

const KNOWN_IDS = ['org_acme', 'org_other', 'user_alice', 'user_bob', 'user_carl', 'user_dana', 'user_omar'];
const ROLES = ['org:admin', 'org:member', 'org:missing', 'admin', ''];

/** Text of any kind: plain, unicode graphemes, control characters, lone surrogates. */
export const anyText = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0x9f }).map((c) => String.fromCharCode(c)), maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.constantFrom(
    'ali',
    'ALICE',
    'smith',
    '+1555',
    '%',
    '"',
    "'",
    '\\',
    '*',
    'a"b',
    'NEAR',
    'a OR b',
    '555000',
  ),
);

const segment = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...KNOWN_IDS) },
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      'organizations',
      'memberships',
      'metadata',
      'users',
      'organization_memberships',
      'organization_roles',
      'count',
      'invitations',
      'bulk',
      'revoke',
    ),
  },
  { weight: 2, arbitrary: fc.constantFrom(...PROTOTYPE_NAMES) },
  { weight: 1, arbitrary: fc.constantFrom('', '.', '..', '%', '%zz', '%00', '%2F', 'a%2Fb', '%E0%A4%A') },
  { weight: 2, arbitrary: anyText.map((text) => encodeURIComponent(text)) },
);

/** Paths shaped like the routes (most of the time) or not at all. */
const routePath = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .tuple(fc.constantFrom('org_acme', 'org_other'), fc.constantFrom(...KNOWN_IDS))
      .chain(([org, user]) =>
        fc.constantFrom(
          `/organizations/${org}/memberships`,
          `/organizations/${org}/memberships/${user}`,
          `/organizations/${org}/memberships/${user}/metadata`,
          `/users/${user}/organization_memberships`,
          `/organizations/${org}/invitations`,
          `/organizations/${org}/invitations/bulk`,
          `/organizations/${org}/invitations/orginv_${user}`,
          `/organizations/${org}/invitations/orginv_${user}/revoke`,
          '/organization_roles',
          '/users',
          `/users/${user}`,
          '/users/count',
          `/organizations/${org}`,
          '/organizations',
          '/organization_memberships',
        ),
      ),
  },
  { weight: 2, arbitrary: fc.array(segment, { minLength: 0, maxLength: 6 }).map((s) => `/${s.join('/')}`) },
);

/** One of `names` most of the time, else an Object.prototype name or any text. */
function nameOrHostile(names: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...names) },
    { weight: 2, arbitrary: fc.constantFrom(...PROTOTYPE_NAMES) },
    { weight: 1, arbitrary: anyText },
  );
}

/** Every filter of a membership list (the Backend API's). */
const LIST_QUERY = [
  'limit',
  'offset',
  'order_by',
  'query',
  'role',
  'user_id',
  'email_address',
  'phone_number',
  'username',
  'web3_wallet',
  'email_address_query',
  'phone_number_query',
  'username_query',
  'name_query',
  'created_at_before',
  'created_at_after',
  'last_active_at_before',
  'last_active_at_after',
];

const queryKey = nameOrHostile([...LIST_QUERY, 'organization_id', 'include_members_count']);

const queryValue = fc.oneof(
  fc.constantFrom('1', '0', '-1', '10', '500', '501', '1e3', '9007199254740993', '', ' '),
  fc.constantFrom('-created_at', '+first_name', 'created_at', '-bogus', '+role', 'name'),
  fc.constantFrom(...KNOWN_IDS, ...ROLES, '+user_bob', '-user_alice'),
  fc.integer().map(String),
  anyText,
  fc.string({ minLength: 250, maxLength: 300 }),
);

/** A query string: key/value pairs (keys sometimes with `[]`), encoded; sometimes raw junk. */
const queryString = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.array(fc.tuple(queryKey, fc.boolean(), queryValue), { maxLength: 5 }).map((pairs) => {
      const params = new URLSearchParams();
      for (const [key, brackets, value] of pairs) params.append(brackets ? `${key}[]` : key, value);
      const text = params.toString();
      return text ? `?${text}` : '';
    }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom('?%', '?query=%00abc', '?limit=%FF', '?&&=&', '?query=abc%00', '?a=%zz'),
  },
);

/** JSON text of a value nested `levels` deep, built as text (nothing recursive to build it). */
function nestedJson(levels: number, kind: 'array' | 'object'): string {
  return kind === 'array'
    ? `${'['.repeat(levels)}${']'.repeat(levels)}`
    : `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
}

/** A JSON value as text: ordinary, deep, with reserved keys, or large. */
const valueText = fc.oneof(
  { weight: 6, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)) },
  { weight: 2, arbitrary: fc.constantFrom(...KNOWN_IDS, ...ROLES).map((value) => JSON.stringify(value)) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 40, max: 9_000 })), fc.boolean())
      .map(([levels, arrays]) => `{"deep":${nestedJson(levels, arrays ? 'array' : 'object')}}`),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom(...PROTOTYPE_NAMES, 'private_metadata', 'unsafe_metadata', 'privateMetadata'),
        fc.boolean(),
      )
      .map(([key, nested]) =>
        nested ? `{"x":{"y":[{${JSON.stringify(key)}:1}]}}` : `{${JSON.stringify(key)}:{"v":1}}`,
      ),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 20_000 }).map((n) => `{"big":"${'x'.repeat(n)}"}`) },
  { weight: 1, arbitrary: anyText.map((text) => JSON.stringify(text)) },
);

const bodyKey = nameOrHostile([
  'user_id',
  'role',
  'public_metadata',
  'private_metadata',
  'unsafe_metadata',
  'name',
  'slug',
  'first_name',
  'email_address',
  'created_by',
]);

/** A body's text: an object of generated fields most of the time, else broken or non-object JSON. */
const bodyText = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .array(fc.tuple(bodyKey, valueText), { maxLength: 4 })
      .map((entries) => `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(',')}}`),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      'null',
      '[]',
      '"x"',
      '{',
      '{"role":',
      '{"a":1}}',
      '\u0000',
      '{"a":"\\ud800"}',
    ),
  },
  { weight: 1, arbitrary: anyText },
);

/** Header values a Fetch `Headers` accepts (no CR, LF or NUL; Latin-1). */
const headerValue = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 20 }),
  fc.constantFrom(
    'application/json',
    'text/plain',
    'application/json; charset=utf-8',
    '*/*',
    'null',
    '0',
    '-1',
  ),
);

const extraHeaders = fc.dictionary(
  fc.constantFrom(
    'accept',
    'content-length',
    'x-forwarded-host',
    'sec-fetch-site',
    'cookie',
    'x-custom',
    'origin',
  ),
  headerValue,
  { maxKeys: 3 },
);

/** A metadata value as text: a small object most of the time, else deep, reserved-key or large. */
const metadataText = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 })
      .map((v) => JSON.stringify(v)),
  },
  { weight: 4, arbitrary: valueText },
  { weight: 1, arbitrary: fc.constantFrom('null', '[]', '"text"', '1') },
);

/** Mostly a valid value (JSON text), sometimes a hostile one. */
function mostlyValid(
  valid: fc.Arbitrary<string>,
  hostile: fc.Arbitrary<string> = valueText,
): fc.Arbitrary<string> {
  return fc.oneof({ weight: 3, arbitrary: valid }, { weight: 1, arbitrary: hostile });
}

const json = (values: readonly string[]) => fc.constantFrom(...values).map((value) => JSON.stringify(value));

/** Value generators per body field of the real routes (JSON text). */
const FIELD_VALUES: Record<string, fc.Arbitrary<string>> = {
  user_id: mostlyValid(json(KNOWN_IDS)),
  role: mostlyValid(json(['org:admin', 'org:member']), fc.oneof(json(ROLES), valueText)),
  public_metadata: metadataText,
  private_metadata: metadataText,
  unsafe_metadata: metadataText,
  name: mostlyValid(
    json(['Acme 2', 'New org']),
    anyText.map((text) => JSON.stringify(text)),
  ),
  first_name: mostlyValid(
    json(['Eve', 'Zoë']),
    anyText.map((text) => JSON.stringify(text)),
  ),
  email_address: mostlyValid(
    fc.nat(10_000).map((n) => `["fuzz${n}@acme.test"]`),
    fc.constantFrom('"bad"', '["a@b.co","a@b.co"]', '[1]'),
  ),
};

/** Value generators per query parameter (raw text, before URL encoding). */
const QUERY_VALUES: Record<string, fc.Arbitrary<string>> = {
  limit: mostlyValid(fc.integer({ min: 1, max: 500 }).map(String), queryValue),
  offset: mostlyValid(fc.integer({ min: 0, max: 20 }).map(String), queryValue),
  order_by: mostlyValid(
    fc.constantFrom('-created_at', '+created_at', 'first_name', '-last_name', 'name'),
    queryValue,
  ),
  role: mostlyValid(fc.constantFrom('org:admin', 'org:member'), queryValue),
  user_id: mostlyValid(fc.constantFrom(...KNOWN_IDS, '-user_bob'), queryValue),
  query: mostlyValid(fc.constantFrom('ali', 'bob', 'acme', 'smith', 'o'), anyText),
  email_address: mostlyValid(fc.constantFrom('alice@acme.test', 'nobody@acme.test'), queryValue),
  phone_number: mostlyValid(fc.constantFrom('+15550000001', '+15550000004'), queryValue),
  created_at_before: mostlyValid(fc.nat().map(String), queryValue),
  created_at_after: mostlyValid(fc.nat().map(String), queryValue),
  last_active_at_before: mostlyValid(fc.nat().map(String), queryValue),
  last_active_at_after: mostlyValid(fc.nat().map(String), queryValue),
};

interface RouteShape {
  method: string;
  path: (organizationId: string, userId: string) => string;
  query?: readonly string[];
  body?: readonly string[];
  /** Field value generators of this route, where they differ from {@link FIELD_VALUES}. */
  values?: Record<string, fc.Arbitrary<string>>;
  /** Query value generators of this route, where they differ from {@link QUERY_VALUES}. */
  queryValues?: Record<string, fc.Arbitrary<string>>;
  /** Wraps the generated JSON object text (the bulk route sends an array of them). */
  wrapBody?: (objectText: string) => string;
}

/** Invitation fields: one email address (a string, unlike POST /users), expiry, redirect. */
const INVITATION_VALUES: Record<string, fc.Arbitrary<string>> = {
  email_address: mostlyValid(
    fc.nat(10_000).map((n) => `"invitee${n}@acme.test"`),
    fc.constantFrom('"bad"', '"bob@acme.test"', '["a@b.co"]', '1', 'null'),
  ),
  expires_in_days: mostlyValid(
    fc.integer({ min: 1, max: 365 }).map(String),
    fc.constantFrom('0', '366', '1.5', '"7"', 'null'),
  ),
  redirect_url: mostlyValid(
    fc.constantFrom('"https://app.example.test/welcome"'),
    fc.constantFrom('"/relative"', '"javascript:alert(1)"', '3', 'null'),
  ),
  notify: fc.constantFrom('true', 'false', 'null', '"yes"'),
  inviter_user_id: mostlyValid(json(KNOWN_IDS)),
  requesting_user_id: mostlyValid(json(KNOWN_IDS)),
};

const INVITATION_QUERY_VALUES: Record<string, fc.Arbitrary<string>> = {
  status: mostlyValid(fc.constantFrom('pending', 'accepted', 'revoked', 'expired'), queryValue),
  order_by: mostlyValid(fc.constantFrom('-created_at', '+email_address', 'email_address'), queryValue),
  email_address: mostlyValid(fc.constantFrom('invitee1@acme.test', 'NOBODY@acme.test'), queryValue),
};

const INVITATION_FIELDS = [
  'email_address',
  'role',
  'public_metadata',
  'redirect_url',
  'expires_in_days',
  'notify',
];

/** The routes both servers serve, each with the parameters and fields the handler takes. */
const SHARED_ROUTES: readonly RouteShape[] = [
  { method: 'GET', path: (o) => `/organizations/${o}/memberships`, query: LIST_QUERY },
  {
    method: 'POST',
    path: (o) => `/organizations/${o}/memberships`,
    body: ['user_id', 'role', 'public_metadata'],
  },
  { method: 'PATCH', path: (o, u) => `/organizations/${o}/memberships/${u}`, body: ['role'] },
  { method: 'DELETE', path: (o, u) => `/organizations/${o}/memberships/${u}` },
  {
    method: 'PATCH',
    path: (o, u) => `/organizations/${o}/memberships/${u}/metadata`,
    body: ['public_metadata'],
  },
  { method: 'GET', path: () => '/users/user_alice/organization_memberships', query: ['limit', 'offset'] },
  { method: 'GET', path: () => '/organization_roles', query: ['limit', 'offset', 'query', 'order_by'] },
  { method: 'GET', path: () => '/users', query: ['limit', 'offset', 'query'] },
  {
    method: 'GET',
    path: (o) => `/organizations/${o}/invitations`,
    query: ['limit', 'offset', 'status', 'order_by', 'email_address'],
    queryValues: INVITATION_QUERY_VALUES,
  },
  {
    method: 'POST',
    path: (o) => `/organizations/${o}/invitations`,
    body: INVITATION_FIELDS,
    values: INVITATION_VALUES,
  },
  {
    method: 'POST',
    path: (o) => `/organizations/${o}/invitations/bulk`,
    body: INVITATION_FIELDS,
    values: INVITATION_VALUES,
    wrapBody: (text) => `[${text}]`,
  },
  { method: 'GET', path: (o, u) => `/organizations/${o}/invitations/orginv_${u}` },
  { method: 'POST', path: (o, u) => `/organizations/${o}/invitations/orginv_${u}/revoke`, body: [] },
];

/** What only the local Backend API serves, or takes: private metadata, users, organizations. */
const BACKEND_ROUTES: readonly RouteShape[] = [
  {
    method: 'POST',
    path: (o) => `/organizations/${o}/memberships`,
    body: ['user_id', 'role', 'private_metadata'],
  },
  {
    method: 'PATCH',
    path: (o, u) => `/organizations/${o}/memberships/${u}/metadata`,
    body: ['public_metadata', 'private_metadata'],
  },
  { method: 'GET', path: (_o, u) => `/users/${u}/organization_memberships`, query: ['limit', 'offset'] },
  {
    method: 'GET',
    path: () => '/users',
    query: ['limit', 'offset', 'query', 'order_by', 'email_address', 'phone_number'],
  },
  {
    method: 'POST',
    path: () => '/users',
    body: ['first_name', 'email_address', 'public_metadata', 'private_metadata', 'unsafe_metadata'],
  },
  { method: 'POST', path: () => '/organizations', body: ['name', 'public_metadata', 'private_metadata'] },
  { method: 'GET', path: (o) => `/organizations/${o}` },
  {
    method: 'POST',
    path: (o) => `/organizations/${o}/invitations`,
    body: [...INVITATION_FIELDS, 'private_metadata', 'inviter_user_id'],
    values: INVITATION_VALUES,
  },
  {
    method: 'POST',
    path: (o, u) => `/organizations/${o}/invitations/orginv_${u}/revoke`,
    body: ['requesting_user_id'],
    values: INVITATION_VALUES,
  },
];

/** Well-formed in shape: a real route, its own parameters and fields, with hostile values. */
const shapedRequest = (routes: readonly RouteShape[]) =>
  fc
    .tuple(
      fc.constantFrom(...routes),
      fc.constantFrom('org_acme', 'org_acme', 'org_acme', 'org_acme', 'org_other'),
      fc.constantFrom('user_bob', 'user_carl', 'user_dana', 'user_alice', 'user_omar'),
    )
    .chain(([route, organizationId, userId]) =>
      fc.record({
        route: fc.constant(route),
        method: fc.constant(route.method),
        path: fc.constant(route.path(organizationId, userId)),
        query: fc
          .subarray([...(route.query ?? [])], { maxLength: Math.min(3, route.query?.length ?? 0) })
          .chain((keys) =>
            fc.tuple(
              fc.tuple(
                ...keys.map((key) =>
                  fc.tuple(
                    fc.constant(key),
                    route.queryValues?.[key] ??
                      QUERY_VALUES[key] ??
                      (key.endsWith('_query') ? (QUERY_VALUES.query as fc.Arbitrary<string>) : queryValue),
                  ),
                ),
              ),
              fc.option(fc.tuple(queryKey, queryValue), { freq: 8 }),
            ),
          ),
        body: fc
          .subarray([...(route.body ?? [])])
          .chain((fields) =>
            fc.tuple(
              fc.tuple(
                ...fields.map((field) =>
                  fc.tuple(fc.constant(field), route.values?.[field] ?? FIELD_VALUES[field] ?? valueText),
                ),
              ),
              fc.option(fc.tuple(bodyKey, valueText), { freq: 8 }),
            ),
          ),
      }),
    )
    .map(({ route, method, path, query, body }) => {
      const params = new URLSearchParams();
      const [pairs, extraPair] = query;
      for (const [key, value] of extraPair ? [...pairs, extraPair] : pairs) params.append(key, value);
      const search = params.toString();
      const [fields, extraField] = body;
      const entries = extraField ? [...fields, extraField] : fields;
      const object = `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(',')}}`;
      const text = route.wrapBody ? route.wrapBody(object) : object;
      return {
        method,
        path: search ? `${path}?${search}` : path,
        headers: method === 'GET' ? {} : { 'content-type': 'application/json' },
        body: method === 'GET' || method === 'DELETE' ? undefined : text,
      };
    });

/** Anything at all: junk paths, methods, headers and bodies. */
function chaoticRequest(origin: string): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      method: fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom('GET', 'POST', 'PATCH', 'DELETE') },
        {
          weight: 1,
          arbitrary: fc.constantFrom('PUT', 'HEAD', 'OPTIONS', 'get', 'patch', 'FOO', 'M-SEARCH'),
        },
      ),
      path: fc.tuple(routePath, queryString).map(([path, query]) => path + query),
      contentType: fc.option(
        fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain'),
        {
          freq: 5,
        },
      ),
      sameOrigin: fc.boolean(),
      headers: extraHeaders,
      body: fc.option(bodyText, { freq: 4 }),
    })
    .map(({ method, path, contentType, sameOrigin, headers, body }) => {
      const all: Record<string, string> = { ...headers };
      if (sameOrigin || !('origin' in all)) all.origin = origin;
      if (contentType !== null) all['content-type'] = contentType;
      delete all['content-length'];
      const canHaveBody = !['GET', 'HEAD'].includes(method.toUpperCase());
      return { method, path, headers: all, body: canHaveBody && body !== null ? body : undefined };
    });
}

/**
 * A hostile request: most are shaped like a real route's (so they get past routing, CSRF and
 * content-type checks and reach validation and storage), the rest are junk throughout. `origin` is
 * the Origin a real page sends, set on every shaped request; `target` picks the routes (the handler
 * serves fewer than the local Backend API).
 */
export function fuzzRequest(origin: string, target: 'handler' | 'backend'): fc.Arbitrary<FuzzRequest> {
  const routes = target === 'handler' ? SHARED_ROUTES : [...SHARED_ROUTES, ...BACKEND_ROUTES];
  return fc.oneof(
    {
      weight: 3,
      arbitrary: shapedRequest(routes).map((request) => ({
        ...request,
        headers: { ...request.headers, origin },
      })),
    },
    { weight: 1, arbitrary: chaoticRequest(origin) },
  );
}

/** The `Request` of a generated request, against `base` (e.g. `https://app.test/api`). */
export function toFetchRequest(
  base: string,
  request: FuzzRequest,
  extraHeaders: Record<string, string> = {},
) {
  const init: RequestInit = { method: request.method, headers: { ...request.headers, ...extraHeaders } };
  if (request.body !== undefined) init.body = request.body;
  return new Request(`${base}${request.path}`, init);
}

/** Whether an error answer is Clerk-shaped: `{ errors: [{ code, message, ... }, ...] }`. */
export function isClerkErrorBody(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || !('errors' in body)) return false;
  const { errors } = body as { errors: unknown };
  return (
    Array.isArray(errors) &&
    errors.length > 0 &&
    errors.every(
      (error) =>
        typeof error === 'object' &&
        error !== null &&
        typeof (error as { code?: unknown }).code === 'string' &&
        typeof (error as { message?: unknown }).message === 'string',
    )
  );
}

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  canonicalizeInvitationListView,
  createHttpClient,
  decodeInvitation,
  decodeInvitations,
  encodeInvitation,
  getUnknownWireFields,
  invitationListKey,
  invitationListParams,
  isValidEmailAddress,
  membershipListKey,
  parseInvitationListKey,
  RosterApiError,
} from '../src/index';
import { createMemoryClient, type SeedData } from '../src/testing';
import { type LocalHttpServer, startLocalHttpServer } from './local-http-server';

function invitationJSON(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    object: 'organization_invitation',
    id: 'orginv_1',
    email_address: 'new@example.com',
    role: 'org:member',
    role_name: 'Member',
    organization_id: 'org_acme',
    inviter_id: 'user_alice',
    public_inviter_data: {
      user_id: 'user_alice',
      first_name: 'Alice',
      last_name: null,
      image_url: 'https://img.example/a',
      has_image: false,
      identifier: 'alice@example.com',
    },
    status: 'pending',
    public_metadata: { team: 'core' },
    private_metadata: { note: 'x' },
    url: null,
    expires_at: 1_700_000_000_000,
    created_at: 1_690_000_000_000,
    updated_at: 1_690_000_000_001,
    ...overrides,
  };
}

async function apiError(promise: Promise<unknown>): Promise<RosterApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RosterApiError) return error;
    throw error;
  }
  throw new Error('expected the promise to reject');
}

describe('given the invitation codec', () => {
  it('when a full invitation is decoded, it is camelCase with Unix ms timestamps', () => {
    const invitation = decodeInvitation(invitationJSON());
    expect(invitation).toMatchObject({
      id: 'orginv_1',
      emailAddress: 'new@example.com',
      roleName: 'Member',
      organizationId: 'org_acme',
      inviterId: 'user_alice',
      publicInviterData: {
        userId: 'user_alice',
        firstName: 'Alice',
        lastName: null,
        identifier: 'alice@example.com',
      },
      status: 'pending',
      publicMetadata: { team: 'core' },
      privateMetadata: { note: 'x' },
      url: null,
      expiresAt: 1_700_000_000_000,
      createdAt: 1_690_000_000_000,
    });
  });

  it('when it is encoded again, the JSON is the same, unknown fields included', () => {
    const json = invitationJSON({ public_organization_data: { id: 'org_acme' }, future_field: 3 });
    const invitation = decodeInvitation(json);
    expect(getUnknownWireFields(invitation)).toEqual({
      public_organization_data: { id: 'org_acme' },
      future_field: 3,
    });
    expect(encodeInvitation(invitation)).toEqual(json);
  });

  it('when the inviter is absent, inviter_id and public_inviter_data are null both ways', () => {
    const json = invitationJSON({ inviter_id: null, public_inviter_data: null });
    const invitation = decodeInvitation(json);
    expect(invitation.inviterId).toBeNull();
    expect(invitation.publicInviterData).toBeNull();
    expect(encodeInvitation(invitation)).toEqual(json);
  });

  it.each([
    ['role_name', undefined, 'role_name should be a string but is missing'],
    ['expires_at', undefined, 'expires_at should be an integer or null but is missing'],
    ['public_inviter_data', undefined, 'public_inviter_data should be an object or null but is missing'],
    ['url', 3, 'url should be a string or null but is a number'],
    ['object', 'organization_membership', 'object should be "organization_invitation"'],
  ])(
    'when required field %s is %s, it throws malformed_response naming the path',
    (field, value, message) => {
      const json = invitationJSON();
      if (value === undefined) delete json[field];
      else json[field] = value;
      expect(() => decodeInvitations({ data: [json], total_count: 1 })).toThrow(`data[0].${message}`);
    },
  );

  it('when optional fields are absent, it decodes without them', () => {
    const json = invitationJSON();
    delete json.organization_id;
    delete json.status;
    delete json.private_metadata;
    const invitation = decodeInvitation(json);
    expect('status' in invitation).toBe(false);
    expect(encodeInvitation(invitation)).toEqual(json);
  });
});

describe('given invitation list keys', () => {
  it('when two views mean the same page, they share one key', () => {
    expect(
      invitationListKey({
        organizationId: 'org_a',
        status: ['revoked', 'pending', 'pending'],
        emailAddress: 'A@X.io',
      }),
    ).toBe(
      invitationListKey({
        organizationId: 'org_a',
        status: ['pending', 'revoked'],
        emailAddress: 'a@x.io',
        orderBy: '-created_at',
        page: 1,
        pageSize: 10,
      }),
    );
    expect(invitationListKey({ organizationId: 'org_a', orderBy: 'email_address' })).toBe(
      invitationListKey({ organizationId: 'org_a', orderBy: '+email_address' }),
    );
  });

  it('when views differ in status, order or page, their keys differ and never collide with member lists', () => {
    const keys = new Set([
      invitationListKey({ organizationId: 'org_a' }),
      invitationListKey({ organizationId: 'org_a', status: ['pending'] }),
      invitationListKey({ organizationId: 'org_a', orderBy: '+created_at' }),
      invitationListKey({ organizationId: 'org_a', page: 2 }),
      membershipListKey({ organizationId: 'org_a' }),
    ]);
    expect(keys.size).toBe(5);
  });

  it('when a key is parsed, it gives the canonical view back; other strings give null', () => {
    const view = { organizationId: 'org_a', status: ['pending' as const], page: 3, pageSize: 20 };
    expect(parseInvitationListKey(invitationListKey(view))).toEqual(canonicalizeInvitationListView(view));
    expect(parseInvitationListKey(membershipListKey({ organizationId: 'org_a' }))).toBeNull();
    expect(parseInvitationListKey('roster:invitations:[1]')).toBeNull();
  });

  it('when params are built, page and size become limit and offset', () => {
    expect(
      invitationListParams({ organizationId: 'org_a', status: ['pending'], page: 3, pageSize: 20 }),
    ).toEqual({
      organizationId: 'org_a',
      status: ['pending'],
      orderBy: '-created_at',
      limit: 20,
      offset: 40,
    });
  });
});

describe('given email address validation', () => {
  it.each(['a@b.co', 'first.last+tag@sub.example.org'])('when %s is checked, it is valid', (email) => {
    expect(isValidEmailAddress(email)).toBe(true);
  });
  it.each(['', 'plain', 'a@b', 'a b@c.io', '@c.io', 'a@-c.io', `${'x'.repeat(250)}@c.io`])(
    'when %j is checked, it is invalid',
    (email) => {
      expect(isValidEmailAddress(email)).toBe(false);
    },
  );
});

describe('given the HTTP client and invitations', () => {
  let server: LocalHttpServer;
  beforeAll(async () => {
    server = await startLocalHttpServer();
  });
  afterAll(async () => {
    await server.close();
  });
  afterEach(() => {
    server.requests.length = 0;
  });
  const http = () => createHttpClient({ baseUrl: `${server.url}/v1`, retry: { random: () => 0 } });

  it('when invitations are listed, it GETs .../invitations with repeated status keys', async () => {
    server.handle(() => ({ body: { data: [invitationJSON()], total_count: 7 } }));
    const page = await http().listInvitations({
      organizationId: 'org_acme',
      status: ['pending', 'expired'],
      orderBy: '+email_address',
      limit: 5,
      offset: 5,
    });
    expect(server.requests[0]?.url).toBe(
      '/v1/organizations/org_acme/invitations?status=pending&status=expired&order_by=%2Bemail_address&limit=5&offset=5',
    );
    expect(page.totalCount).toBe(7);
    expect(page.data[0]?.emailAddress).toBe('new@example.com');
  });

  it('when one invitation is created, it POSTs the snake_case body', async () => {
    server.handle(() => ({ body: invitationJSON() }));
    await http().createInvitation({
      organizationId: 'org_acme',
      emailAddress: 'new@example.com',
      role: 'org:member',
      inviterUserId: 'user_alice',
      expiresInDays: 7,
      redirectUrl: 'https://app.example/welcome',
      publicMetadata: { team: 'core' },
    });
    const request = server.requests[0];
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v1/organizations/org_acme/invitations');
    expect(JSON.parse(request?.body ?? '')).toEqual({
      email_address: 'new@example.com',
      role: 'org:member',
      inviter_user_id: 'user_alice',
      expires_in_days: 7,
      redirect_url: 'https://app.example/welcome',
      public_metadata: { team: 'core' },
    });
  });

  it('when invitations are created in bulk, it POSTs a JSON array to .../invitations/bulk', async () => {
    server.handle(() => ({ body: { data: [invitationJSON()], total_count: 1 } }));
    await http().createInvitations({
      organizationId: 'org_acme',
      invitations: [
        { emailAddress: 'a@x.io', role: 'org:member' },
        { emailAddress: 'b@x.io', role: 'org:admin' },
      ],
    });
    expect(server.requests[0]?.url).toBe('/v1/organizations/org_acme/invitations/bulk');
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual([
      { email_address: 'a@x.io', role: 'org:member' },
      { email_address: 'b@x.io', role: 'org:admin' },
    ]);
  });

  it('when one is read and revoked, it GETs it and POSTs .../revoke', async () => {
    server.handle(() => ({ body: invitationJSON({ status: 'revoked' }) }));
    await http().getInvitation({ organizationId: 'org_acme', invitationId: 'orginv_1' });
    const revoked = await http().revokeInvitation({
      organizationId: 'org_acme',
      invitationId: 'orginv_1',
      requestingUserId: 'user_alice',
    });
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /v1/organizations/org_acme/invitations/orginv_1',
      'POST /v1/organizations/org_acme/invitations/orginv_1/revoke',
    ]);
    expect(JSON.parse(server.requests[1]?.body ?? '')).toEqual({ requesting_user_id: 'user_alice' });
    expect(revoked.status).toBe('revoked');
  });

  it('when a create or a revoke gets 503, it is never retried (POST)', async () => {
    server.handle(() => ({ status: 503 }));
    const created = await apiError(
      http().createInvitation({ organizationId: 'org_acme', emailAddress: 'a@x.io', role: 'org:member' }),
    );
    const revoked = await apiError(
      http().revokeInvitation({ organizationId: 'org_acme', invitationId: 'orginv_1' }),
    );
    expect([created.status, revoked.status]).toEqual([503, 503]);
    expect(server.requests).toHaveLength(2);
  });

  it('when a list gets 503 once, it is retried (GET)', async () => {
    let calls = 0;
    server.handle(() => {
      calls += 1;
      return calls === 1 ? { status: 503 } : { body: { data: [], total_count: 0 } };
    });
    await expect(http().listInvitations({ organizationId: 'org_acme' })).resolves.toEqual({
      data: [],
      totalCount: 0,
    });
    expect(server.requests).toHaveLength(2);
  });
});

const seed: SeedData = {
  users: [
    { id: 'user_admin', firstName: 'Ada', lastName: 'Admin', emailAddress: 'ada@acme.test', createdAt: 1 },
    { id: 'user_member', firstName: 'Max', lastName: null, emailAddress: 'max@acme.test', createdAt: 2 },
  ],
  organizations: [{ id: 'org_a', name: 'A', slug: 'a', createdAt: 1 }],
  memberships: [
    { organizationId: 'org_a', userId: 'user_admin', role: 'org:admin', createdAt: 1 },
    { organizationId: 'org_a', userId: 'user_member', role: 'org:member', createdAt: 2 },
  ],
};

describe('given the memory client and invitations', () => {
  it('when an invitation is accepted, the invitee becomes a member with the role and metadata', async () => {
    let now = 1_000;
    const client = createMemoryClient(seed, { now: () => now });
    const invitation = await client.createInvitation({
      organizationId: 'org_a',
      emailAddress: 'New@Example.com',
      role: 'org:admin',
      publicMetadata: { team: 'core' },
      privateMetadata: { ref: 7 },
    });
    now = 2_000;
    const { membership, invitation: accepted } = client.acceptInvitation(invitation.id);
    expect(accepted.status).toBe('accepted');
    expect(membership).toMatchObject({
      role: 'org:admin',
      publicMetadata: { team: 'core' },
      privateMetadata: { ref: 7 },
      publicUserData: { identifier: 'new@example.com' },
    });
    const members = await client.listMemberships({ organizationId: 'org_a' });
    expect(members.totalCount).toBe(3);
    expect(() => client.acceptInvitation(invitation.id)).toThrow("not in the 'pending' status");
  });

  it('when an invitation is created, the request log and failNext cover it like other mutations', async () => {
    const client = createMemoryClient(seed);
    client.failNext('createInvitation');
    const error = await apiError(
      client.createInvitation({ organizationId: 'org_a', emailAddress: 'a@x.io', role: 'org:member' }),
    );
    expect(error.status).toBe(500);
    expect((await client.listInvitations({ organizationId: 'org_a' })).totalCount).toBe(0);
    expect(client.requests.map((r) => r.method)).toEqual(['createInvitation', 'listInvitations']);
  });
});

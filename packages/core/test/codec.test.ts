import { describe, expect, it } from 'vitest';
import {
  decodeErrorBody,
  decodeMembership,
  decodeMemberships,
  decodeRole,
  decodeRoles,
  decodeUser,
  decodeUsers,
  encodeList,
  encodeMembership,
  encodeRole,
  encodeUser,
  getUnknownWireFields,
  type OrganizationMembership,
  parseRetryAfter,
  RosterApiError,
} from '../src/index';
import { membershipJSON, organizationJSON, publicUserDataJSON, roleJSON, userJSON } from './wire-fixtures';

function thrownBy(fn: () => unknown): RosterApiError {
  try {
    fn();
  } catch (error) {
    if (error instanceof RosterApiError) return error;
    throw error;
  }
  throw new Error('expected the call to throw');
}

describe('given a membership as the Backend API sends it', () => {
  it('when decoded, it gives the camelCase model with timestamps in Unix ms unchanged', () => {
    const m = decodeMembership(membershipJSON());
    expect(m).toEqual({
      object: 'organization_membership',
      id: 'orgmem_bob',
      role: 'org:member',
      roleName: 'Member',
      permissions: ['org:sys_memberships:read'],
      publicMetadata: { team: { name: 'Core' } },
      privateMetadata: { note: 'hired in May' },
      organization: {
        object: 'organization',
        id: 'org_acme',
        name: 'Acme',
        slug: 'acme',
        imageUrl: 'https://img.example/org_acme.png',
        hasImage: false,
        maxAllowedMemberships: 0,
        adminDeleteEnabled: true,
        publicMetadata: { plan: 'pro' },
        privateMetadata: { billing: { id: 'cus_1' } },
        createdBy: 'user_alice',
        createdAt: 1_700_000_000_000,
        updatedAt: 1_700_000_100_000,
      },
      publicUserData: {
        userId: 'user_bob',
        firstName: 'Bob',
        lastName: 'Jones',
        profileImageUrl: 'https://img.example/bob.png',
        imageUrl: 'https://img.example/bob.png',
        hasImage: true,
        identifier: 'bob@acme.test',
        username: null,
        banned: false,
      },
      createdAt: 1_700_000_200_000,
      updatedAt: 1_700_000_300_000,
    });
  });

  it('when decoded and encoded again, it gives back the same JSON', () => {
    const json = membershipJSON();
    expect(encodeMembership(decodeMembership(json))).toEqual(json);
  });

  it('when optional fields are absent, it decodes without them and encodes without them', () => {
    const json = membershipJSON({
      role_name: undefined,
      private_metadata: undefined,
      public_user_data: undefined,
    });
    for (const key of ['role_name', 'private_metadata', 'public_user_data']) delete json[key];
    const m = decodeMembership(json);
    expect('roleName' in m || 'privateMetadata' in m || 'publicUserData' in m).toBe(false);
    expect(encodeMembership(m)).toEqual(json);
  });

  it('when it carries fields the codec does not know, they survive decode -> encode at every level', () => {
    const json = membershipJSON({
      future_flag: { nested: [1, 2] },
      organization: organizationJSON({ role_set_key: null, pending_invitations_count: 2 }),
      public_user_data: publicUserDataJSON({ deprovisioned: false }),
    });
    const m = decodeMembership(json);
    expect(getUnknownWireFields(m)).toEqual({ future_flag: { nested: [1, 2] } });
    expect(getUnknownWireFields(m.organization)).toEqual({
      role_set_key: null,
      pending_invitations_count: 2,
    });
    expect(encodeMembership(m)).toEqual(json);
  });

  it('when the model is copied with a spread (an optimistic role change), unknown fields still encode', () => {
    const m = decodeMembership(membershipJSON({ future_flag: true }));
    const changed: OrganizationMembership = { ...m, role: 'org:admin' };
    expect(encodeMembership(changed)).toMatchObject({ role: 'org:admin', future_flag: true });
  });

  it('when unknown fields are carried, they stay out of the model keys and of its JSON', () => {
    const m = decodeMembership(membershipJSON({ future_flag: true }));
    expect(Object.keys(m)).not.toContain('future_flag');
    expect(JSON.stringify(m)).not.toContain('future_flag');
  });
});

describe('given a malformed membership', () => {
  it('when a required top-level field is missing, it throws malformed_response naming the field', () => {
    const json = membershipJSON();
    delete json.role;
    const error = thrownBy(() => decodeMembership(json));
    expect(error.code).toBe('malformed_response');
    expect(error.status).toBe(200);
    expect(error.message).toContain('role');
    expect(error.errors[0]?.meta).toEqual({ path: 'role' });
  });

  it('when a field has the wrong type, the message says what it should be and what it is', () => {
    const error = thrownBy(() => decodeMembership(membershipJSON({ created_at: '2024-01-01' })));
    expect(error.message).toBe('Malformed response: created_at should be an integer but is a string');
  });

  it('when a nested field in a list item is wrong, the message names the full wire path', () => {
    const bad = membershipJSON({ public_user_data: publicUserDataJSON({ user_id: 42 }) });
    const list = { data: [membershipJSON(), membershipJSON(), membershipJSON(), bad], total_count: 4 };
    const error = thrownBy(() => decodeMemberships(list));
    expect(error.code).toBe('malformed_response');
    expect(error.errors[0]?.meta?.path).toBe('data[3].public_user_data.user_id');
    expect(error.message).toContain('data[3].public_user_data.user_id should be a string but is a number');
  });

  it('when the object discriminator is wrong, it throws', () => {
    const error = thrownBy(() => decodeMembership(membershipJSON({ object: 'organization' })));
    expect(error.errors[0]?.meta?.path).toBe('object');
  });

  it('when a permission is not a string, it names the array index', () => {
    const error = thrownBy(() => decodeMembership(membershipJSON({ permissions: ['a', null] })));
    expect(error.errors[0]?.meta?.path).toBe('permissions[1]');
  });

  it('when metadata is an array, it throws instead of passing it on', () => {
    const error = thrownBy(() => decodeMembership(membershipJSON({ public_metadata: [] })));
    expect(error.message).toContain('public_metadata should be an object but is an array');
  });

  it('when the organization is missing a required field, it names organization.<field>', () => {
    const org = organizationJSON();
    delete org.slug;
    const error = thrownBy(() => decodeMembership(membershipJSON({ organization: org })));
    expect(error.errors[0]?.meta?.path).toBe('organization.slug');
  });

  it('when the body is not an object at all, it says so', () => {
    const error = thrownBy(() => decodeMemberships(null));
    expect(error.message).toBe('Malformed response: the response body should be an object but is null');
  });

  it('when a list has no total_count, it throws', () => {
    const error = thrownBy(() => decodeMemberships({ data: [] }));
    expect(error.errors[0]?.meta?.path).toBe('total_count');
  });

  it('when a timestamp is a fraction, it throws (timestamps are integer ms)', () => {
    const error = thrownBy(() => decodeMembership(membershipJSON({ updated_at: 1.5 })));
    expect(error.errors[0]?.meta?.path).toBe('updated_at');
  });
});

describe('given roles', () => {
  it('when a role list is decoded and encoded, it round-trips', () => {
    const list = decodeRoles({ data: [roleJSON()], total_count: 1 });
    expect(list.totalCount).toBe(1);
    expect(list.data[0]?.permissions[0]?.key).toBe('org:sys_memberships:manage');
    expect(list.data[0]?.isCreatorEligible).toBe(true);
    expect(encodeList(list, encodeRole)).toEqual({ data: [roleJSON()], total_count: 1 });
  });

  it('when a permission of a role is malformed, it names data[i].permissions[j].field', () => {
    const role = roleJSON();
    const permissions = role.permissions as Record<string, unknown>[];
    permissions[0] = { ...permissions[0], key: undefined };
    const error = thrownBy(() => decodeRoles({ data: [roleJSON(), role], total_count: 2 }));
    expect(error.errors[0]?.meta?.path).toBe('data[1].permissions[0].key');
  });

  it('when a role has a null description, it keeps null', () => {
    expect(decodeRole(roleJSON({ description: null })).description).toBeNull();
  });
});

describe('given users', () => {
  it('when a user is decoded, it reads the picker fields and carries the rest', () => {
    const user = decodeUser(userJSON({ locked: false }));
    // JSON.parse(JSON.stringify()) drops the symbol that carries unknown fields (checked below).
    expect(JSON.parse(JSON.stringify(user))).toEqual({
      object: 'user',
      id: 'user_dana',
      firstName: 'Dana',
      lastName: 'Lee',
      username: 'dana',
      imageUrl: 'https://img.example/dana.png',
      hasImage: false,
      primaryEmailAddressId: 'idn_dana',
      emailAddresses: [{ id: 'idn_dana', emailAddress: 'dana@acme.test' }],
      createdAt: 1_695_000_000_000,
      updatedAt: 1_695_000_000_000,
    });
    expect(getUnknownWireFields(user)).toEqual({ locked: false });
    expect(getUnknownWireFields(user.emailAddresses[0] ?? {})).toEqual({ object: 'email_address' });
    expect(encodeUser(user)).toMatchObject(userJSON({ locked: false }));
  });

  it('when the Backend API answers GET /users with a bare array, it decodes with totalCount = its length', () => {
    const users = decodeUsers([userJSON(), userJSON({ id: 'user_eve' })]);
    expect(users.totalCount).toBe(2);
    expect(users.data.map((u) => u.id)).toEqual(['user_dana', 'user_eve']);
  });

  it('when an item of a bare user array is malformed, it names [i].field', () => {
    const error = thrownBy(() => decodeUsers([userJSON(), userJSON({ email_addresses: 'x' })]));
    expect(error.errors[0]?.meta?.path).toBe('[1].email_addresses');
  });

  it('when a user built in code is encoded, spec-required fields it lacks get empty defaults', () => {
    const json = encodeUser(decodeUser(userJSON()));
    expect(json).toMatchObject({ phone_numbers: [], web3_wallets: [], external_accounts: [], banned: false });
    const email = json.email_addresses[0];
    expect(email).toMatchObject({ object: 'email_address', email_address: 'dana@acme.test', linked_to: [] });
  });
});

describe('given a Clerk error body', () => {
  const body = {
    errors: [
      {
        code: 'form_param_missing',
        message: 'is missing',
        long_message: 'role is missing',
        meta: { param_name: 'role' },
      },
    ],
    clerk_trace_id: 'trace_123',
  };

  it('when decoded, errors are camelCased and the trace id is kept', () => {
    const error = decodeErrorBody(422, body);
    expect(error).toBeInstanceOf(RosterApiError);
    expect(error.status).toBe(422);
    expect(error.errors).toEqual([
      {
        code: 'form_param_missing',
        message: 'is missing',
        longMessage: 'role is missing',
        meta: { paramName: 'role' },
      },
    ]);
    expect(error.traceId).toBe('trace_123');
    expect(error.code).toBe('form_param_missing');
    expect(error.message).toBe('role is missing');
  });

  it('when Retry-After is in seconds, retryAfter is that many seconds', () => {
    expect(decodeErrorBody(429, body, new Headers({ 'Retry-After': '7' })).retryAfter).toBe(7);
  });

  it('when there is no Retry-After, retryAfter is undefined', () => {
    expect(decodeErrorBody(429, body, new Headers()).retryAfter).toBeUndefined();
  });

  it('when the body is not a Clerk error body, it gives one http_error with the status', () => {
    const error = decodeErrorBody(502, '<html>Bad gateway</html>');
    expect(error.status).toBe(502);
    expect(error.code).toBe('http_error');
    expect(error.message).toBe('Request failed with status 502: <html>Bad gateway</html>');
  });

  it('when the body is empty, the message still names the status', () => {
    expect(decodeErrorBody(503, undefined).message).toBe('Request failed with status 503');
  });
});

describe('given a Retry-After value', () => {
  it('when it is an HTTP date, it gives the seconds from now, rounded up, never negative', () => {
    const now = Date.UTC(2026, 0, 1, 12, 0, 0);
    expect(parseRetryAfter('Thu, 01 Jan 2026 12:00:05 GMT', now)).toBe(5);
    expect(parseRetryAfter('Thu, 01 Jan 2026 11:00:00 GMT', now)).toBe(0);
  });

  it('when it is unreadable, it gives undefined', () => {
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

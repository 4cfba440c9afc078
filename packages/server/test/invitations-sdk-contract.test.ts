import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_IDS } from '@roster/core/testing';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackendApi } from '../src/index';
import { type BackendTestServer, startBackendTestServer } from './backend-test-server';

const ORG = DEMO_IDS.organizationId;

/** The `ClerkAPIResponseError` an SDK call rejects with. */
async function clerkError(promise: Promise<unknown>) {
  const error = await promise.then(
    () => {
      throw new Error('Expected the call to fail.');
    },
    (e: unknown) => e,
  );
  return error as { status: number; errors: { code: string; meta?: { paramName?: string } }[] };
}

let server: BackendTestServer;
beforeEach(async () => {
  server = await startBackendTestServer();
});
afterEach(() => server.close());

describe('given Clerk’s SDK pointed at the local Backend API (invitations)', () => {
  it('when an invitation is created, the SDK parses it with every field', async () => {
    const invitation = await server.clerk.organizations.createOrganizationInvitation({
      organizationId: ORG,
      emailAddress: 'sdk.invitee@example.test',
      role: 'org:member',
      inviterUserId: DEMO_IDS.adminUserId,
      expiresInDays: 3,
      redirectUrl: 'https://app.example/welcome',
      publicMetadata: { team: 'sdk' },
      privateMetadata: { ref: 1 },
    });
    expect(invitation.id).toMatch(/^orginv_[0-9A-Za-z]{27}$/);
    expect(invitation).toMatchObject({
      emailAddress: 'sdk.invitee@example.test',
      role: 'org:member',
      roleName: 'Member',
      organizationId: ORG,
      status: 'pending',
      publicMetadata: { team: 'sdk' },
      privateMetadata: { ref: 1 },
      url: null,
    });
    expect((invitation.expiresAt ?? 0) - invitation.createdAt).toBe(3 * 86_400_000);
    expect(invitation.raw).toMatchObject({
      inviter_id: DEMO_IDS.adminUserId,
      public_inviter_data: { user_id: DEMO_IDS.adminUserId, identifier: 'alice.smith@acme.test' },
    });
    expect(invitation.raw).not.toHaveProperty('redirect_url');
  });

  it('when invitations are listed with a status filter, the SDK gets { data, totalCount }', async () => {
    const first = await server.clerk.organizations.createOrganizationInvitation({
      organizationId: ORG,
      emailAddress: 'one@example.test',
      role: 'org:member',
    });
    await server.clerk.organizations.createOrganizationInvitation({
      organizationId: ORG,
      emailAddress: 'two@example.test',
      role: 'org:admin',
    });
    await server.clerk.organizations.revokeOrganizationInvitation({
      organizationId: ORG,
      invitationId: first.id,
    });
    const pending = await server.clerk.organizations.getOrganizationInvitationList({
      organizationId: ORG,
      status: ['pending'],
    });
    expect(pending.totalCount).toBe(1);
    expect(pending.data.map((i) => i.emailAddress)).toEqual(['two@example.test']);
    const all = await server.clerk.organizations.getOrganizationInvitationList({
      organizationId: ORG,
      limit: 1,
    });
    expect([all.totalCount, all.data.length]).toEqual([2, 1]);
  });

  it('when invitations are created in bulk, the SDK gets them all', async () => {
    const created = await server.clerk.organizations.createOrganizationInvitationBulk(ORG, [
      { emailAddress: 'b1@example.test', role: 'org:member' },
      { emailAddress: 'b2@example.test', role: 'org:billing_manager', inviterUserId: DEMO_IDS.adminUserId },
    ]);
    expect(created.data.map((i) => [i.emailAddress, i.roleName])).toEqual([
      ['b1@example.test', 'Member'],
      ['b2@example.test', 'Billing manager'],
    ]);
  });

  it('when one is read and revoked (no requesting user: an empty body), the SDK sees it revoked', async () => {
    const invitation = await server.clerk.organizations.createOrganizationInvitation({
      organizationId: ORG,
      emailAddress: 'r@example.test',
      role: 'org:member',
    });
    const read = await server.clerk.organizations.getOrganizationInvitation({
      organizationId: ORG,
      invitationId: invitation.id,
    });
    expect(read.id).toBe(invitation.id);
    const revoked = await server.clerk.organizations.revokeOrganizationInvitation({
      organizationId: ORG,
      invitationId: invitation.id,
    });
    expect(revoked.status).toBe('revoked');
    const again = await clerkError(
      server.clerk.organizations.revokeOrganizationInvitation({
        organizationId: ORG,
        invitationId: invitation.id,
        requestingUserId: DEMO_IDS.adminUserId,
      }),
    );
    expect([again.status, again.errors[0]?.code]).toEqual([404, 'organization_invitation_not_pending']);
  });

  it.each([
    ['an invalid email', { emailAddress: 'nope' }, 422, 'form_param_format_invalid'],
    ['an unknown role', { role: 'org:nope' }, 404, 'resource_not_found'],
    ["a member's email", { emailAddress: 'bob.jones@acme.test' }, 400, 'already_a_member_in_organization'],
    ['a non-admin inviter', { inviterUserId: DEMO_IDS.memberUserId }, 403, 'not_an_admin_in_organization'],
  ])(
    'when the SDK creates one with %s, it rejects with the Clerk status and code',
    async (_label, override, status, code) => {
      const error = await clerkError(
        server.clerk.organizations.createOrganizationInvitation({
          organizationId: ORG,
          emailAddress: 'x@example.test',
          role: 'org:member',
          ...override,
        }),
      );
      expect([error.status, error.errors[0]?.code]).toEqual([status, code]);
    },
  );

  it('when the SDK invites the same address twice, or past the quota, or to an unknown organization, it rejects', async () => {
    const params = { organizationId: ORG, emailAddress: 'dup@example.test', role: 'org:member' };
    await server.clerk.organizations.createOrganizationInvitation(params);
    const dup = await clerkError(server.clerk.organizations.createOrganizationInvitation(params));
    expect([dup.status, dup.errors[0]?.code]).toEqual([400, 'organization_invitation_not_unique']);
    const quota = await clerkError(
      server.clerk.organizations.createOrganizationInvitation({ ...params, organizationId: 'org_initech' }),
    );
    expect([quota.status, quota.errors[0]?.code]).toEqual([403, 'organization_membership_quota_exceeded']);
    const unknown = await clerkError(
      server.clerk.organizations.getOrganizationInvitation({
        organizationId: ORG,
        invitationId: 'orginv_nope',
      }),
    );
    expect([unknown.status, unknown.errors[0]?.code]).toEqual([404, 'resource_not_found']);
    const bulk = await clerkError(
      server.clerk.organizations.createOrganizationInvitationBulk(
        ORG,
        Array.from({ length: 11 }, (_, i) => ({ emailAddress: `m${i}@example.test`, role: 'org:member' })),
      ),
    );
    expect([bulk.status, bulk.errors[0]?.code]).toEqual([400, 'bulk_size_exceeded']);
  });
});

describe('given the local outbox', () => {
  it('when an invitation is created, a message with an accept link lands in GET /v1/__outbox', async () => {
    const invitation = await server.clerk.organizations.createOrganizationInvitation({
      organizationId: ORG,
      emailAddress: 'Mail@Example.test',
      role: 'org:member',
      redirectUrl: 'https://app.example/in',
    });
    await server.clerk.organizations.createOrganizationInvitation({
      organizationId: ORG,
      emailAddress: 'quiet@example.test',
      role: 'org:member',
      notify: false,
    } as never);
    const response = await server.request('/__outbox');
    expect(response.headers.get('content-type')).toBe('application/json');
    const outbox = (await response.json()) as { data: Record<string, unknown>[]; total_count: number };
    expect(outbox.total_count).toBe(1);
    expect(outbox.data[0]).toMatchObject({
      object: 'outbox_message',
      invitation_id: invitation.id,
      to_email_address: 'mail@example.test',
      subject: 'Invitation to join Acme',
      accept_url: `${server.url}/v1/__invitations/${invitation.id}/accept`,
      redirect_url: 'https://app.example/in',
    });
    expect(String(outbox.data[0]?.body)).toContain(`/v1/__invitations/${invitation.id}/accept`);
    expect(server.api.outbox({ emailAddress: 'MAIL@example.test' }).map((m) => m.invitationId)).toEqual([
      invitation.id,
    ]);
  });

  it('when the accept link is POSTed, the new user is a member with the role and metadata, and the invitation accepted', async () => {
    const invitation = await server.clerk.organizations.createOrganizationInvitation({
      organizationId: ORG,
      emailAddress: 'joiner@example.test',
      role: 'org:billing_manager',
      publicMetadata: { department: 'Finance' },
      privateMetadata: { ref: 'x' },
    });
    const [message] = server.api.outbox();
    const response = await server.request(message?.acceptPath.replace(/^\/v1/, '') ?? '', { method: 'POST' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      invitation: { status: string };
      membership: { public_user_data: { user_id: string } };
    };
    expect(body.invitation.status).toBe('accepted');
    const userId = body.membership.public_user_data.user_id;
    const user = await server.clerk.users.getUser(userId);
    expect(user.emailAddresses.map((e) => e.emailAddress)).toEqual(['joiner@example.test']);
    const members = await server.clerk.organizations.getOrganizationMembershipList({
      organizationId: ORG,
      userId: [userId],
    });
    expect(members.data[0]).toMatchObject({
      role: 'org:billing_manager',
      publicMetadata: { department: 'Finance' },
      privateMetadata: { ref: 'x' },
    });
    const read = await server.clerk.organizations.getOrganizationInvitation({
      organizationId: ORG,
      invitationId: invitation.id,
    });
    expect(read.status).toBe('accepted');
    const twice = await server.request(`/__invitations/${invitation.id}/accept`, { method: 'POST' });
    expect(twice.status).toBe(404);
    expect(((await twice.json()) as { errors: { code: string }[] }).errors[0]?.code).toBe(
      'organization_invitation_not_pending',
    );
  });

  it('when acceptInvitation is called on the API, it does the same and throws the endpoint’s error on a second call', async () => {
    const invitation = await server.clerk.organizations.createOrganizationInvitation({
      organizationId: ORG,
      emailAddress: 'carol.diaz@solo.test',
      role: 'org:member',
    });
    const { membership } = server.api.acceptInvitation(invitation.id);
    expect(membership.role).toBe('org:member');
    expect(() => server.api.acceptInvitation(invitation.id)).toThrow(
      expect.objectContaining({ status: 404, code: 'organization_invitation_not_pending' }),
    );
  });
});

describe('given a database file of schema version 1', () => {
  it('when the server opens it, it adds the invitations table and its indexes, keeping the data', () => {
    const dir = mkdtempSync(join(tmpdir(), 'roster-migrate-'));
    try {
      const file = join(dir, 'old.sqlite');
      const api = createBackendApi({ database: file, seed: 'demo' });
      api.close();
      const db = new Database(file);
      db.exec('DROP TABLE outbox_messages; DROP TABLE invitations;');
      db.pragma('user_version = 1');
      db.close();
      const reopened = createBackendApi({ database: file });
      reopened.close();
      const check = new Database(file, { readonly: true });
      const indexes = check
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'invitations' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )
        .all()
        .map((row) => (row as { name: string }).name);
      expect(check.pragma('user_version', { simple: true })).toBe(3);
      expect(indexes).toEqual(['invitations_org_created', 'invitations_org_email', 'invitations_org_status']);
      expect(
        (check.prepare('SELECT COUNT(*) AS n FROM memberships').get() as { n: number }).n,
      ).toBeGreaterThan(250);
      check.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

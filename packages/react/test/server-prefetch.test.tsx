import { invitationListKey, type MembershipsClient, membershipListKey } from '@roster/core';
import { createControllableClient, createMemoryClient } from '@roster/core/testing';
import { DEFAULT_SECRET_KEY } from '@roster/server';
import { act } from '@testing-library/react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RosterFallback } from '../src/roster-provider';
import { RosterProvider } from '../src/roster-provider';
import { prefetchOrganizationMemberships } from '../src/server';
import { useMembershipPermissions } from '../src/use-membership-permissions';
import { useOrganizationMemberships } from '../src/use-organization-memberships';
import { type LocalBackend, startLocalBackend } from './support/local-backend';
import { ADMIN, createTestSeed, ORG, userId } from './support/test-seed';

const SECRET = 'salary-4711';

function seedWithSecrets() {
  const seed = createTestSeed();
  for (const m of seed.memberships) m.privateMetadata = { note: SECRET };
  for (const o of seed.organizations) o.privateMetadata = { plan: SECRET };
  return seed;
}

let local: LocalBackend;
let backend: MembershipsClient;

beforeEach(async () => {
  local = await startLocalBackend(seedWithSecrets());
  backend = local.client;
});
afterEach(() => local.close());

function MembersPage() {
  const list = useOrganizationMemberships({ organizationId: ORG });
  const permissions = useMembershipPermissions(ORG);
  return (
    <div>
      <p>{permissions.canManage ? 'manager' : 'reader'}</p>
      <ul>
        {list.data.map((m) => (
          <li key={m.id}>{`${m.publicUserData?.firstName} ${m.publicUserData?.lastName}`}</li>
        ))}
      </ul>
      <p>{list.isLoading ? 'loading' : `${list.totalCount} members`}</p>
    </div>
  );
}

function page(client: MembershipsClient, fallback: RosterFallback) {
  return (
    <RosterProvider client={client} viewer={{ userId: ADMIN }} fallback={fallback} locale="en-US">
      <MembersPage />
    </RosterProvider>
  );
}

/** What a server component hands to a client component: plain JSON. */
const overTheWire = (fallback: RosterFallback): RosterFallback => JSON.parse(JSON.stringify(fallback));

describe('given a server prefetch with a secret-key client against the Backend API', () => {
  it('when it resolves, it holds pages 1 and 2, the viewer, the admins, the roles and the pending invitations, and no private metadata', async () => {
    const fallback = await prefetchOrganizationMemberships({
      client: backend,
      organizationId: ORG,
      viewer: { userId: ADMIN },
    });
    expect(Object.keys(fallback)).toContain(membershipListKey({ organizationId: ORG }));
    expect(Object.keys(fallback)).toContain(membershipListKey({ organizationId: ORG, page: 2 }));
    expect(Object.keys(fallback)).toContain(invitationListKey({ organizationId: ORG, status: ['pending'] }));
    expect(Object.keys(fallback)).toHaveLength(6);
    const json = JSON.stringify(fallback);
    expect(json).toContain('First25');
    expect(json).not.toContain(SECRET);
    expect(json).not.toContain('privateMetadata');
  });

  it('when the viewer may not read the members (not a member), it holds no list', async () => {
    const fallback = await prefetchOrganizationMemberships({
      apiUrl: local.url,
      headers: { Authorization: `Bearer ${DEFAULT_SECRET_KEY}` },
      organizationId: ORG,
      viewer: { userId: 'user_90' },
    });
    expect(Object.keys(fallback)).not.toContain(membershipListKey({ organizationId: ORG }));
    expect(JSON.stringify(fallback)).not.toContain('First25');
  });

  it('when neither a client nor an apiUrl is given, it says so', async () => {
    await expect(
      prefetchOrganizationMemberships({ organizationId: ORG, viewer: { userId: ADMIN } } as never),
    ).rejects.toThrow(/client.*apiUrl/);
  });
});

describe('given a page rendered on the server from the prefetch', () => {
  it('when it renders, the HTML holds the members; when it hydrates, no list request is sent and React reports no mismatch', async () => {
    const fallback = overTheWire(
      await prefetchOrganizationMemberships({
        client: backend,
        organizationId: ORG,
        viewer: { userId: ADMIN },
      }),
    );
    const html = renderToString(page(createMemoryClient(createTestSeed()), fallback));
    expect(html).toContain('First25 Last25');
    expect(html).toContain('25 members');
    expect(html).toContain('manager');

    const browser = createControllableClient(createMemoryClient(createTestSeed()));
    const container = document.createElement('div');
    container.innerHTML = html;
    document.body.append(container);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const recoverable = vi.fn();
    const root = await act(async () =>
      hydrateRoot(container, page(browser.client, overTheWire(fallback)), {
        onRecoverableError: recoverable,
      }),
    );
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(container.textContent).toContain(`First${25} Last${25}`);
    expect(browser.callsOf('listMemberships')).toHaveLength(0);
    expect(browser.callsOf('listRoles')).toHaveLength(0);
    expect(recoverable).not.toHaveBeenCalled();
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
    act(() => root.unmount());
    container.remove();
  });

  it('when the provider is given the URL of a handler instead of a client, it reads through it', async () => {
    const { renderHook, waitFor } = await import('@testing-library/react');
    const { result } = renderHook(() => useOrganizationMemberships({ organizationId: ORG }), {
      wrapper: ({ children }) => (
        <RosterProvider apiUrl={local.url} viewer={{ userId: userId(1) }}>
          {children}
        </RosterProvider>
      ),
    });
    // The local Backend API wants the secret key: a browser-facing URL without it is refused.
    await waitFor(() => expect(result.current.error?.status).toBe(401));
  });
});

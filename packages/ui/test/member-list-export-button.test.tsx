import { createDemoSeed, createMemoryClient, DEMO_IDS, type MemoryClient } from '@roster/core/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemberList } from '../src/member-list';
import { MemberListExportButton } from '../src/member-list-export-button';
import { OrganizationMembersPanel } from '../src/organization-members-panel';
import { renderWithRoster } from './render-member-list';

vi.setConfig({ testTimeout: 30_000 });

const ACME = DEMO_IDS.organizationId;
const MEMBERS = 1240;

/** What the browser was handed: each download's file name, its Blob and whether its URL was revoked. */
interface Download {
  fileName: string;
  blob: Blob;
  url: string;
}

let downloads: Download[];
let revoked: string[];

beforeEach(() => {
  downloads = [];
  revoked = [];
  const blobs = new Map<string, Blob>();
  let next = 0;
  // jsdom has no object URLs and does not download: record what the part hands the browser.
  Object.defineProperty(URL, 'createObjectURL', {
    configurable: true,
    value: (blob: Blob) => {
      const url = `blob:roster-test/${next++}`;
      blobs.set(url, blob);
      return url;
    },
  });
  Object.defineProperty(URL, 'revokeObjectURL', {
    configurable: true,
    value: (url: string) => revoked.push(url),
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (blob) downloads.push({ fileName: this.download, blob, url: this.href });
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  Reflect.deleteProperty(URL, 'createObjectURL');
  Reflect.deleteProperty(URL, 'revokeObjectURL');
});

function seededClient(): MemoryClient {
  return createMemoryClient(createDemoSeed({ members: MEMBERS }));
}

/** The downloaded file's records (the demo data holds no quoted fields), header first. */
async function downloadedRows(download: Download | undefined): Promise<string[][]> {
  if (!download) throw new Error('nothing was downloaded');
  const text = await download.blob.text();
  expect(text.endsWith('\r\n')).toBe(true);
  return text
    .slice(0, -2)
    .split('\r\n')
    .map((line) => line.split(','));
}

const exportRequests = (client: MemoryClient) =>
  client.requests.filter(
    (r) => r.method === 'listMemberships' && (r.params as { limit?: number }).limit === 500,
  );

describe('given the panel on an organization of 1,240 members', () => {
  it('when the admin filters by role and clicks Export CSV, the file holds exactly the filtered members', async () => {
    const user = userEvent.setup();
    const client = seededClient();
    renderWithRoster(<OrganizationMembersPanel organizationId={ACME} />, { client });
    await screen.findByRole('table', { name: /Members of Acme/ });
    await user.click(screen.getByRole('combobox', { name: 'Filter by role' }));
    await user.click(await screen.findByRole('option', { name: 'Member' }));
    const { totalCount } = await client.listMemberships({
      organizationId: ACME,
      role: ['org:member'],
      limit: 1,
    });
    await waitFor(() => expect(screen.getByText(new RegExp(`of ${totalCount}$`))).toBeInTheDocument());

    await user.click(await screen.findByRole('button', { name: 'Export CSV' }));

    await waitFor(() => expect(downloads).toHaveLength(1));
    const rows = await downloadedRows(downloads[0]);
    expect(rows[0]).toEqual([
      'User ID',
      'First name',
      'Last name',
      'Email',
      'Role key',
      'Role name',
      'Joined',
    ]);
    expect(rows).toHaveLength(totalCount + 1);
    expect(rows.slice(1).every((row) => row[4] === 'org:member')).toBe(true);
    expect(downloads[0]?.fileName).toMatch(/^members-acme-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(
      await screen.findByText(`Exported ${totalCount.toLocaleString('en-US')} members`),
    ).toBeInTheDocument();
    await waitFor(() => expect(revoked).toEqual([downloads[0]?.url]));
    expect(exportRequests(client).length).toBe(Math.ceil(totalCount / 500));
  });

  it('when the view is searched, the file holds exactly the members the search finds', async () => {
    const user = userEvent.setup();
    const client = seededClient();
    renderWithRoster(<OrganizationMembersPanel organizationId={ACME} searchDebounceMs={0} />, { client });
    await screen.findByRole('table', { name: /Members of Acme/ });
    await user.type(screen.getByRole('searchbox', { name: 'Search members' }), 'smith');
    const { data, totalCount } = await client.listMemberships({
      organizationId: ACME,
      query: 'smith',
      limit: 500,
    });
    await waitFor(() => expect(screen.getByText(new RegExp(`of ${totalCount}$`))).toBeInTheDocument());

    await user.click(screen.getByRole('button', { name: 'Export CSV' }));

    await waitFor(() => expect(downloads).toHaveLength(1));
    const ids = (await downloadedRows(downloads[0])).slice(1).map((row) => row[0]);
    expect(ids).toEqual(data.map((m) => m.publicUserData?.userId));
  });

  it('when the admin cancels a running export, no more pages are fetched, nothing is downloaded and focus stays', async () => {
    const user = userEvent.setup();
    const client = seededClient();
    renderWithRoster(<OrganizationMembersPanel organizationId={ACME} />, { client });
    await screen.findByRole('table', { name: /Members of Acme/ });
    const exportButton = await screen.findByRole('button', { name: 'Export CSV' });
    // Hold the second page: the first answers, the second waits until the test is done with it.
    client.setLatency(0);
    const original = client.listMemberships.bind(client);
    let releaseSecondPage: () => void = () => {};
    vi.spyOn(client, 'listMemberships').mockImplementation(async (params, options) => {
      if (params.limit === 500 && params.offset === 500) {
        await new Promise<void>((resolve) => {
          releaseSecondPage = resolve;
        });
      }
      return original(params, options);
    });

    await user.click(exportButton);
    expect(
      await screen.findByText(`Exporting… 500 of ${MEMBERS.toLocaleString('en-US')}`),
    ).toBeInTheDocument();
    expect(exportButton).toHaveAttribute('aria-disabled', 'true');
    const cancel = screen.getByRole('button', { name: 'Cancel export' });
    await user.click(cancel);
    releaseSecondPage();

    expect(await screen.findByText('Export cancelled')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cancel export' })).not.toBeInTheDocument();
    expect(exportButton).toHaveFocus();
    expect(exportButton).not.toHaveAttribute('aria-disabled');
    expect(exportRequests(client)).toHaveLength(2);
    expect(downloads).toHaveLength(0);
  });

  it('when a page fails, the error is shown as an alert and the button tries again', async () => {
    const user = userEvent.setup();
    const client = seededClient();
    renderWithRoster(<OrganizationMembersPanel organizationId={ACME} />, { client });
    await screen.findByRole('table', { name: /Members of Acme/ });
    const exportButton = await screen.findByRole('button', { name: 'Export CSV' });
    client.failNext('listMemberships');

    await user.click(exportButton);

    expect(await screen.findByRole('alert')).toHaveTextContent(/^Could not export members: /);
    expect(downloads).toHaveLength(0);
    await user.click(exportButton);
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(await downloadedRows(downloads[0])).toHaveLength(MEMBERS + 1);
  });
});

describe('given the export button as a part of a composed member list', () => {
  it('when it is inside MemberList.Root with metadata columns, the file has them and follows the Root’s view', async () => {
    const user = userEvent.setup();
    const client = createMemoryClient(createDemoSeed());
    renderWithRoster(
      <MemberList.Root organizationId={ACME} defaultRoleFilter="org:admin">
        <MemberList.Table />
        <MemberListExportButton
          metadataColumns={[{ key: 'department', label: 'Department' }]}
          fileName={({ organization }) => `${organization}-admins.csv`}
        />
      </MemberList.Root>,
      { client },
    );
    const table = await screen.findByRole('table', { name: /Members of Acme/ });
    await waitFor(() => expect(within(table).getAllByRole('row').length).toBeGreaterThan(1));
    const admins = client
      .snapshot()
      .memberships.filter((m) => m.organization.id === ACME && m.role === 'org:admin');

    await user.click(screen.getByRole('button', { name: 'Export CSV' }));

    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]?.fileName).toBe('acme-admins.csv');
    const rows = await downloadedRows(downloads[0]);
    expect(rows[0]?.at(-1)).toBe('Department');
    expect(new Set(rows.slice(1).map((row) => row[0]))).toEqual(
      new Set(admins.map((m) => m.publicUserData?.userId)),
    );
    const alice = rows.find((row) => row[0] === DEMO_IDS.adminUserId);
    expect(alice?.at(-1)).toBe(
      String(
        admins.find((m) => m.publicUserData?.userId === DEMO_IDS.adminUserId)?.publicMetadata.department ??
          '',
      ),
    );
  });
});

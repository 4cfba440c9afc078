// The scenes `row-cost.mjs` measures (bundled by it with React's production build, run in jsdom):
// the member list on the in-memory client, and two baselines in the same process, a table of
// memoized rows with a native <select> each and the same with a bare Radix Select each.
import * as Select from '@radix-ui/react-select';
import { createDemoSeed, createMemoryClient, DEMO_IDS } from '@roster/core/testing';
import { RosterProvider } from '@roster/react';
import { memo, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { MemberList } from '../src/member-list';
import { useMemberListContext } from '../src/member-list-context';
import type { UseMemberListResult } from '../src/use-member-list';

/** A mounted scene: what the runner drives and measures. */
export interface Scene {
  container: HTMLElement;
  /** Changes the role of the member shown on row `index` (the way a pick in its select does). */
  changeRole: (index: number) => void;
  /** Shows page 2 (`true`) or page 1. */
  showPage: (second: boolean) => void;
  unmount: () => void;
}

export interface BenchRow {
  id: string;
  name: string;
  email: string;
  role: string;
  createdAt: number;
}

const ROLES = [
  { key: 'org:admin', name: 'Admin' },
  { key: 'org:member', name: 'Member' },
  { key: 'org:billing_manager', name: 'Billing manager' },
];

const format = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' });

function mount(element: React.ReactNode): { container: HTMLElement; root: Root } {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  root.render(element);
  return { container, root };
}

function unmounter(container: HTMLElement, root: Root) {
  return () => {
    root.unmount();
    container.remove();
  };
}

/** The mounted member list's state and actions (one list at a time). */
let list: UseMemberListResult | null = null;
function Probe() {
  list = useMemberListContext();
  return null;
}

/** The member list (toolbar, table, pagination, dialog) on one page of `rows` members. */
export function mountRoster(rows: number): Scene {
  const client = createMemoryClient(createDemoSeed({ members: rows * 2 + 5 }));
  const { container, root } = mount(
    <RosterProvider client={client} viewer={{ userId: DEMO_IDS.adminUserId }} locale="en-US">
      <MemberList.Root
        organizationId={DEMO_IDS.organizationId}
        defaultPageSize={rows}
        pageSizeOptions={[10, rows]}
        defaultOrderBy="+created_at"
      >
        <MemberList.Toolbar />
        <MemberList.Table />
        <MemberList.Pagination />
        <MemberList.RemoveDialog />
        <Probe />
      </MemberList.Root>
    </RosterProvider>,
  );
  return {
    container,
    changeRole(index) {
      // Members and billing managers only: an admin's change also re-renders the other admin rows.
      const member = list?.members.filter((m) => m.role !== 'org:admin')[index];
      if (!list || !member) throw new Error(`no member on row ${index}`);
      list.changeRole(member, member.role === 'org:member' ? 'org:billing_manager' : 'org:member');
    },
    showPage(second) {
      list?.setPage(second ? 2 : 1);
    },
    unmount: unmounter(container, root),
  };
}

const NativeRow = memo(function NativeRow({
  row,
  onRole,
}: {
  row: BenchRow;
  onRole: (id: string, role: string) => void;
}) {
  return (
    <tr data-role={row.role}>
      <td>
        <span>{row.name.slice(0, 1)}</span>
      </td>
      <td>{row.name}</td>
      <td>{row.email}</td>
      <td>
        <select
          aria-label={`Role for ${row.name}`}
          value={row.role}
          onChange={(e) => onRole(row.id, e.target.value)}
        >
          {ROLES.map((role) => (
            <option key={role.key} value={role.key}>
              {role.name}
            </option>
          ))}
        </select>
      </td>
      <td>{format.format(row.createdAt)}</td>
      <td>
        <button type="button">Remove</button>
      </td>
    </tr>
  );
});

const RadixRow = memo(function RadixRow({
  row,
  onRole,
}: {
  row: BenchRow;
  onRole: (id: string, role: string) => void;
}) {
  return (
    <tr data-role={row.role}>
      <td>
        <span>{row.name.slice(0, 1)}</span>
      </td>
      <td>{row.name}</td>
      <td>{row.email}</td>
      <td>
        <Select.Root value={row.role} onValueChange={(role) => onRole(row.id, role)}>
          <Select.Trigger aria-label={`Role for ${row.name}`}>
            <Select.Value />
            <Select.Icon />
          </Select.Trigger>
          <Select.Portal>
            <Select.Content position="popper">
              <Select.Viewport>
                {ROLES.map((role) => (
                  <Select.Item key={role.key} value={role.key}>
                    <Select.ItemText>{role.name}</Select.ItemText>
                  </Select.Item>
                ))}
              </Select.Viewport>
            </Select.Content>
          </Select.Portal>
        </Select.Root>
      </td>
      <td>{format.format(row.createdAt)}</td>
      <td>
        <button type="button">Remove</button>
      </td>
    </tr>
  );
});

function benchRows(count: number, offset: number): BenchRow[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `m${offset + index}`,
    name: `Member ${offset + index}`,
    email: `member${offset + index}@example.com`,
    role: 'org:member',
    createdAt: Date.UTC(2024, 0, 1) + (offset + index) * 86_400_000,
  }));
}

interface BaselineControls {
  change: (index: number) => void;
  page: (second: boolean) => void;
}

const ignoreRole = (_id: string, _role: string) => {};

function BaselineTable({
  pages,
  kind,
  controls,
}: {
  pages: BenchRow[][];
  kind: 'native' | 'radix';
  controls: BaselineControls;
}) {
  const Row = kind === 'native' ? NativeRow : RadixRow;
  const [second, setSecond] = useState(false);
  const [members, setMembers] = useState(pages);
  const shown = members[second ? 1 : 0] ?? [];
  controls.change = (index) => {
    const row = shown[index];
    if (!row) return;
    const role = row.role === 'org:member' ? 'org:billing_manager' : 'org:member';
    setMembers((all) =>
      all.map((page) => page.map((item) => (item.id === row.id ? { ...item, role } : item))),
    );
  };
  controls.page = setSecond;
  return (
    <table>
      <tbody>
        {shown.map((row) => (
          <Row key={row.id} row={row} onRole={ignoreRole} />
        ))}
      </tbody>
    </table>
  );
}

/** A plain table of memoized rows: `native` selects, or a bare Radix Select per row. */
export function mountBaseline(rows: number, kind: 'native' | 'radix'): Scene {
  const controls: BaselineControls = { change: () => {}, page: () => {} };
  const { container, root } = mount(
    <BaselineTable pages={[benchRows(rows, 0), benchRows(rows, rows)]} kind={kind} controls={controls} />,
  );
  return {
    container,
    changeRole: (index) => controls.change(index),
    showPage: (second) => controls.page(second),
    unmount: unmounter(container, root),
  };
}

// The two baselines of every timing: a table of memoized rows with a native <select> each
// (PlainTable), and the same table with a bare Radix Select each and a Radix Dialog to confirm a
// removal (RadixTable). Same data, same accessible names and the same paging as Roster's MemberList.
import * as Dialog from '@radix-ui/react-dialog';
import * as Select from '@radix-ui/react-select';
import { createElement as h, memo, useCallback, useState } from 'react';
import { BENCH_ROLES } from './bench-data.mjs';

function NativeRoleCell({ member, onRoleChange }) {
  return h(
    'select',
    {
      'aria-label': `Role for ${member.name}`,
      value: member.role,
      onChange: (event) => onRoleChange(member.id, event.target.value),
    },
    BENCH_ROLES.map((role) => h('option', { key: role.key, value: role.key }, role.name)),
  );
}

function RadixRoleCell({ member, onRoleChange }) {
  return h(
    Select.Root,
    { value: member.role, onValueChange: (value) => onRoleChange(member.id, value) },
    h(Select.Trigger, { 'aria-label': `Role for ${member.name}` }, h(Select.Value)),
    h(
      Select.Portal,
      null,
      h(
        Select.Content,
        { position: 'popper' },
        h(
          Select.Viewport,
          null,
          BENCH_ROLES.map((role) =>
            h(Select.Item, { key: role.key, value: role.key }, h(Select.ItemText, null, role.name)),
          ),
        ),
      ),
    ),
  );
}

function makeRow(RoleCell) {
  return memo(function BaselineRow({ member, onRoleChange, onRemoveRequest }) {
    return h(
      'tr',
      { 'data-member-id': member.id, 'data-role': member.role },
      h('td', null, member.name),
      h('td', null, member.identifier),
      h('td', null, h(RoleCell, { member, onRoleChange })),
      h(
        'td',
        null,
        h(
          'button',
          {
            type: 'button',
            'aria-label': `Remove ${member.name}`,
            onClick: () => onRemoveRequest(member.id),
          },
          'Remove',
        ),
      ),
    );
  });
}

function NativeConfirm({ member, onConfirm, onCancel }) {
  if (!member) return null;
  return h(
    'div',
    { role: 'alertdialog', 'aria-label': 'Remove member' },
    h('p', null, `Remove ${member.name}?`),
    h('button', { type: 'button', onClick: onCancel }, 'Cancel'),
    h('button', { type: 'button', onClick: onConfirm }, 'Remove'),
  );
}

function RadixConfirm({ member, onConfirm, onCancel }) {
  return h(
    Dialog.Root,
    { open: member !== null, onOpenChange: (open) => !open && onCancel() },
    h(
      Dialog.Portal,
      null,
      h(Dialog.Overlay),
      h(
        Dialog.Content,
        { role: 'alertdialog', 'aria-describedby': undefined },
        h(Dialog.Title, null, 'Remove member'),
        h('p', null, member ? `Remove ${member.name}?` : ''),
        h(Dialog.Close, { type: 'button' }, 'Cancel'),
        h('button', { type: 'button', onClick: onConfirm }, 'Remove'),
      ),
    ),
  );
}

function makeTable(Row, Confirm, label) {
  return function BaselineTable({ members: initial, pageSize }) {
    const [members, setMembers] = useState(initial);
    const [page, setPage] = useState(1);
    const [removing, setRemoving] = useState(null);
    const onRoleChange = useCallback((id, role) => {
      setMembers((list) => list.map((m) => (m.id === id ? { ...m, role } : m)));
    }, []);
    const onRemoveRequest = useCallback((id) => setRemoving(id), []);
    const pageCount = Math.max(1, Math.ceil(members.length / pageSize));
    const shown = members.slice((page - 1) * pageSize, page * pageSize);
    const target = removing === null ? null : (members.find((m) => m.id === removing) ?? null);
    const confirm = () => {
      setMembers((list) => list.filter((m) => m.id !== removing));
      setRemoving(null);
    };
    const from = (page - 1) * pageSize + 1;
    return h(
      'div',
      { 'data-variant': label },
      h(
        'table',
        { 'aria-label': 'Members' },
        h(
          'tbody',
          null,
          shown.map((member) => h(Row, { key: member.id, member, onRoleChange, onRemoveRequest })),
        ),
      ),
      h(
        'nav',
        { 'aria-label': 'Pagination' },
        h('span', null, `${from}–${from + shown.length - 1} of ${members.length}`),
        h(
          'button',
          { type: 'button', disabled: page <= 1, onClick: () => setPage((p) => p - 1) },
          'Previous page',
        ),
        h(
          'button',
          { type: 'button', disabled: page >= pageCount, onClick: () => setPage((p) => p + 1) },
          'Next page',
        ),
      ),
      h(Confirm, { member: target, onConfirm: confirm, onCancel: () => setRemoving(null) }),
    );
  };
}

/** Memoized rows, a native <select> each, an inline confirm for removals. */
export const PlainTable = makeTable(makeRow(NativeRoleCell), NativeConfirm, 'native');

/** Memoized rows, a bare Radix Select each, a Radix Dialog for removals. */
export const RadixTable = makeTable(makeRow(RadixRoleCell), RadixConfirm, 'radix');

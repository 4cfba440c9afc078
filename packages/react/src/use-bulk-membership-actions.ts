import type {
  BulkMembershipAction,
  BulkMembershipOptions,
  BulkMembershipResult,
  Metadata,
  OrganizationMembership,
  UndoHandle,
} from '@roster/core';
import { bulkChangeMembershipRole, bulkRemoveMemberships } from '@roster/core';
import { useCallback, useRef, useState, useSyncExternalStore } from 'react';
import { useRosterContext } from './roster-context';
import { useMembershipPermissions } from './use-membership-permissions';
import { useOrganizationRoles } from './use-organization-roles';

type Member = OrganizationMembership<Metadata, Metadata>;

/** Options of {@link useBulkMembershipActions}. */
export interface UseBulkMembershipActionsOptions {
  /**
   * Opt-in undo: every action opens an undo window of this many milliseconds (e.g. 5000), and
   * removals are deferred until it ends (undo sends nothing). Omitted or 0: no undo, sent at once.
   */
  undoWindowMs?: number | undefined;
  /** At most this many requests in flight at once. Default 4. */
  concurrency?: number | undefined;
  /** Called with the outcome once every write of an action settled (e.g. to announce failures). */
  onSettled?: ((result: BulkMembershipResult) => void) | undefined;
}

/** What {@link useBulkMembershipActions} returns. */
export interface UseBulkMembershipActionsResult {
  /** Changes the role of these members (one member is a single undoable change). */
  changeRole: (memberships: readonly Member[], role: string) => BulkMembershipAction;
  /** Removes these members (deferred while the undo window is open, with `undoWindowMs`). */
  remove: (memberships: readonly Member[]) => BulkMembershipAction;
  /** At least one action is waiting for the server (or for its undo window to end). */
  isMutating: boolean;
  /** The undo handle of the latest action while its window is open or paused, else `null`. */
  undo: UndoHandle<BulkMembershipResult> | null;
}

const noop = () => () => {};

/**
 * Bulk role change and removal over core's bulk commands: each member's change is optimistic and
 * goes through the same per-member order as single changes; the policy (from
 * `useMembershipPermissions`) skips the viewer and the last admin, with the reason per member.
 */
export function useBulkMembershipActions(
  organizationId: string,
  options: UseBulkMembershipActionsOptions = {},
): UseBulkMembershipActionsResult {
  const { cache } = useRosterContext('useBulkMembershipActions');
  const { viewer, adminCount } = useMembershipPermissions(organizationId);
  const roles = useOrganizationRoles().data;
  const latest = useRef({ viewer, adminCount, roles, options });
  latest.current = { viewer, adminCount, roles, options };
  const [pending, setPending] = useState(0);
  const [lastUndo, setLastUndo] = useState<UndoHandle<BulkMembershipResult> | null>(null);

  const start = useCallback(
    (run: (bulk: BulkMembershipOptions) => BulkMembershipAction, memberships: readonly Member[]) => {
      const { options: given, ...policy } = latest.current;
      const { concurrency, undoWindowMs } = given;
      const action = run({ organizationId, memberships, ...policy, concurrency, undoWindowMs });
      setPending((n) => n + 1);
      setLastUndo(action.undo);
      void action.settled.then((result) => {
        setPending((n) => n - 1);
        latest.current.options.onSettled?.(result);
      });
      return action;
    },
    [organizationId],
  );
  const changeRole = useCallback(
    (memberships: readonly Member[], role: string) =>
      start((bulk) => bulkChangeMembershipRole(cache, { ...bulk, role }), memberships),
    [cache, start],
  );
  const remove = useCallback(
    (memberships: readonly Member[]) => start((bulk) => bulkRemoveMemberships(cache, bulk), memberships),
    [cache, start],
  );
  const state = useSyncExternalStore(
    lastUndo?.subscribe ?? noop,
    () => lastUndo?.state,
    () => lastUndo?.state,
  );
  const open = state === 'open' || state === 'paused';
  return { changeRole, remove, isMutating: pending > 0, undo: open ? lastUndo : null };
}

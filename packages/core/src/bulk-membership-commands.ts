import { createDeferredGate, isMembershipChangeUndone, trackDeferredRemoval } from './deferred-removal';
import type { MembershipCache, MembershipCommandOptions } from './membership-cache-api';
import { changeMembershipRole, removeMembership } from './membership-commands';
import type { Metadata, OrganizationMembership, Role } from './models';
import { membershipUserId } from './optimistic-overlay';
import type { PolicyReason, PolicyViewer } from './permission-policy';
import { getMembershipPermissions, isAdminRole, isMembershipAdmin } from './permission-policy';
import { createRequestLimiter } from './request-limiter';
import type { UndoHandle } from './undo-window';
import { createUndoWindow } from './undo-window';

type AnyMembership = OrganizationMembership<Metadata, Metadata>;

/** Why a bulk action left a member out: a policy reason, or `unchanged` (the member has the role already). */
export type BulkSkipReason = PolicyReason | 'unchanged';

/** What a bulk action did, member by member. */
export interface BulkMembershipResult<TMembership = AnyMembership> {
  /** The server's memberships of the changes it confirmed (for a removal undo: the members restored). */
  succeeded: TMembership[];
  /** The changes the server refused: each one was reverted (only its own change). */
  failed: { userId: string; error: unknown }[];
  /** The members left out by the policy, with the reason; nothing was sent for them. */
  skipped: { userId: string; reason: BulkSkipReason }[];
  /** The members whose deferred change was undone before it was sent (nothing was sent). */
  undone: string[];
}

/** A bulk action under way: the policy's answer at once, the outcome once every write settled. */
export interface BulkMembershipAction<TMembership = AnyMembership> {
  /** The members left out by the policy (also in `settled`'s result). */
  skipped: BulkMembershipResult['skipped'];
  /** Resolves, never rejects, when every write settled (a deferred removal: after its window). */
  settled: Promise<BulkMembershipResult<TMembership>>;
  /** The undo handle (one for every member), or `null` without `undoWindowMs`. */
  undo: UndoHandle<BulkMembershipResult<TMembership>> | null;
}

/** What the bulk commands decide and send with. */
export interface BulkMembershipOptions {
  /** The organization the members belong to. */
  organizationId: string;
  /** The members to act on, as shown (their role, permissions and user). */
  memberships: readonly AnyMembership[];
  /** The viewer as the policy sees them; `null` skips everyone with `not-permitted`. */
  viewer: PolicyViewer | null;
  /**
   * The organization's admin count, when known: members are taken in order and the count goes down
   * with each admin removed or demoted, so a bulk action never leaves the organization without one.
   */
  adminCount?: number | undefined;
  /** The organization's roles (for role names and the last-admin rule). */
  roles?: readonly Role[] | undefined;
  /** At most this many requests in flight at once. Default 4. */
  concurrency?: number | undefined;
  /**
   * Opens an undo window of this many milliseconds (paused time not counted). For a removal the
   * DELETEs are deferred until it ends: undo sends nothing. Omitted or 0: no undo, sent at once.
   */
  undoWindowMs?: number | undefined;
}

function userIdOf(membership: AnyMembership): string {
  return membershipUserId(membership) ?? '';
}

/** The members the policy allows, in order, and the skipped ones with their reasons. */
function decide(options: BulkMembershipOptions, nextRole: string | undefined) {
  const { viewer, roles } = options;
  let adminCount = options.adminCount;
  const allowed: AnyMembership[] = [];
  const skipped: BulkMembershipResult['skipped'] = [];
  const seen = new Set<string>();
  for (const target of options.memberships) {
    const userId = userIdOf(target);
    if (seen.has(userId)) continue;
    seen.add(userId);
    const permissions = getMembershipPermissions({
      viewer,
      target,
      ...(adminCount !== undefined ? { adminCount } : {}),
      ...(roles !== undefined ? { roles } : {}),
      ...(nextRole !== undefined ? { nextRole } : {}),
    });
    const reason = nextRole === undefined ? permissions.reasons.remove : permissions.reasons.changeRole;
    if (reason !== null) skipped.push({ userId, reason });
    else if (nextRole !== undefined && target.role === nextRole)
      skipped.push({ userId, reason: 'unchanged' });
    else {
      allowed.push(target);
      const next = nextRole === undefined ? undefined : roles?.find((role) => role.key === nextRole);
      const losesAdmin = nextRole === undefined || (next !== undefined && !isAdminRole(next));
      if (adminCount !== undefined && isMembershipAdmin(target) && losesAdmin) adminCount -= 1;
    }
  }
  return { allowed, skipped };
}

/** Collects the outcome of each member's write. */
async function collect(
  writes: { userId: string; promise: Promise<AnyMembership> }[],
  skipped: BulkMembershipResult['skipped'],
): Promise<BulkMembershipResult> {
  const result: BulkMembershipResult = { succeeded: [], failed: [], skipped, undone: [] };
  const outcomes = await Promise.allSettled(writes.map((write) => write.promise));
  outcomes.forEach((outcome, i) => {
    const userId = writes[i]?.userId ?? '';
    if (outcome.status === 'fulfilled') result.succeeded.push(outcome.value);
    else if (isMembershipChangeUndone(outcome.reason)) result.undone.push(userId);
    else result.failed.push({ userId, error: outcome.reason });
  });
  return result;
}

/**
 * Changes the role of several members, each through {@link changeMembershipRole}: optimistic at
 * once, sent after that member's earlier writes (the same per-member order as single changes), at
 * most `concurrency` requests at a time. Members the policy denies (the viewer, the last admin, an
 * unknown role) and those who have the role already are skipped. A refused write reverts that
 * member only. With `undoWindowMs`, undo changes every member back to the role they had, through
 * the same order (queued behind the change when it is still in flight).
 */
export function bulkChangeMembershipRole(
  cache: MembershipCache,
  options: BulkMembershipOptions & { role: string },
  commandOptions?: MembershipCommandOptions,
): BulkMembershipAction {
  const { organizationId, role, roles } = options;
  const { allowed, skipped } = decide(options, role);
  const limit = createRequestLimiter(options.concurrency);
  const schedule: MembershipCommandOptions['schedule'] = (send) => limit(() => send());
  const failed = new Set<string>();
  const writes = allowed.map((target) => {
    const userId = userIdOf(target);
    const promise = changeMembershipRole(cache, { organizationId, userId, role }, roles, {
      ...commandOptions,
      schedule,
    });
    promise.catch(() => failed.add(userId));
    return { userId, promise };
  });
  const settled = collect(writes, skipped);
  const undo =
    options.undoWindowMs && allowed.length > 0
      ? createUndoWindow({
          windowMs: options.undoWindowMs,
          onUndo: () => {
            const reverts = allowed
              .filter((target) => !failed.has(userIdOf(target)))
              .map((target) => {
                const userId = userIdOf(target);
                const params = { organizationId, userId, role: target.role };
                return { userId, promise: changeMembershipRole(cache, params, roles, { schedule }) };
              });
            return collect(reverts, []);
          },
        })
      : null;
  return { skipped, settled, undo };
}

/**
 * Removes several members, each through {@link removeMembership}: they leave every view and counts
 * go down at once; requests follow each member's earlier writes, at most `concurrency` at a time.
 * The viewer and the last admin are skipped. A refused removal brings that member back.
 *
 * With `undoWindowMs`, the DELETEs are deferred until the window ends: undo drops them (nothing is
 * sent) and the members are back exactly as they were; the end sends them through the normal path.
 * {@link flushDeferredRemovals} ends the window at once and sends them with `keepalive`.
 */
export function bulkRemoveMemberships(
  cache: MembershipCache,
  options: BulkMembershipOptions,
  commandOptions?: MembershipCommandOptions,
): BulkMembershipAction {
  const { organizationId } = options;
  const { allowed, skipped } = decide(options, undefined);
  const limit = createRequestLimiter(options.concurrency);
  const deferred = options.undoWindowMs && allowed.length > 0 ? createDeferredGate(limit) : null;
  const schedule: MembershipCommandOptions['schedule'] =
    deferred?.schedule ?? ((send) => limit(() => send()));
  const writes = allowed.map((target) => {
    const userId = userIdOf(target);
    const promise = removeMembership(cache, { organizationId, userId }, { ...commandOptions, schedule });
    return { userId, promise };
  });
  const settled = collect(writes, skipped);
  if (!deferred || !options.undoWindowMs) return { skipped, settled, undo: null };
  const undo = createUndoWindow<BulkMembershipResult>({
    windowMs: options.undoWindowMs,
    onUndo: async () => {
      deferred.cancel();
      await settled;
      return { succeeded: [...allowed], failed: [], skipped: [], undone: [] };
    },
    onCommit: (requestOptions) => deferred.open(requestOptions),
  });
  trackDeferredRemoval(cache, undo as UndoHandle<unknown>);
  return { skipped, settled, undo };
}

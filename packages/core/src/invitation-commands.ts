/**
 * The invitation commands: each builds the optimistic operations, sends the request(s) and settles
 * them through an {@link InvitationCache}. `@roster/react`'s invitation hooks are thin wrappers.
 */
import type { InvitationInput, MembershipsClient } from './client';
import { RosterApiError } from './errors';
import type { InvitationCache } from './invitation-cache';
import type { PendingInvitationCreation, PendingInvitationRevocation } from './invitation-overlay';
import {
  DEFAULT_INVITATION_EXPIRY_DAYS,
  invitationExpiresAt,
  MAX_BULK_INVITATIONS,
} from './invitation-rules';
import type { Metadata, OrganizationInvitation, Role } from './models';

type AnyInvitation = OrganizationInvitation<Metadata, Metadata>;
type AnyClient = MembershipsClient<Metadata, Metadata>;

/** What {@link inviteMembers} takes. */
export interface InviteMembersParams {
  organizationId: string;
  /** The addresses to invite (one invitation each). */
  emailAddresses: readonly string[];
  /** The role key every invitee gets on accepting, e.g. `org:member`. */
  role: string;
  /** Copied to each membership on acceptance. */
  publicMetadata?: Metadata | undefined;
  /** Where each invitee lands after accepting. */
  redirectUrl?: string | undefined;
  /** 1..365; default 30. */
  expiresInDays?: number | undefined;
}

/** What {@link inviteMembers} resolves to: who was invited, and who was not and why. */
export interface InviteMembersResult<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
> {
  /** The server's invitations, in the order of the addresses sent. */
  invited: OrganizationInvitation<TPublic, TPrivate>[];
  /** The addresses the server refused, each with its error (`already_a_member_in_organization`, ...). */
  failed: { emailAddress: string; error: RosterApiError }[];
}

function method<
  K extends
    | 'listInvitations'
    | 'createInvitations'
    | 'createInvitation'
    | 'revokeInvitation'
    | 'getInvitation',
>(client: AnyClient, name: K): NonNullable<AnyClient[K]> {
  const fn = client[name];
  if (typeof fn !== 'function') throw new TypeError(`The Roster client does not implement ${name}.`);
  return fn.bind(client) as NonNullable<AnyClient[K]>;
}

/** The item a bulk refusal names (`meta.index`), when it names one within `length`. */
export function refusedBulkIndex(error: unknown, length: number): number | undefined {
  if (!(error instanceof RosterApiError)) return undefined;
  const index = error.errors[0]?.meta?.index;
  return typeof index === 'number' && Number.isInteger(index) && index >= 0 && index < length
    ? index
    : undefined;
}

/** The invitation shown until the server answers: a temporary ID, pending, the address lowercased. */
function placeholder(
  cache: InvitationCache,
  input: {
    organizationId: string;
    emailAddress: string;
    role: string;
    publicMetadata?: Metadata | undefined;
  },
  expiresInDays: number | undefined,
  roles: readonly Role[] | undefined,
): PendingInvitationCreation {
  const id = cache.nextOperationId();
  const now = Date.now();
  const invitation: AnyInvitation = {
    object: 'organization_invitation',
    id: `orginv_optimistic_${id}`,
    emailAddress: input.emailAddress.trim().toLowerCase(),
    role: input.role,
    roleName: roles?.find((r) => r.key === input.role)?.name ?? input.role,
    organizationId: input.organizationId,
    status: 'pending',
    publicMetadata: input.publicMetadata ?? {},
    url: null,
    expiresAt: invitationExpiresAt(now, expiresInDays ?? DEFAULT_INVITATION_EXPIRY_DAYS),
    inviterId: null,
    publicInviterData: null,
    createdAt: now,
    updatedAt: now,
  };
  return { kind: 'invitation-creation', id, organizationId: input.organizationId, invitation };
}

/**
 * Invites many addresses, optimistically: a pending placeholder per address shows in pending views
 * at once (counts up). Sent in bulk calls of at most {@link MAX_BULK_INVITATIONS}; a bulk call is
 * all or nothing upstream, so when one is refused for one item (`meta.index`), that address goes to
 * `failed` (its placeholder leaves) and the rest is sent again, at most once per address. Rejects
 * only when nothing was sent for a reason that is not one address's (network, permission, quota);
 * after something was sent, such an error lands on every address still unsent.
 */
export async function inviteMembers(
  cache: InvitationCache,
  params: InviteMembersParams,
  roles?: readonly Role[],
): Promise<InviteMembersResult> {
  const send = method(cache.client, 'createInvitations');
  const { organizationId, emailAddresses, role, publicMetadata, redirectUrl, expiresInDays } = params;
  const items = emailAddresses.map((emailAddress) => {
    const input: InvitationInput = { emailAddress: emailAddress.trim(), role };
    if (publicMetadata !== undefined) input.publicMetadata = publicMetadata;
    if (redirectUrl !== undefined) input.redirectUrl = redirectUrl;
    if (expiresInDays !== undefined) input.expiresInDays = expiresInDays;
    const shown = { organizationId, emailAddress: input.emailAddress, role, publicMetadata };
    const operation = placeholder(cache, shown, expiresInDays, roles);
    return { input, operation };
  });
  cache.begin(items.map((item) => item.operation));
  const result: InviteMembersResult = { invited: [], failed: [] };
  for (let start = 0; start < items.length; start += MAX_BULK_INVITATIONS) {
    let batch = items.slice(start, start + MAX_BULK_INVITATIONS);
    // Each retry drops one address, so at most one attempt per address in the batch.
    for (let attempt = 0; batch.length > 0 && attempt < MAX_BULK_INVITATIONS; attempt += 1) {
      try {
        const created = await send({ organizationId, invitations: batch.map((item) => item.input) });
        const confirmed = created.data.map((invitation) => ({ kind: 'creation' as const, invitation }));
        cache.settle(
          organizationId,
          batch.map((item) => item.operation),
          confirmed,
        );
        result.invited.push(...created.data);
        batch = [];
      } catch (error) {
        const index = refusedBulkIndex(error, batch.length);
        const later = items.slice(start + MAX_BULK_INVITATIONS);
        const unsent = index === undefined ? [...batch, ...later] : batch.filter((_, at) => at === index);
        if (index === undefined && result.invited.length === 0 && result.failed.length === 0) {
          cache.fail(items.map((item) => item.operation));
          throw error;
        }
        cache.fail(unsent.map((item) => item.operation));
        for (const item of unsent) {
          result.failed.push({ emailAddress: item.input.emailAddress, error: error as RosterApiError });
        }
        if (index === undefined) return result;
        batch = batch.filter((_, at) => at !== index);
      }
    }
  }
  return result;
}

/** A revocation, optimistic: the invitation leaves pending views (counts down) at once. */
export async function revokeInvitation(
  cache: InvitationCache,
  params: { organizationId: string; invitationId: string },
): Promise<AnyInvitation> {
  const revoke = method(cache.client, 'revokeInvitation');
  const operation: PendingInvitationRevocation = {
    kind: 'invitation-revocation',
    id: cache.nextOperationId(),
    ...params,
  };
  cache.begin([operation]);
  try {
    const invitation = await revoke(params);
    cache.settle(params.organizationId, [operation], [{ kind: 'revocation', invitation }]);
    return invitation;
  } catch (error) {
    cache.fail([operation]);
    throw error;
  }
}

/**
 * Resend: revokes the invitation and invites the same address again with the same role and public
 * metadata, as one optimistic action: the new invitation takes the old one's place in every
 * pending view at once. The old one is read from the cache (or fetched with `getInvitation`). When
 * the revocation fails, nothing changed; when the new invitation is refused after the revocation
 * went through, the revocation stays (it happened) and the promise rejects with the refusal.
 */
export async function resendInvitation(
  cache: InvitationCache,
  params: { organizationId: string; invitationId: string },
  roles?: readonly Role[],
): Promise<AnyInvitation> {
  const { organizationId, invitationId } = params;
  const revoke = method(cache.client, 'revokeInvitation');
  const create = method(cache.client, 'createInvitation');
  const old =
    cache.findInvitation(organizationId, invitationId) ??
    (await method(cache.client, 'getInvitation')({ organizationId, invitationId }));
  const input = { organizationId, emailAddress: old.emailAddress, role: old.role };
  const revocation: PendingInvitationRevocation = {
    kind: 'invitation-revocation',
    id: cache.nextOperationId(),
    organizationId,
    invitationId,
  };
  const creation = placeholder(cache, { ...input, publicMetadata: old.publicMetadata }, undefined, roles);
  creation.invitation.roleName = old.roleName;
  cache.begin([revocation, creation]);
  let revoked: AnyInvitation;
  try {
    revoked = await revoke({ organizationId, invitationId });
  } catch (error) {
    cache.fail([revocation, creation]);
    throw error;
  }
  try {
    const invitation = await create({ ...input, publicMetadata: old.publicMetadata });
    cache.settle(
      organizationId,
      [revocation, creation],
      [
        { kind: 'revocation', invitation: revoked },
        { kind: 'creation', invitation },
      ],
    );
    return invitation;
  } catch (error) {
    cache.settle(organizationId, [revocation, creation], [{ kind: 'revocation', invitation: revoked }]);
    throw error;
  }
}

import type { Metadata, MetadataPatch } from '@roster/core';
import { updateMembershipMetadata } from '@roster/core';
import { useRosterContext } from './roster-context';
import type { MembershipMutationOptions, MembershipMutationResult } from './use-membership-mutation';
import { useMembershipMutation } from './use-membership-mutation';

/** What `trigger` of {@link useUpdateMembershipMetadata} takes: patches, deep-merged by the server. */
export interface UpdateMembershipMetadataArgs<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
> {
  /** The member whose metadata to update. */
  userId: string;
  /** Merged into the public metadata: nested objects merge, `null` deletes a key, arrays replace. */
  publicMetadata?: MetadataPatch<TPublic> | undefined;
  /** Backend-only: the browser-facing handler rejects it. */
  privateMetadata?: MetadataPatch<TPrivate> | undefined;
}

/** Options of {@link useUpdateMembershipMetadata}: callbacks for the outcome of each `trigger`. */
export type UseUpdateMembershipMetadataOptions<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
> = MembershipMutationOptions<TPublic, TPrivate>;

/** What {@link useUpdateMembershipMetadata} returns. */
export type UseUpdateMembershipMetadataResult<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
> = MembershipMutationResult<UpdateMembershipMetadataArgs<TPublic, TPrivate>, TPublic, TPrivate>;

/** Merges metadata into a membership, optimistically (the same deep merge as the server). */
export function useUpdateMembershipMetadata<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
>(
  organizationId: string,
  options: UseUpdateMembershipMetadataOptions<TPublic, TPrivate> = {},
): UseUpdateMembershipMetadataResult<TPublic, TPrivate> {
  const { cache } = useRosterContext('useUpdateMembershipMetadata');
  return useMembershipMutation(
    (args: UpdateMembershipMetadataArgs<TPublic, TPrivate>, onSettled) =>
      updateMembershipMetadata(
        cache,
        { organizationId, ...(args as UpdateMembershipMetadataArgs) },
        { onSettled },
      ),
    options,
  );
}

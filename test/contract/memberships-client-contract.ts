import type { MembershipsClient } from '@roster/core';
import type { SeedData } from '@roster/core/testing';
import { describe } from 'vitest';
import { describeInvitationContract } from './invitation-contract';
import { describeListContract } from './list-contract';
import { describeMutationContract } from './mutation-contract';

/** What a runner starts a client with, beyond the seed. */
export interface ContractStartOptions {
  /** The clock for `createdAt`/`updatedAt` of changes. */
  now: () => number;
}

/** A client under contract, and how to stop whatever serves it. */
export interface RunningContractClient {
  client: MembershipsClient;
  close(): Promise<void> | void;
  /** Accepts an invitation as its invitee would (outside the Backend API); rejects like the server. */
  acceptInvitation?(invitationId: string): Promise<unknown>;
}

/** Starts a fresh client over `seed` (every call gets its own data). */
export type StartContractClient = (
  seed: SeedData,
  options: ContractStartOptions,
) => Promise<RunningContractClient>;

/**
 * The semantics any `MembershipsClient` emulating Clerk's Backend API must have: listing (paging,
 * total count, every order and filter, validation errors), memberships of a user, roles, users, and
 * every mutation with its rules and errors. The memory client and the local server both run it, so
 * the two emulations cannot drift apart.
 */
export function describeMembershipsClientContract(name: string, start: StartContractClient): void {
  describe(`given the ${name} (MembershipsClient contract)`, () => {
    describeListContract(start);
    describeMutationContract(start);
    describeInvitationContract(start);
  });
}

import type { MembershipsClient, OrganizationMembership } from '@roster/core';
import { describe, expectTypeOf, it } from 'vitest';
import type { RosterProviderProps } from '../src/roster-provider';
import { useCreateMembership } from '../src/use-create-membership';
import { useOrganizationMemberships } from '../src/use-organization-memberships';
import { useRemoveMembership } from '../src/use-remove-membership';
import { useUpdateMembershipMetadata } from '../src/use-update-membership-metadata';
import { useUpdateMembershipRole } from '../src/use-update-membership-role';
import { useUserOrganizationMemberships } from '../src/use-user-organization-memberships';

interface SeatMetadata extends Record<string, unknown> {
  plan: 'free' | 'pro';
  seats: number;
  address?: { city: string };
}
interface BillingNotes extends Record<string, unknown> {
  invoiceEmail: string;
}

describe('given metadata types on the hooks', () => {
  it('when a list is read, data carries the typed public and private metadata', () => {
    const list = useOrganizationMemberships<SeatMetadata, BillingNotes>({ organizationId: 'org_a' });
    expectTypeOf(list.data).toEqualTypeOf<OrganizationMembership<SeatMetadata, BillingNotes>[]>();
    expectTypeOf(list.data[0]?.publicMetadata.plan).toEqualTypeOf<'free' | 'pro' | undefined>();
    expectTypeOf(list.data[0]?.privateMetadata?.invoiceEmail).toEqualTypeOf<string | undefined>();
    expectTypeOf(list.totalCount).toBeNumber();

    const own = useUserOrganizationMemberships<SeatMetadata>({ userId: 'user_1' });
    expectTypeOf(own.data[0]?.publicMetadata.seats).toEqualTypeOf<number | undefined>();
  });

  it('when a list has no metadata types, metadata is a plain record', () => {
    const list = useOrganizationMemberships({ organizationId: 'org_a' });
    expectTypeOf(list.data[0]?.publicMetadata).toEqualTypeOf<Record<string, unknown> | undefined>();
  });

  it('when a mutation is triggered, it resolves to the typed membership', () => {
    const changeRole = useUpdateMembershipRole<SeatMetadata>('org_a');
    expectTypeOf(changeRole.trigger({ userId: 'u', role: 'org:admin' })).toEqualTypeOf<
      Promise<OrganizationMembership<SeatMetadata>>
    >();
    const remove = useRemoveMembership<SeatMetadata>('org_a');
    expectTypeOf(remove.trigger).parameter(0).toEqualTypeOf<{ userId: string }>();
    expectTypeOf(remove.isMutating).toBeBoolean();
  });

  it('when metadata is patched, the patch is typed: null deletes, wrong types are rejected', () => {
    const merge = useUpdateMembershipMetadata<SeatMetadata>('org_a');
    void merge.trigger({ userId: 'u', publicMetadata: { seats: 3, address: { city: 'Lyon' } } });
    void merge.trigger({ userId: 'u', publicMetadata: { address: null, plan: null } });
    // @ts-expect-error seats is a number
    void merge.trigger({ userId: 'u', publicMetadata: { seats: 'three' } });
    // @ts-expect-error plan is 'free' | 'pro'
    void merge.trigger({ userId: 'u', publicMetadata: { plan: 'enterprise' } });

    const create = useCreateMembership<SeatMetadata>('org_a');
    void create.trigger({ userId: 'u', role: 'org:member', publicMetadata: { plan: 'free', seats: 1 } });
    // @ts-expect-error a new member's metadata must be complete
    void create.trigger({ userId: 'u', role: 'org:member', publicMetadata: { plan: 'free' } });
  });

  it('when the provider is given a typed client, it accepts it', () => {
    expectTypeOf<RosterProviderProps<SeatMetadata>['client']>().toEqualTypeOf<
      MembershipsClient<SeatMetadata>
    >();
  });
});

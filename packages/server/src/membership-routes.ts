import { encodeList, encodeMembership, MEMBERSHIP_ORDER_FIELDS } from '@roster/core';
import type { BackendStores } from './backend-stores';
import { emptyMembershipFilters, type MembershipFilters } from './membership-list-query';
import { BodyParams, type QueryParams, readJsonBody } from './request-input';
import type { Router } from './router';

function parseMembershipFilters(query: QueryParams): MembershipFilters {
  return {
    userIds: query.inclusion('user_id'),
    emailAddresses: query.array('email_address'),
    phoneNumbers: query.array('phone_number'),
    usernames: query.array('username'),
    web3Wallets: query.array('web3_wallet'),
    roles: query.array('role'),
    query: query.text('query'),
    emailAddressQuery: query.text('email_address_query'),
    phoneNumberQuery: query.text('phone_number_query'),
    usernameQuery: query.text('username_query'),
    nameQuery: query.text('name_query'),
    createdAtBefore: query.timestamp('created_at_before'),
    createdAtAfter: query.timestamp('created_at_after'),
    lastActiveAtBefore: query.timestamp('last_active_at_before'),
    lastActiveAtAfter: query.timestamp('last_active_at_after'),
  };
}

/** Every `/organizations/{organization_id}/memberships...` route and `/organization_memberships`. */
export function registerMembershipRoutes(router: Router, stores: BackendStores): void {
  router.add('GET', '/organizations/:organizationId/memberships', ({ params, query }) => {
    const filters = parseMembershipFilters(query);
    const paging = query.paging();
    const orderBy = query.orderBy(MEMBERSHIP_ORDER_FIELDS, '-created_at');
    const organization = stores.organizations.get(params.organizationId ?? '');
    const list = stores.memberships.list({
      scope: { organizationId: organization.id },
      ...paging,
      orderBy,
      filters,
    });
    return encodeList(list, encodeMembership);
  });

  router.add('POST', '/organizations/:organizationId/memberships', async ({ params, request }) => {
    const body = new BodyParams(await readJsonBody(request));
    const userId = body.requiredString('user_id');
    const role = body.requiredString('role');
    const publicMetadata = body.metadata('public_metadata', { nullAsEmpty: true }) ?? {};
    const privateMetadata = body.metadata('private_metadata', { nullAsEmpty: true }) ?? {};
    return encodeMembership(
      stores.memberships.create({
        organizationId: params.organizationId ?? '',
        userId,
        role,
        publicMetadata,
        privateMetadata,
        createdAt: stores.now(),
      }),
    );
  });

  router.add('PATCH', '/organizations/:organizationId/memberships/:userId', async ({ params, request }) => {
    const body = new BodyParams(await readJsonBody(request));
    const role = body.requiredString('role');
    return encodeMembership(
      stores.memberships.updateRole(params.organizationId ?? '', params.userId ?? '', role),
    );
  });

  router.add('DELETE', '/organizations/:organizationId/memberships/:userId', ({ params }) =>
    encodeMembership(stores.memberships.delete(params.organizationId ?? '', params.userId ?? '')),
  );

  router.add(
    'PATCH',
    '/organizations/:organizationId/memberships/:userId/metadata',
    async ({ params, request }) => {
      const body = new BodyParams(await readJsonBody(request)).onlyKnown([
        'public_metadata',
        'private_metadata',
      ]);
      const patch: { publicMetadata?: Record<string, unknown>; privateMetadata?: Record<string, unknown> } =
        {};
      const publicMetadata = body.metadata('public_metadata', { nullAsEmpty: false });
      const privateMetadata = body.metadata('private_metadata', { nullAsEmpty: false });
      if (publicMetadata !== undefined) patch.publicMetadata = publicMetadata;
      if (privateMetadata !== undefined) patch.privateMetadata = privateMetadata;
      return encodeMembership(
        stores.memberships.updateMetadata(params.organizationId ?? '', params.userId ?? '', patch),
      );
    },
  );

  router.add('GET', '/organization_memberships', ({ query }) => {
    const paging = query.paging();
    const orderBy = query.orderBy(MEMBERSHIP_ORDER_FIELDS, '-created_at');
    const list = stores.memberships.list({
      scope: {},
      ...paging,
      orderBy,
      filters: emptyMembershipFilters(),
    });
    return encodeList(list, encodeMembership);
  });
}

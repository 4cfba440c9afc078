import { encodeList, encodeOrganization } from '@roster/core';
import type { BackendStores } from './backend-stores';
import { ClerkHttpError, paramInvalid } from './clerk-error';
import { toOrganizationModel } from './organization-store';
import { BodyParams, readJsonBody } from './request-input';
import type { Router } from './router';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ORGANIZATION_ORDER_FIELDS = ['created_at', 'name', 'members_count'] as const;

/** `/organizations` and `/organizations/{organization_id}`. */
export function registerOrganizationRoutes(router: Router, stores: BackendStores): void {
  router.add('POST', '/organizations', async ({ request }) => {
    const body = new BodyParams(await readJsonBody(request));
    const name = body.requiredString('name');
    if (name.length > 256) {
      throw new ClerkHttpError(
        422,
        'form_param_max_length_exceeded',
        'exceeds maximum length',
        'name should not exceed 256 characters.',
        { paramName: 'name' },
      );
    }
    if (/<[^>]*>|https?:\/\//i.test(name)) {
      throw paramInvalid(
        'name',
        `The organization name ${JSON.stringify(name)} is invalid: it may not contain URLs or HTML.`,
      );
    }
    const slug = body.optionalString('slug');
    if (slug !== null && !SLUG.test(slug)) {
      throw paramInvalid('slug', 'slug can contain only lowercase alphanumeric characters and the dash "-".');
    }
    const createdBy = body.optionalString('created_by');
    const input = {
      name,
      slug,
      maxAllowedMemberships: body.optionalInteger('max_allowed_memberships', 0) ?? 0,
      adminDeleteEnabled: body.optionalBoolean('admin_delete_enabled') ?? true,
      publicMetadata: body.metadata('public_metadata', { nullAsEmpty: true }) ?? {},
      privateMetadata: body.metadata('private_metadata', { nullAsEmpty: true }) ?? {},
      createdBy,
      createdAt: body.optionalDate('created_at') ?? stores.now(),
    };
    const row = stores.db.transaction(() => {
      if (createdBy !== null && !stores.users.findRow(createdBy)) {
        throw new ClerkHttpError(
          400,
          'organization_creator_not_found',
          'creator not found',
          `No users found with id ${createdBy}.`,
        );
      }
      const created = stores.organizations.insert(input);
      const creatorRole = stores.roles.creatorRole();
      if (createdBy !== null && creatorRole) {
        stores.memberships.create({
          organizationId: created.id,
          userId: createdBy,
          role: creatorRole.key,
          publicMetadata: {},
          privateMetadata: {},
          createdAt: input.createdAt,
        });
      }
      return stores.organizations.get(created.id);
    })();
    return encodeOrganization(toOrganizationModel(row, { membersCount: true }));
  });

  router.add('GET', '/organizations', ({ query }) => {
    const includeMembersCount = query.boolean('include_members_count', false);
    const list = stores.organizations.list({
      query: query.text('query'),
      organizationIds: query.inclusion('organization_id'),
      userIds: query.inclusion('user_id'),
      orderBy: query.orderBy(ORGANIZATION_ORDER_FIELDS, '-created_at'),
      ...query.paging(),
    });
    return encodeList({ data: list.rows, totalCount: list.totalCount }, (row) =>
      encodeOrganization(toOrganizationModel(row, { membersCount: includeMembersCount })),
    );
  });

  router.add('GET', '/organizations/:organizationId', ({ params, query }) => {
    query.boolean('include_members_count', true);
    const row = stores.organizations.get(params.organizationId ?? '');
    return encodeOrganization(toOrganizationModel(row, { membersCount: true }));
  });
}

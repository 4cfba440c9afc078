import { encodeList, encodeRole, type Role } from '@roster/core';
import type { BackendStores } from './backend-stores';
import type { Router } from './router';

const ROLE_ORDER_FIELDS = ['created_at', 'name', 'key'] as const;

function compareRoles(field: (typeof ROLE_ORDER_FIELDS)[number]): (a: Role, b: Role) => number {
  if (field === 'created_at') return (a, b) => a.createdAt - b.createdAt;
  return (a, b) => a[field].localeCompare(b[field]);
}

/** `GET /organization_roles`: the instance's roles with their permissions. */
export function registerRoleRoutes(router: Router, stores: BackendStores): void {
  router.add('GET', '/organization_roles', ({ query }) => {
    const { limit, offset } = query.paging();
    const orderBy = query.orderBy(ROLE_ORDER_FIELDS, '-created_at');
    const raw = query.text('query');
    const text = raw?.toLowerCase() ?? null;
    const positions = new Map(stores.roles.all().map((role, index) => [role.key, index]));
    const matching = stores.roles
      .all()
      .filter(
        (role) =>
          text === null ||
          role.id === raw ||
          role.name.toLowerCase().includes(text) ||
          role.key.toLowerCase().includes(text),
      );
    const compare = compareRoles(orderBy.field);
    // Roles created at the same instant keep the instance's order (admin first) whichever the direction.
    const sorted = [...matching].sort(
      (a, b) =>
        (orderBy.descending ? -compare(a, b) : compare(a, b)) ||
        (positions.get(a.key) ?? 0) - (positions.get(b.key) ?? 0),
    );
    return encodeList(
      { data: sorted.slice(offset, offset + limit), totalCount: matching.length },
      encodeRole,
    );
  });
}

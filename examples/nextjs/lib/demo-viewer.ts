// Who is looking at the page, for the demo: the `roster_demo_user` / `roster_demo_org` cookies that
// `createInsecureDemoAuthorize` believes too, defaulting to the demo admin of Acme. In a real app
// this is your session (e.g. Clerk's `auth()`: `userId`, `orgId`).
import { DEMO_IDS } from '@roster/core/testing';
import { cookies } from 'next/headers';

/** The cookie naming the acting user (the demo authorize's default name). */
export const DEMO_USER_COOKIE = 'roster_demo_user';
/** The cookie naming the organization the page shows. */
export const DEMO_ORGANIZATION_COOKIE = 'roster_demo_org';

const ID = /^[A-Za-z0-9_]{1,128}$/;

/** The viewer and organization of the request (a server component or route handler calls it). */
export async function demoViewer(): Promise<{ userId: string; organizationId: string }> {
  const jar = await cookies();
  const userId = jar.get(DEMO_USER_COOKIE)?.value;
  const organizationId = jar.get(DEMO_ORGANIZATION_COOKIE)?.value;
  return {
    userId: userId && ID.test(userId) ? userId : DEMO_IDS.adminUserId,
    organizationId: organizationId && ID.test(organizationId) ? organizationId : DEMO_IDS.organizationId,
  };
}

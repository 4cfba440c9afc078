import { DEMO_IDS } from '@roster/core/testing';

/** Someone the playground can act as: a user and the organization they look at. */
export interface PlaygroundViewer {
  userId: string;
  organizationId: string;
  /** What the picker shows. */
  label: string;
}

/** The viewers of the demo seed that show the permission rules. */
export const PLAYGROUND_VIEWERS: readonly PlaygroundViewer[] = [
  {
    userId: DEMO_IDS.adminUserId,
    organizationId: DEMO_IDS.organizationId,
    label: 'Alice Smith (admin of Acme)',
  },
  {
    userId: DEMO_IDS.memberUserId,
    organizationId: DEMO_IDS.organizationId,
    label: 'Bob Jones (member of Acme)',
  },
  {
    userId: DEMO_IDS.soloAdminUserId,
    organizationId: DEMO_IDS.soloOrganizationId,
    label: 'Carol Diaz (last admin of Solo Studio)',
  },
];

/** The key of a viewer (user and organization). */
export function playgroundViewerKey(viewer: { userId: string; organizationId: string }): string {
  return `${viewer.userId}|${viewer.organizationId}`;
}

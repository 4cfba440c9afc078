// The members page, a server component: it loads the first page of members on the server (with the
// secret key, sanitized like the handler), so the HTML holds them and hydration sends no request.
// Everything it passes to RosterProvider is serialisable: the handler's URL, the viewer, the data.
import { RosterProvider } from '@roster/react';
import { prefetchOrganizationMemberships } from '@roster/react/server';
import { OrganizationMembersPanel } from '@roster/ui';
import '@roster/ui/styles.css';
import { demoViewer } from '../lib/demo-viewer';
import { ROSTER_API_URL, ROSTER_SECRET_KEY } from '../lib/roster-config';

export default async function MembersPage() {
  // Per request (it reads the request's cookies): in your app, your session, e.g. Clerk's auth().
  const { userId, organizationId } = await demoViewer();
  const fallback = await prefetchOrganizationMemberships({
    apiUrl: ROSTER_API_URL,
    headers: { Authorization: `Bearer ${ROSTER_SECRET_KEY}` },
    organizationId,
    viewer: { userId },
  });
  return (
    <main style={{ maxWidth: 1100, margin: '0 auto', padding: 24 }}>
      <h1>Members</h1>
      <RosterProvider apiUrl="/api/roster" viewer={{ userId }} fallback={fallback} locale="en-US">
        <OrganizationMembersPanel organizationId={organizationId} />
      </RosterProvider>
    </main>
  );
}

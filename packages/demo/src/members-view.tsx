import type { MembershipsClient, OrganizationMembership } from '@roster/core';
import { useEffect, useState } from 'react';
import type { PlaygroundViewer } from './playground-viewers';

/** Props of {@link MembersView}. */
export interface MembersViewProps {
  client: MembershipsClient;
  viewer: PlaygroundViewer;
}

/** Placeholder until `OrganizationMembersPanel` lands: the first page of members, read-only. */
export function MembersView({ client, viewer }: MembersViewProps) {
  const [members, setMembers] = useState<OrganizationMembership[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    client
      .listMemberships({ organizationId: viewer.organizationId, limit: 10 }, { signal: controller.signal })
      .then((list) => setMembers(list.data))
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(e instanceof Error ? e.message : String(e));
      });
    return () => controller.abort();
  }, [client, viewer.organizationId]);
  if (error) return <p role="alert">{error}</p>;
  if (!members) return <p>Loading members…</p>;
  return (
    <ul aria-label="Members">
      {members.map((m) => (
        <li key={m.id}>
          {[m.publicUserData?.firstName, m.publicUserData?.lastName].filter(Boolean).join(' ')} (
          {m.roleName ?? m.role})
        </li>
      ))}
    </ul>
  );
}

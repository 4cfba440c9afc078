import { OrganizationMembersPanel } from '@roster/ui';
import type { CSSProperties } from 'react';

// Any `--roster-*` variable, on :root or on any ancestor; selects and dialogs inherit it too.
const teal = {
  '--roster-color-accent': '#0f766e',
  '--roster-color-focus': '#0f766e',
  '--roster-radius': '1rem',
  '--roster-density': '0.8',
} as CSSProperties;

export function ThemedMembers({ organizationId }: { organizationId: string }) {
  return (
    <div style={teal} data-theme="light">
      <OrganizationMembersPanel organizationId={organizationId} />
    </div>
  );
}

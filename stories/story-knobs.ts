// The knobs a reader turns in the Controls panel and on the docs pages: the memory client's roles,
// latency and failure rate, the theme, and a few localizations. Shared by the stories' metas.
import { ROLE_MEMBER, type Role } from '@roster/core';
import type { SeedData } from '@roster/core/testing';
import type { RosterLocalizationOverrides } from '@roster/ui';
import type { ArgTypes } from '@storybook/react-vite';

/** The role sets the memory client can offer (the organization's roles in the Backend API). */
export const ROLE_SETS = [
  'Admin, Member, Billing manager',
  'Admin and Member',
  'With an Auditor role',
] as const;
export type RoleSetName = (typeof ROLE_SETS)[number];

const ROLE_BILLING = 'org:billing_manager';

/**
 * The seed with the organization's roles of `set`: the demo's three, Clerk's default two (billing
 * managers become members), or the demo's plus a read-only Auditor.
 */
export function seedWithRoles(seed: SeedData, set: RoleSetName | undefined): SeedData {
  const roles = seed.roles ?? [];
  if (set === 'Admin and Member') {
    return {
      ...seed,
      roles: roles.filter((role) => role.key !== ROLE_BILLING),
      memberships: seed.memberships.map((membership) =>
        membership.role === ROLE_BILLING ? { ...membership, role: ROLE_MEMBER } : membership,
      ),
    };
  }
  if (set === 'With an Auditor role') {
    const member = roles.find((role) => role.key === ROLE_MEMBER);
    if (!member) return seed;
    const auditor: Role = {
      ...structuredClone(member),
      id: 'role_auditor',
      key: 'org:auditor',
      name: 'Auditor',
      description: 'Can see the members and the audit log.',
    };
    return { ...seed, roles: [...roles, auditor] };
  }
  return seed;
}

/** Args read by `RosterStoryProvider` (the memory client) and the theme decorator. */
export interface StoryKnobArgs {
  /** The roles the memory client offers. */
  roles?: RoleSetName;
  /** How long each call of the memory client takes, in ms. */
  latency?: number;
  /** The probability (0..1) that a mutation fails with a 500. */
  failureRate?: number;
  /** The backdrop's `data-theme`. */
  theme?: 'light' | 'dark';
}

const client = { category: 'Memory client' };

/** The memory client's knobs and the theme, as controls. */
export const storyKnobArgTypes = {
  roles: {
    description: 'The roles the organization offers (the memory client\u2019s seed). Remounts the story.',
    control: 'select',
    options: ROLE_SETS,
    table: { ...client, defaultValue: { summary: ROLE_SETS[0] } },
  },
  latency: {
    description: 'How long each call of the memory client takes, in ms (`client.setLatency`).',
    control: { type: 'range', min: 0, max: 3000, step: 100 },
    table: { ...client, defaultValue: { summary: '0' } },
  },
  failureRate: {
    description:
      'The probability (0..1) that a mutation fails with a 500 and reverts (`client.setFailureRate`).',
    control: { type: 'range', min: 0, max: 1, step: 0.1 },
    table: { ...client, defaultValue: { summary: '0' } },
  },
  theme: {
    description:
      'The theme of the backdrop: `data-theme` on an ancestor, read by the `--roster-*` variables.',
    control: 'inline-radio',
    options: ['light', 'dark'],
    table: { category: 'Story', defaultValue: { summary: 'light' } },
  },
} satisfies Partial<ArgTypes<StoryKnobArgs>>;

/** Strings in the words of a team app rather than an organization's. */
const teamWording: RosterLocalizationOverrides = {
  memberListCaption: (organization) => (organization ? `Team ${organization}` : 'Team'),
  searchLabel: 'Search teammates',
  searchPlaceholder: 'Name, email or user ID',
  addMember: 'Add teammate',
  removeMember: (name) => `Remove ${name} from the team`,
  removeDialogTitle: 'Remove teammate',
  memberRemoved: (name) => `${name} left the team`,
  roleChanged: (name, role) => `${name} is a ${role} now`,
  emptyTitle: 'No teammates yet',
};

/**
 * The Localization control: English (no overrides), a team app's wording, and the stories' own
 * (`extra`, e.g. the panel's German). The control shows the names; the story gets the object.
 */
export function localizationArgType(extra: Record<string, RosterLocalizationOverrides> = {}) {
  const mapping: Record<string, RosterLocalizationOverrides | undefined> = {
    English: undefined,
    'Team wording': teamWording,
    ...extra,
  };
  return {
    control: 'select' as const,
    options: Object.keys(mapping),
    mapping,
  };
}

/** The Columns control: the built-in column ids, in their default order. */
export const columnsArgType = {
  control: 'check' as const,
  options: ['avatar', 'name', 'identifier', 'role', 'joined', 'actions'],
};

/** The Page size control (the initial page size; remounts the list). */
export const pageSizeArgType = {
  control: 'select' as const,
  options: [5, 10, 20, 50, 100],
};

import { DEMO_DEPARTMENTS, DEMO_FIRST_NAMES, DEMO_LAST_NAMES } from './demo-seed-names';
import type { Metadata, Permission, Role } from './models';
import { DEFAULT_ROLES, PERMISSION_READ_MEMBERSHIPS, ROLE_ADMIN, ROLE_MEMBER } from './roles';
import type { SeedData, SeedMembership, SeedOrganization, SeedUser } from './seed';

/** The IDs demos and tests rely on; they exist in every {@link createDemoSeed} output. */
export const DEMO_IDS = {
  /** Acme, the large organization (~250 members by default). */
  organizationId: 'org_acme',
  /** Alice Smith: `org:admin` of Acme, its first member. */
  adminUserId: 'user_alice',
  /** Bob Jones: `org:member` of Acme. */
  memberUserId: 'user_bob',
  /** Solo Studio, a small organization with exactly one admin. */
  soloOrganizationId: 'org_solo',
  /** Carol Diaz: the only admin of Solo Studio. */
  soloAdminUserId: 'user_carol',
} as const;

/** Options of {@link createDemoSeed}. */
export interface DemoSeedOptions {
  /**
   * How many members Acme has, Alice and Bob included (at least 2). Default 250. Other organizations
   * do not change with it, so load tests can seed 100 000 members and keep the same small fixtures.
   */
  members?: number;
  /**
   * The "current time" (Unix ms) the seed is built around: creation dates spread over the two years
   * before it. Default: a fixed instant (2026-05-12T09:00:00Z), so the output never depends on the clock.
   */
  now?: number;
}

/** The fixed instant the demo seed is built around when `now` is not given. */
export const DEMO_SEED_BASE_TIME = Date.UTC(2026, 4, 12, 9, 0, 0);

const DAY = 24 * 60 * 60 * 1000;
const TWO_YEARS = 730 * DAY;
const DEFAULT_MEMBERS = 250;
const EXTRA_ADMINS = 5;
const BILLING_MANAGERS = 3;

/** The demo's third role, so role pickers and filters show more than Admin and Member. */
const ROLE_BILLING = 'org:billing_manager';

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same sequence everywhere. */
function createSeededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function between(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min));
}

const ID_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function randomId(random: Random, prefix: string, taken: Set<string>): string {
  const codes = new Array<number>(26);
  for (;;) {
    for (let i = 0; i < codes.length; i++) {
      codes[i] = ID_ALPHABET.charCodeAt(Math.floor(random() * ID_ALPHABET.length));
    }
    const id = `${prefix}_2${String.fromCharCode(...codes)}`;
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

const SPECIAL_LETTERS: Record<string, string> = { ø: 'o', æ: 'ae', ß: 'ss', ł: 'l', đ: 'd' };

const slugCache = new Map<string, string>();

/** `Søren` -> `soren`, `O'Brien` -> `obrien`: the ASCII form used in emails and usernames. */
function asciiSlug(name: string): string {
  let slug = slugCache.get(name);
  if (slug === undefined) {
    slug = name
      .toLowerCase()
      .replace(/[øæßłđ]/g, (letter) => SPECIAL_LETTERS[letter] ?? '')
      .normalize('NFD')
      .replace(/[^a-z]/g, '');
    slugCache.set(name, slug);
  }
  return slug;
}

/** `first.last` in lowercase ASCII: the local part of a demo email. */
function emailBase(firstName: string, lastName: string): string {
  return `${asciiSlug(firstName)}.${asciiSlug(lastName)}`;
}

/** Builds unique users across all organizations (unique IDs, emails, usernames and phones). */
class DemoUserFactory {
  private readonly ids = new Set<string>();
  private readonly phones = new Set<number>();
  private readonly emailCounts = new Map<string, Map<string, number>>();
  private readonly usernameCounts = new Map<string, number>();
  private readonly pairKeys = new Map<string, string[]>();

  constructor(private readonly now: number) {}

  /** A fixed, named user (the DEMO_IDS people). */
  named(id: string, firstName: string, lastName: string, domain: string, createdAt: number): SeedUser {
    this.ids.add(id);
    return {
      id,
      firstName,
      lastName,
      username: this.username(`${asciiSlug(firstName)}${asciiSlug(lastName).slice(0, 1)}`),
      emailAddress: this.email(emailBase(firstName, lastName), domain),
      phoneNumber: null,
      createdAt,
      lastActiveAt: this.now - 2 * 60 * 60 * 1000,
    };
  }

  /** A random user created at `createdAt` (before they join), active since with 85% probability. */
  random(random: Random, domain: string, createdAt: number): SeedUser {
    const firstIndex = Math.floor(random() * DEMO_FIRST_NAMES.length);
    const lastIndex = Math.floor(random() * DEMO_LAST_NAMES.length);
    const firstName = DEMO_FIRST_NAMES[firstIndex] ?? 'Sam';
    const lastName = DEMO_LAST_NAMES[lastIndex] ?? 'Lee';
    // The same name pair reuses the same key strings (cheap lookups at 100 000 users).
    const pair = firstIndex * DEMO_LAST_NAMES.length + lastIndex;
    const user: SeedUser = {
      id: randomId(random, 'user', this.ids),
      firstName,
      lastName,
      username: null,
      emailAddress: this.email(
        this.pairKey(domain, pair, () => emailBase(firstName, lastName)),
        domain,
      ),
      phoneNumber: null,
      createdAt,
      lastActiveAt: random() < 0.85 ? between(random, createdAt, this.now) : null,
    };
    if (random() < 0.35) {
      user.username = this.username(
        this.pairKey('username', pair, () => `${asciiSlug(firstName)}_${asciiSlug(lastName)}`),
      );
    }
    if (random() < 0.4) user.phoneNumber = this.phone(random);
    if (random() < 0.03) {
      let wallet = '0x';
      for (let i = 0; i < 40; i++) wallet += Math.floor(random() * 16).toString(16);
      user.web3Wallet = wallet;
    }
    return user;
  }

  /**
   * `base@domain`, then `base2@domain`, `base3@domain`, ... Bases contain no digits, so a numbered
   * address can never equal another base's address: counting per base keeps addresses unique.
   */
  private email(base: string, domain: string): string {
    let counts = this.emailCounts.get(domain);
    if (!counts) {
      counts = new Map();
      this.emailCounts.set(domain, counts);
    }
    const n = (counts.get(base) ?? 0) + 1;
    counts.set(base, n);
    return n === 1 ? `${base}@${domain}` : `${base}${n}@${domain}`;
  }

  /** A key string built once per (space, name pair) and reused. */
  private pairKey(space: string, pair: number, build: () => string): string {
    let keys = this.pairKeys.get(space);
    if (!keys) {
      keys = [];
      this.pairKeys.set(space, keys);
    }
    let key = keys[pair];
    if (key === undefined) {
      key = build();
      keys[pair] = key;
    }
    return key;
  }

  /** `base`, then `base2`, `base3`, ... (unique for the same reason as emails). */
  private username(base: string): string {
    const n = (this.usernameCounts.get(base) ?? 0) + 1;
    this.usernameCounts.set(base, n);
    return n === 1 ? base : `${base}${n}`;
  }

  private phone(random: Random): string {
    for (;;) {
      const number = between(random, 0, 10_000_000);
      if (!this.phones.has(number)) {
        this.phones.add(number);
        return `+1555${String(number).padStart(7, '0')}`;
      }
    }
  }
}

function demoRoles(): Role[] {
  const roles = structuredClone(DEFAULT_ROLES) as Role[];
  const epoch = roles[0]?.createdAt ?? Date.UTC(2024, 0, 1);
  const read = roles[1]?.permissions.find((p) => p.key === PERMISSION_READ_MEMBERSHIPS);
  const billing: Permission = {
    object: 'permission',
    id: 'perm_org_billing_manage',
    key: 'org:billing:manage',
    name: 'Manage billing',
    description: 'View and change the plan, invoices and payment methods.',
    type: 'user',
    createdAt: epoch,
    updatedAt: epoch,
  };
  roles.push({
    object: 'role',
    id: 'role_billing_manager',
    key: ROLE_BILLING,
    name: 'Billing manager',
    description: 'Can see the members and manage billing.',
    isCreatorEligible: false,
    permissions: read ? [structuredClone(read), billing] : [billing],
    createdAt: epoch,
    updatedAt: epoch,
  });
  return roles;
}

function memberMetadata(random: Random): { publicMetadata: Metadata; privateMetadata?: Metadata } {
  const publicMetadata: Metadata = {};
  if (random() < 0.6) publicMetadata.department = pick(random, DEMO_DEPARTMENTS);
  if (random() < 0.1) publicMetadata.onCall = true;
  if (random() < 0.2) {
    return { publicMetadata, privateMetadata: { employeeId: `E${between(random, 10_000, 100_000)}` } };
  }
  return { publicMetadata };
}

/** Distinct member indices in [from, to) chosen by `random` (at most `to - from`). */
function pickIndices(random: Random, count: number, from: number, to: number): Set<number> {
  const chosen = new Set<number>();
  const wanted = Math.min(count, Math.max(0, to - from));
  while (chosen.size < wanted) chosen.add(between(random, from, to));
  return chosen;
}

interface SmallOrganizationSpec {
  organization: SeedOrganization;
  domain: string;
  /** Fixed members that already exist as users, with their roles. */
  existing: Array<{ userId: string; role: string }>;
  /** How many random members to create (as `org:member`). */
  randomMembers: number;
  seed: number;
}

/**
 * Builds the demo data set: Acme (`org_acme`, ~250 members by default, Alice Smith the first admin,
 * Bob Jones a member, a handful of other admins and billing managers), Solo Studio (`org_solo`, Carol
 * Diaz its only admin, three members, Bob among them), Globex (`org_globex`, a dozen members with one admin, Alice
 * among them as a member) and Initech (`org_initech`, full: 3 of 3 allowed memberships). Roles:
 * `DEFAULT_ROLES` plus `org:billing_manager`.
 *
 * Deterministic: a seeded PRNG and a fixed base time, so every call (in the browser, the server and
 * tests) returns the same data. Each organization has its own random stream, so `members` changes
 * only Acme. Fast enough to seed 100 000 members.
 */
export function createDemoSeed(options: DemoSeedOptions = {}): SeedData {
  const now = options.now ?? DEMO_SEED_BASE_TIME;
  const memberCount = Math.max(2, Math.floor(options.members ?? DEFAULT_MEMBERS));
  const start = now - TWO_YEARS;
  const users = new DemoUserFactory(now);
  const seedUsers: SeedUser[] = [];
  const memberships: SeedMembership[] = [];
  const organizations: SeedOrganization[] = [];

  // Acme: Alice first, then Bob, then everyone else joining at random times over two years.
  const acmeRandom = createSeededRandom(0xac3e);
  const acme: SeedOrganization = {
    id: DEMO_IDS.organizationId,
    name: 'Acme',
    slug: 'acme',
    maxAllowedMemberships: 0,
    adminDeleteEnabled: true,
    publicMetadata: { plan: 'business' },
    privateMetadata: { billingCustomerId: 'cus_demo_acme' },
    createdBy: DEMO_IDS.adminUserId,
    createdAt: start,
  };
  organizations.push(acme);
  const alice = users.named(DEMO_IDS.adminUserId, 'Alice', 'Smith', 'acme.test', start - DAY);
  const bob = users.named(DEMO_IDS.memberUserId, 'Bob', 'Jones', 'acme.test', start + 3 * DAY);
  seedUsers.push(alice, bob);
  memberships.push(
    {
      organizationId: acme.id,
      userId: alice.id,
      role: ROLE_ADMIN,
      publicMetadata: { department: 'Engineering' },
      createdAt: start,
    },
    {
      organizationId: acme.id,
      userId: bob.id,
      role: ROLE_MEMBER,
      publicMetadata: { department: 'Sales' },
      createdAt: start + 4 * DAY,
    },
  );
  // Solo Studio: Carol is its only admin.
  const carol = users.named(DEMO_IDS.soloAdminUserId, 'Carol', 'Diaz', 'solostudio.test', start + 100 * DAY);
  seedUsers.push(carol);
  const small: SmallOrganizationSpec[] = [
    {
      organization: {
        id: DEMO_IDS.soloOrganizationId,
        name: 'Solo Studio',
        slug: 'solo-studio',
        maxAllowedMemberships: 0,
        createdBy: carol.id,
        createdAt: start + 100 * DAY,
      },
      domain: 'solostudio.test',
      existing: [
        { userId: carol.id, role: ROLE_ADMIN },
        { userId: bob.id, role: ROLE_MEMBER },
      ],
      randomMembers: 2,
      seed: 0x5010,
    },
    {
      organization: {
        id: 'org_globex',
        name: 'Globex',
        slug: 'globex',
        maxAllowedMemberships: 0,
        createdAt: start + 200 * DAY,
      },
      domain: 'globex.test',
      existing: [{ userId: alice.id, role: ROLE_MEMBER }],
      randomMembers: 11,
      seed: 0x61ceb,
    },
    {
      organization: {
        id: 'org_initech',
        name: 'Initech',
        slug: 'initech',
        maxAllowedMemberships: 3,
        createdAt: start + 300 * DAY,
      },
      domain: 'initech.test',
      existing: [],
      randomMembers: 3,
      seed: 0x1417,
    },
  ];
  for (const spec of small) {
    const random = createSeededRandom(spec.seed);
    const org = { adminDeleteEnabled: true, publicMetadata: {}, ...spec.organization };
    organizations.push(org);
    let joinedAt = org.createdAt;
    for (const { userId, role } of spec.existing) {
      memberships.push({ organizationId: org.id, userId, role, publicMetadata: {}, createdAt: joinedAt });
      joinedAt += between(random, DAY, 20 * DAY);
    }
    const hasAdmin = spec.existing.some((member) => member.role === ROLE_ADMIN);
    for (let index = 0; index < spec.randomMembers; index++) {
      const user = users.random(random, spec.domain, joinedAt - between(random, 0, 10 * DAY));
      seedUsers.push(user);
      // Every organization has an admin: the first random member when no fixed member is one.
      const role = !hasAdmin && index === 0 ? ROLE_ADMIN : ROLE_MEMBER;
      memberships.push({
        organizationId: org.id,
        userId: user.id,
        role,
        ...memberMetadata(random),
        createdAt: joinedAt,
      });
      joinedAt += between(random, DAY, 20 * DAY);
    }
  }

  // Acme's other members come last, so `members` changes nothing in the small organizations.
  const admins = pickIndices(acmeRandom, EXTRA_ADMINS, 2, memberCount);
  const billing = pickIndices(acmeRandom, BILLING_MANAGERS, 2, memberCount);
  for (let index = 2; index < memberCount; index++) {
    const joinedAt = between(acmeRandom, start + 5 * DAY, now - 60 * 60 * 1000);
    const user = users.random(acmeRandom, 'acme.test', joinedAt - between(acmeRandom, 0, 30 * DAY));
    seedUsers.push(user);
    const role = admins.has(index) ? ROLE_ADMIN : billing.has(index) ? ROLE_BILLING : ROLE_MEMBER;
    memberships.push({
      organizationId: acme.id,
      userId: user.id,
      role,
      ...memberMetadata(acmeRandom),
      createdAt: joinedAt,
    });
  }

  return { users: seedUsers, organizations, memberships, roles: demoRoles() };
}

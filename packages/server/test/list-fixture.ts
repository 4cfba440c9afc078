import type { SeedData } from '@roster/core/testing';

const wallet = (digit: string) => `0x${digit.repeat(40)}`;

/**
 * A small seed whose every field is known, for exact assertions on ordering and filters.
 * Organization `org_t` has Ann (admin, oldest), Ben, Cid and Dee (admin, newest); Eve is in no
 * organization; Ann is also a member of `org_other` (her newest membership).
 */
export const LIST_FIXTURE: SeedData = {
  users: [
    {
      id: 'user_ann',
      firstName: 'Ann',
      lastName: 'Zeller',
      username: 'annie',
      emailAddress: 'ann@alpha.test',
      phoneNumber: '+15550001',
      web3Wallet: wallet('1'),
      createdAt: 1,
      lastActiveAt: 1000,
    },
    {
      id: 'user_ben',
      firstName: 'Ben',
      lastName: 'Young',
      username: 'benb',
      emailAddress: 'ben@bravo.test',
      createdAt: 2,
      lastActiveAt: 2000,
    },
    {
      id: 'user_cid',
      firstName: 'Cid',
      lastName: 'Cole',
      emailAddress: 'cid@charlie.test',
      createdAt: 3,
      lastActiveAt: null,
    },
    {
      id: 'user_dee',
      firstName: 'Dee',
      lastName: 'Dunn',
      username: 'deed',
      emailAddress: 'dee@delta.test',
      phoneNumber: '+15550004',
      createdAt: 4,
      lastActiveAt: 4000,
    },
    { id: 'user_eve', firstName: 'Eve', lastName: 'Evans', emailAddress: 'eve@echo.test', createdAt: 5 },
  ],
  organizations: [
    { id: 'org_t', name: 'Test Org', slug: 'test-org', createdAt: 10 },
    { id: 'org_other', name: 'Other Org', slug: 'other-org', createdAt: 20 },
  ],
  memberships: [
    { organizationId: 'org_t', userId: 'user_ann', role: 'org:admin', createdAt: 100 },
    { organizationId: 'org_t', userId: 'user_ben', role: 'org:member', createdAt: 200 },
    { organizationId: 'org_t', userId: 'user_cid', role: 'org:member', createdAt: 300 },
    { organizationId: 'org_t', userId: 'user_dee', role: 'org:admin', createdAt: 400 },
    { organizationId: 'org_other', userId: 'user_ann', role: 'org:member', createdAt: 500 },
  ],
};

import type { IdInclusion } from './sql-fragments';

/**
 * The filters on a person that `GET /users` and the membership lists share, validated: exact
 * identifiers, substring queries (`null` when absent) and timestamp bounds in ms (`null` when absent).
 */
export interface UserMatchFilters {
  userIds: IdInclusion;
  emailAddresses: string[];
  phoneNumbers: string[];
  usernames: string[];
  web3Wallets: string[];
  query: string | null;
  emailAddressQuery: string | null;
  phoneNumberQuery: string | null;
  usernameQuery: string | null;
  nameQuery: string | null;
  createdAtBefore: number | null;
  createdAtAfter: number | null;
  lastActiveAtBefore: number | null;
  lastActiveAtAfter: number | null;
}

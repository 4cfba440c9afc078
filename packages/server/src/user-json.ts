import { encodeUser, UNKNOWN_WIRE_FIELDS, type User, type UserJSON } from '@roster/core';
import { toUserModel, type UserRecord, UserStore } from './user-store';

function verified(): Record<string, unknown> {
  return {
    object: 'verification_admin',
    status: 'verified',
    strategy: 'admin',
    attempts: null,
    expire_at: null,
  };
}

function carry<T extends object>(model: T, fields: Record<string, unknown>): T {
  (model as Record<symbol, unknown>)[UNKNOWN_WIRE_FIELDS] = fields;
  return model;
}

/**
 * A user in Clerk's full wire shape. Core's `User` model holds what Roster reads; the fields it does
 * not (metadata, phone numbers, web3 wallets, verifications) ride along as carried wire fields, so
 * the codec stays the one place that writes a user.
 */
export function encodeUserRecord(record: UserRecord): UserJSON {
  const { row, identifications } = record;
  const model: User = toUserModel(record);
  for (const email of model.emailAddresses) {
    carry(email, { object: 'email_address', reserved: false, verification: verified(), linked_to: [] });
  }
  const phones = identifications.filter((i) => i.type === 'phone_number');
  const wallets = identifications.filter((i) => i.type === 'web3_wallet');
  const metadata = UserStore.metadata(row);
  carry(model, {
    external_id: row.external_id,
    primary_phone_number_id: phones[0]?.id ?? null,
    primary_web3_wallet_id: wallets[0]?.id ?? null,
    public_metadata: metadata.publicMetadata,
    private_metadata: metadata.privateMetadata,
    unsafe_metadata: metadata.unsafeMetadata,
    phone_numbers: phones.map((phone) => ({
      id: phone.id,
      object: 'phone_number',
      phone_number: phone.value,
      reserved_for_second_factor: false,
      default_second_factor: false,
      reserved: false,
      verification: verified(),
      linked_to: [],
      backup_codes: null,
      created_at: phone.created_at,
      updated_at: phone.created_at,
    })),
    web3_wallets: wallets.map((wallet) => ({
      id: wallet.id,
      object: 'web3_wallet',
      web3_wallet: wallet.value,
      verification: verified(),
      created_at: wallet.created_at,
      updated_at: wallet.created_at,
    })),
    last_active_at: row.last_active_at,
    mfa_enabled_at: null,
    mfa_disabled_at: null,
    legal_accepted_at: null,
    delete_self_enabled: true,
    create_organization_enabled: true,
  });
  return encodeUser(model);
}

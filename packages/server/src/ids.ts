import { createHash, randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ID_LENGTH = 27;

function toBase62(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) {
    if (out.length === ID_LENGTH) break;
    // 62 * 4 = 248: rejecting 248..255 keeps every character equally likely.
    if (byte < 248) out += ALPHABET[byte % 62];
  }
  return out;
}

/** A new random id with Clerk's shape: a prefix (`orgmem`, `user`, ...), `_`, 27 base62 characters. */
export function createId(prefix: string): string {
  let body = '';
  while (body.length < ID_LENGTH) body += toBase62(randomBytes(40)).slice(0, ID_LENGTH - body.length);
  return `${prefix}_${body}`;
}

/**
 * A deterministic id for seeded records (the same seed gives the same ids on every machine), derived
 * from a stable key such as `org_acme:user_alice`.
 */
export function createSeededId(prefix: string, key: string): string {
  let body = '';
  let round = 0;
  while (body.length < ID_LENGTH) {
    body += toBase62(createHash('sha256').update(`${key}#${round}`).digest()).slice(
      0,
      ID_LENGTH - body.length,
    );
    round += 1;
  }
  return `${prefix}_${body}`;
}

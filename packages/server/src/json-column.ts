import type { Metadata } from '@roster/core';

/** Reads a JSON object column (metadata) back into an object; a corrupt value reads as `{}`. */
export function readJsonObject(text: string | null): Metadata {
  if (text === null) return {};
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Metadata) : {};
  } catch {
    return {};
  }
}

/** Writes an object to a JSON column. */
export function writeJsonObject(value: Metadata): string {
  return JSON.stringify(value);
}

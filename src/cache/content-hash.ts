import { createHash } from 'node:crypto';

/** JSON with object keys sorted, so equal content always serialises (and hashes) the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** A short hash per field: 64 bits is plenty to tell whether one field of one record changed. */
export function fieldHashes(fields: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, hash(canonicalJson(value ?? null)).slice(0, 16)]),
  );
}

/** The hash of a whole record, from its field hashes. */
export function contentHash(hashes: Record<string, string>): string {
  return hash(canonicalJson(hashes));
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

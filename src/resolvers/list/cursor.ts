import { badArgument } from '../../errors.js';

/** Where a page ends: the sort key's value (as text) and the row id that breaks ties. */
export interface CursorPosition {
  value: string | null;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Opaque to clients: base64url of the sort it belongs to and the position within it. */
export function encodeCursor(order: string, position: CursorPosition): string {
  return Buffer.from(JSON.stringify({ o: order, v: position.value, i: position.id })).toString('base64url');
}

/**
 * Decodes a cursor made by `encodeCursor` for the same sort. Anything else (garbage, a cursor of another
 * sort order) is a BAD_USER_INPUT naming `after`, never a database error.
 */
export function decodeCursor(cursor: string, order: string): CursorPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badArgument('after', 'This is not a cursor returned by this list.');
  }
  const { o, v, i } = (parsed ?? {}) as { o?: unknown; v?: unknown; i?: unknown };
  if (typeof i !== 'string' || !UUID.test(i) || (v !== null && typeof v !== 'string')) {
    throw badArgument('after', 'This is not a cursor returned by this list.');
  }
  if (o !== order) {
    throw badArgument('after', 'This cursor belongs to another sort order; pass the same orderBy as before.');
  }
  return { value: v, id: i };
}

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../src/resolvers/list/cursor.js';

const id = '6b1f0c3e-1d2a-4f5b-8c9d-0e1f2a3b4c5d';

describe('list cursors', () => {
  it('round-trip a position, NULL sort values included', () => {
    for (const value of ['2026-01-31', '12.50', "O'Brien & Sons", null]) {
      expect(decodeCursor(encodeCursor('NAME:ASC', { value, id }), 'NAME:ASC')).toEqual({ value, id });
    }
  });

  it.each([
    ['garbage', 'not a cursor'],
    ['base64 of non-JSON', Buffer.from('hello').toString('base64url')],
    [
      'a non-UUID id',
      Buffer.from(JSON.stringify({ o: 'NAME:ASC', v: 'x', i: "1' OR 1=1" })).toString('base64url'),
    ],
    [
      'a non-text value',
      Buffer.from(JSON.stringify({ o: 'NAME:ASC', v: { a: 1 }, i: id })).toString('base64url'),
    ],
  ])('refuse %s as BAD_USER_INPUT naming after', (_, cursor) => {
    expect(() => decodeCursor(cursor, 'NAME:ASC')).toThrowError(
      expect.objectContaining({
        extensions: expect.objectContaining({
          code: 'BAD_USER_INPUT',
          fieldErrors: [expect.objectContaining({ path: 'after' })],
        }),
      }),
    );
  });

  it('refuse a cursor made for another sort order', () => {
    expect(() => decodeCursor(encodeCursor('NAME:ASC', { value: 'a', id }), 'NAME:DESC')).toThrow(
      /another sort order/,
    );
  });
});

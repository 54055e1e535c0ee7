import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDecimal,
  decimal,
  divideDecimal,
  multiplyDecimal,
  subtractDecimal,
  sumDecimals,
} from '../../../src/sync/mappers/decimal.util.js';

const cents = (n: bigint) => {
  const negative = n < 0n;
  const digits = (negative ? -n : n).toString().padStart(3, '0');
  return decimal(`${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`)!;
};

describe('decimal', () => {
  it.each([
    [40, '40'],
    [40.5, '40.5'],
    [1020.22, '1020.22'],
    [0.1, '0.1'],
    [1e-7, '0.0000001'],
    [1e21, '1000000000000000000000'],
    [-0, '0'],
    ['80.00', '80'],
    ['5000.0000', '5000'],
    [' 1,234.50 ', '1234.5'],
    ['.5', '0.5'],
    ['-0.00', '0'],
    ['007', '7'],
    ['abc', null],
    ['', null],
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null],
    [undefined, null],
  ])('decimal(%j) is %j', (value, expected) => expect(decimal(value)).toBe(expected));

  it('never produces an exponent for any finite number', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) =>
        /^-?\d+(\.\d+)?$/.test(decimal(n)!),
      ),
    );
  });

  it('round-trips every finite number exactly', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        (n) => Number(decimal(n)) === (Object.is(n, -0) ? 0 : n),
      ),
    );
  });
});

describe('decimal arithmetic', () => {
  const money = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n });

  it('adds and subtracts amounts exactly, as integer cents would', () => {
    fc.assert(
      fc.property(money, money, (a, b) => {
        expect(addDecimal(cents(a), cents(b))).toBe(cents(a + b));
        expect(subtractDecimal(cents(a), cents(b))).toBe(cents(a - b));
      }),
    );
  });

  it('multiplies exactly, as integer cents would', () => {
    fc.assert(
      fc.property(money, fc.bigInt({ min: -1000n, max: 1000n }), (a, b) => {
        expect(multiplyDecimal(cents(a), String(b))).toBe(cents(a * b));
      }),
    );
    expect(multiplyDecimal('7', '1.05')).toBe('7.35');
    expect(multiplyDecimal('0.1', '0.2')).toBe('0.02');
  });

  it('sums without float drift', () => {
    expect(sumDecimals(['0.1', '0.2', '0.3'])).toBe('0.6');
    expect(sumDecimals([])).toBe('0');
  });

  it.each([
    ['1000', '3', 4, '333.3333'],
    ['2', '3', 2, '0.67'],
    ['-2', '3', 2, '-0.67'],
    ['1', '8', 2, '0.13'],
    ['1', '0', 2, null],
  ])('divides %s by %s to %i places: %s', (a, b, scale, expected) => {
    expect(divideDecimal(a, b, scale)).toBe(expected);
  });
});

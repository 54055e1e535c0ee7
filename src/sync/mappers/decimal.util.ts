/**
 * Exact decimals as strings. Xero's JSON numbers arrive as JS numbers; their shortest string form is
 * the decimal Xero sent, so it is kept as text and any arithmetic (line totals, balances, hours) is
 * done on scaled BigInts, never on floats. Output is canonical: no exponent, no trailing zeros.
 */

const DECIMAL_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)$/;

interface Scaled {
  units: bigint;
  scale: number;
}

function expandExponent(text: string): string {
  const [mantissa, exponentText] = text.toLowerCase().split('e');
  const exponent = Number(exponentText);
  const negative = mantissa.startsWith('-');
  const [whole, fraction = ''] = mantissa.replace(/^[+-]/, '').split('.');
  const digits = whole + fraction;
  const point = whole.length + exponent;
  const body =
    point <= 0
      ? `0.${'0'.repeat(-point)}${digits}`
      : point >= digits.length
        ? digits + '0'.repeat(point - digits.length)
        : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return (negative ? '-' : '') + body;
}

function canonical(text: string): string {
  const negative = text.startsWith('-');
  const [wholeRaw, fractionRaw = ''] = text.replace(/^[+-]/, '').split('.');
  const whole = wholeRaw.replace(/^0+(?=\d)/, '') || '0';
  const fraction = fractionRaw.replace(/0+$/, '');
  const body = fraction ? `${whole}.${fraction}` : whole;
  return negative && body !== '0' ? `-${body}` : body;
}

/** An exact decimal string from a Xero number or numeric string; null for missing or non-numeric. */
export function decimal(value: unknown): string | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    const text = String(value);
    return canonical(text.includes('e') ? expandExponent(text) : text);
  }
  if (typeof value === 'string') {
    const text = value.trim().replace(/,/g, '');
    return DECIMAL_TEXT.test(text) ? canonical(text.startsWith('.') ? `0${text}` : text) : null;
  }
  return null;
}

/** Like `decimal`, with "0" for missing values: for NOT NULL money columns that default to zero. */
export function decimalOrZero(value: unknown): string {
  return decimal(value) ?? '0';
}

function toScaled(value: string): Scaled {
  const negative = value.startsWith('-');
  const [whole, fraction = ''] = value.replace(/^[+-]/, '').split('.');
  const units = BigInt(whole + fraction);
  return { units: negative ? -units : units, scale: fraction.length };
}

function fromScaled({ units, scale }: Scaled): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return canonical((negative ? '-' : '') + text);
}

function align(a: Scaled, b: Scaled): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  const up = (s: Scaled) => s.units * 10n ** BigInt(scale - s.scale);
  return [up(a), up(b), scale];
}

/** a + b, exactly. */
export function addDecimal(a: string, b: string): string {
  const [x, y, scale] = align(toScaled(a), toScaled(b));
  return fromScaled({ units: x + y, scale });
}

/** a - b, exactly. */
export function subtractDecimal(a: string, b: string): string {
  const [x, y, scale] = align(toScaled(a), toScaled(b));
  return fromScaled({ units: x - y, scale });
}

/** a * b, exactly. */
export function multiplyDecimal(a: string, b: string): string {
  const x = toScaled(a);
  const y = toScaled(b);
  return fromScaled({ units: x.units * y.units, scale: x.scale + y.scale });
}

/** The exact sum of decimal strings ("0" for none). */
export function sumDecimals(values: readonly string[]): string {
  return values.reduce(addDecimal, '0');
}

/** a / b rounded half away from zero to `scale` places; null when b is zero. */
export function divideDecimal(a: string, b: string, scale: number): string | null {
  const [x, y] = align(toScaled(a), toScaled(b));
  if (y === 0n) return null;
  const numerator = x * 10n ** BigInt(scale + 1);
  const negative = numerator < 0n !== y < 0n;
  const abs = (n: bigint) => (n < 0n ? -n : n);
  const tenfold = abs(numerator) / abs(y);
  const rounded = (tenfold + 5n) / 10n;
  return fromScaled({ units: negative ? -rounded : rounded, scale });
}

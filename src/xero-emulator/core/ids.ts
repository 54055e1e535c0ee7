import { randomBytes } from 'node:crypto';

/** mulberry32: tiny, fast and deterministic, so seeded ids are identical on every start. */
export class Prng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  uuid(): string {
    let hex = '';
    for (let i = 0; i < 4; i++) hex += HEX32(Math.floor(this.next() * 4294967296));
    // RFC 4122 version 4 layout, so ids look like Xero's.
    const variant = ((Number.parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}

const HEX32 = (n: number) => (n >>> 0).toString(16).padStart(8, '0');

function formatUuid(bytes: Uint8Array): string {
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Buffer.from(bytes).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

let idSource: Prng | undefined;

/** Ids for records created at run time: random like Xero's, or from a seeded PRNG while seeding. */
export function newId(): string {
  return idSource ? idSource.uuid() : formatUuid(new Uint8Array(randomBytes(16)));
}

/** Runs `fn` (synchronously) with deterministic ids, so seeded records get the same ids every start. */
export function withSeededIds<T>(prng: Prng, fn: () => T): T {
  const previous = idSource;
  idSource = prng;
  try {
    return fn();
  } finally {
    idSource = previous;
  }
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function stringSeed(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

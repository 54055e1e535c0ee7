import type { DataSource } from 'typeorm';
import type { AuthContext } from './auth-context.js';
import { authenticateHash } from './authenticate.js';

interface Entry {
  auth: Promise<AuthContext>;
  readAt: number;
}

/**
 * The state of the keys of open sockets, re-read from Postgres when older than `ttlMs`. A socket's key is
 * checked again on every operation through it: without the bound, a key revoked while this process
 * missed the revocation's NOTIFY (its LISTEN connection was down) would keep working on sockets opened
 * before. A NOTIFY drops the app's entries at once; the bound holds when notices are lost.
 */
export class KeyCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly db: DataSource,
    private readonly ttlMs: number,
  ) {}

  /** The key's tenant, app and scopes; UNAUTHENTICATED when revoked, a database error when unreachable. */
  check(keyHash: string): Promise<AuthContext> {
    const now = Date.now();
    const entry = this.entries.get(keyHash);
    if (entry && now - entry.readAt < this.ttlMs) return entry.auth;
    const auth = authenticateHash(this.db, keyHash);
    // A refusal or a failed read is not kept: the next operation asks Postgres again.
    auth.catch(() => {
      if (this.entries.get(keyHash)?.auth === auth) this.entries.delete(keyHash);
    });
    this.entries.set(keyHash, { auth, readAt: now });
    this.prune(now);
    return auth;
  }

  /** After a revocation's NOTIFY: the app's keys are read again on their next use. */
  forgetApp(appId: string): void {
    for (const [keyHash, entry] of this.entries) {
      entry.auth.then(
        (auth) => {
          if (auth.app.id === appId && this.entries.get(keyHash) === entry) this.entries.delete(keyHash);
        },
        () => {},
      );
    }
  }

  /** After notices may have been lost (the LISTEN connection was re-established): every key is read again. */
  forgetAll(): void {
    this.entries.clear();
  }

  /** Entries past their time are dropped as new ones come, so keys no longer used do not pile up. */
  private prune(now: number) {
    if (this.entries.size < 1000) return;
    for (const [keyHash, entry] of this.entries) {
      if (now - entry.readAt >= this.ttlMs) this.entries.delete(keyHash);
    }
  }
}

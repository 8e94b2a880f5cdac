// Starts the Astro side of the project as a child process: `astro preview` of the built site
// (e2e tests, benchmarks) or `astro dev` (npm run dev). Astro runs on the Node that runs us.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort, projectRoot, waitForUrl } from './pocketbase-process.mjs';

export const astroBin = join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');

/**
 * The built site the e2e tests serve and read: `npm test` builds it into a folder of its own
 * (E2E_SITE_DIR), wired to the test's PocketBase port, so `dist/` stays as `npm run build` makes
 * it; `dist/` when the tests run against a build of your own.
 */
export const builtSite = process.env['E2E_SITE_DIR'] ?? join(projectRoot, 'dist');

/**
 * @param {string[]} args astro's command and flags
 * @param {import('node:child_process').StdioOptions} stdio
 */
export function spawnAstro(args, stdio) {
	return spawn(process.execPath, [astroBin, ...args], {
		cwd: projectRoot,
		stdio,
		env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
	});
}

/**
 * Serves the built site (`builtSite`) on a free port and resolves once it answers. If astro preview exits first (for
 * example because another preview of this project is already running, which Astro refuses),
 * rejects at once with what it printed, instead of waiting for a port that will never answer.
 */
export async function startPreview() {
	const port = await freePort();
	const child = spawnAstro(
		['preview', '--outDir', builtSite, '--host', '127.0.0.1', '--port', String(port)],
		['ignore', 'pipe', 'pipe']
	);
	let output = '';
	const keep = (/** @type {Buffer} */ chunk) => {
		output = (output + chunk.toString()).slice(-2000);
	};
	child.stdout?.on('data', keep);
	child.stderr?.on('data', keep);
	const url = `http://127.0.0.1:${port}`;
	/** @type {Promise<never>} */
	const exited = new Promise((_, reject) =>
		child.once('exit', (code) =>
			reject(new Error(`astro preview exited (code ${code}) before serving ${url}:\n${output}`))
		)
	);
	// Astro's preview server loads the whole built site's server code first: on a busy two-core
	// machine that has taken over 20 s, so it gets a minute (it fails at once if it exits).
	await Promise.race([waitForUrl(url, 60_000), exited]);
	// Keep draining its output so a chatty server never blocks on a full pipe.
	child.stdout?.resume();
	child.stderr?.resume();
	return { child, url };
}

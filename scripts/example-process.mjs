// Starts the built SvelteKit example (examples/sveltekit/build, adapter-node) as a child process
// against a given PocketBase. Shared by its e2e test and the calibration in `npm run bench`.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, projectRoot, waitForUrl } from './pocketbase-process.mjs';

export const svelteKitDir = join(projectRoot, 'examples', 'sveltekit');
const entry = join(svelteKitDir, 'build', 'index.js');

/**
 * Serves the SvelteKit example on a free loopback port and resolves once it answers. Rejects at
 * once with its output if it exits first.
 * @param {{ pocketBaseUrl: string }} options
 */
export async function startSvelteKitExample({ pocketBaseUrl }) {
	if (!existsSync(entry)) {
		throw new Error(
			'No built SvelteKit example in examples/sveltekit/build. Run the e2e tests with `npm test` or `npm run test:e2e` (they build it first).'
		);
	}
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, [entry], {
		cwd: svelteKitDir,
		stdio: ['ignore', 'pipe', 'pipe'],
		env: {
			...process.env,
			HOST: '127.0.0.1',
			PORT: String(port),
			// adapter-node builds event.url (and the form actions' CSRF check) from ORIGIN.
			ORIGIN: url,
			POCKETBASE_URL: pocketBaseUrl,
		},
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
			reject(
				new Error(`The SvelteKit example exited (code ${code}) before serving ${url}:\n${output}`)
			)
		)
	);
	await Promise.race([waitForUrl(url), exited]);
	return { child, url, output: () => output };
}

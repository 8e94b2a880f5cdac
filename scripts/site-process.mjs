// Starts the Astro side of the project as a child process: `astro preview` of the built site
// (e2e tests, benchmarks) or `astro dev` (npm run dev). Astro runs on the Node that runs us.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort, projectRoot, waitForUrl } from './pocketbase-process.mjs';

export const astroBin = join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');

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

/** Serves dist/ on a free port and resolves once it answers. */
export async function startPreview() {
	const port = await freePort();
	const child = spawnAstro(['preview', '--host', '127.0.0.1', '--port', String(port)], 'ignore');
	const url = `http://127.0.0.1:${port}`;
	await waitForUrl(url);
	return { child, url };
}

/**
 * Starts what every e2e test shares: a real PocketBase from playground/ on the port the site
 * was built for (fresh data folder), and `astro preview` of the built site. Stops both after.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	freePort,
	projectRoot,
	startPocketBase,
	stopProcess,
	waitForHealth,
} from '../scripts/pocketbase-process.mjs';

export default async function globalSetup() {
	if (!existsSync(join(projectRoot, 'dist', 'index.html'))) {
		throw new Error('No built site in dist/. Run the e2e tests with `npm test` (it builds first).');
	}
	const port = Number(process.env['E2E_PB_PORT']);
	if (!port) {
		throw new Error(
			'E2E_PB_PORT is not set: run the e2e tests with `npm test` or `npm run test:e2e`.'
		);
	}
	const dataDir = mkdtempSync(join(tmpdir(), 'pb-e2e-'));
	const pocketbase = startPocketBase({ port, dataDir, stdio: 'ignore' });
	await waitForHealth(pocketbase.url);

	const previewPort = await freePort();
	const astroBin = join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');
	const preview = spawn(
		process.execPath,
		[astroBin, 'preview', '--host', '127.0.0.1', '--port', String(previewPort)],
		{ cwd: projectRoot, stdio: 'ignore', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } }
	);
	const siteUrl = `http://127.0.0.1:${previewPort}`;
	await waitFor(siteUrl);

	process.env['E2E_SITE_URL'] = siteUrl;
	process.env['E2E_PB_URL'] = pocketbase.url;

	return async () => {
		await Promise.all([stopProcess(preview), stopProcess(pocketbase.child)]);
		rmSync(dataDir, { recursive: true, force: true });
	};
}

async function waitFor(url: string, timeoutMs = 20_000) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not up yet
		}
		await new Promise((r) => setTimeout(r, 150));
	}
	throw new Error(`The preview server at ${url} did not start in ${timeoutMs} ms.`);
}

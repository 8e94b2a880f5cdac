/**
 * Starts what every e2e test shares: a real PocketBase from playground/ on the port the site
 * was built for (fresh data folder), and `astro preview` of the built site. Stops both after.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPocketBaseListening, stopProcess } from '../scripts/pocketbase-process.mjs';
import { startPreview, builtSite } from '../scripts/site-process.mjs';

export default async function globalSetup() {
	if (!existsSync(join(builtSite, 'index.html'))) {
		throw new Error(
			`No built site in ${builtSite}. Run the e2e tests with \`npm test\` (it builds first).`
		);
	}
	const port = Number(process.env['E2E_PB_PORT']);
	if (!port) {
		throw new Error(
			'E2E_PB_PORT is not set: run the e2e tests with `npm test` or `npm run test:e2e`.'
		);
	}
	const dataDir = mkdtempSync(join(tmpdir(), 'pb-e2e-'));
	// Every test is a reader, and they all come from 127.0.0.1: one network, which the
	// playground would hold to 100 live accounts and 10 streams (visitor-quota.js). The quotas
	// themselves are tested in tests/playground-strangers.spec.ts, each on a PocketBase of its own.
	const pocketbase = await startPocketBaseListening({
		port,
		dataDir,
		env: { PLAYGROUND_USERS_PER_NETWORK: '100000', PLAYGROUND_STREAMS_PER_NETWORK: '400' },
	});

	// If the site cannot be served, stop the PocketBase just started: no teardown runs after a
	// failed setup, and it would otherwise outlive the test run.
	const preview = await startPreview().catch(async (error: unknown) => {
		await stopProcess(pocketbase.child);
		rmSync(dataDir, { recursive: true, force: true });
		throw error;
	});
	const siteUrl = preview.url;

	process.env['E2E_SITE_URL'] = siteUrl;
	process.env['E2E_PB_URL'] = pocketbase.url;

	return async () => {
		await Promise.all([stopProcess(preview.child), stopProcess(pocketbase.child)]);
		rmSync(dataDir, { recursive: true, force: true });
	};
}

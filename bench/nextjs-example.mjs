// The Next.js example in `npm run bench` (its production build does not fit npm test's time
// budget): the build's time, then the SvelteKit example's two-user test against it. Each
// variant gets a fresh PocketBase of its own, as in tests/examples-sveltekit.spec.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildExample, startNextExample } from '../scripts/example-process.mjs';
import {
	freePort,
	runPocketBaseCommand,
	startPocketBase,
	stopProcess,
	waitForHealth,
} from '../scripts/pocketbase-process.mjs';
import { seedUsers, signInTogether } from '../scripts/two-user-notes.mjs';

const superuser = { email: 'bench@example.com', password: 'bench-superuser-password' };

/**
 * Alice's and Bob's view of their notes after signing in together through one variant.
 * @param {import('playwright-core').Browser} browser
 * @param {'/anti-pattern' | ''} prefix
 */
async function variantRun(browser, prefix) {
	const dataDir = mkdtempSync(join(tmpdir(), 'pb-bench-next-'));
	await runPocketBaseCommand(['superuser', 'upsert', superuser.email, superuser.password], dataDir);
	const pocketbase = startPocketBase({ port: await freePort(), dataDir, stdio: 'ignore' });
	/** @type {Awaited<ReturnType<typeof startNextExample>> | undefined} */
	let app;
	try {
		await waitForHealth(pocketbase.url);
		const users = await seedUsers(pocketbase.url, superuser);
		app = await startNextExample({ pocketBaseUrl: pocketbase.url });
		const [aliceSees = [], bobSees = []] = await signInTogether(
			browser,
			`${app.url}${prefix}`,
			users
		);
		const [alice, bob] = users;
		return { aliceSees, bobSees, aliceNote: alice?.note ?? '', bobNote: bob?.note ?? '' };
	} finally {
		if (app) await stopProcess(app.child);
		await stopProcess(pocketbase.child);
		rmSync(dataDir, { recursive: true, force: true });
	}
}

/** @param {import('playwright-core').Browser} browser */
export async function nextExampleRun(browser) {
	const buildSeconds = await buildExample('nextjs');

	const shared = await variantRun(browser, '/anti-pattern');
	const perRequest = await variantRun(browser, '');
	const same = (/** @type {string[]} */ a, /** @type {string[]} */ b) =>
		JSON.stringify(a) === JSON.stringify(b);
	// The same checks as the SvelteKit spec: through the shared client both read the same one
	// person's notes; through a client per request each reads their own.
	const leaks =
		same(shared.aliceSees, shared.bobSees) &&
		(same(shared.aliceSees, [shared.aliceNote]) || same(shared.aliceSees, [shared.bobNote]));
	const isolates =
		same(perRequest.aliceSees, [perRequest.aliceNote]) &&
		same(perRequest.bobSees, [perRequest.bobNote]);
	return { buildSeconds, shared, perRequest, leaks, isolates, passed: leaks && isolates };
}

/**
 * The playground started as the public one is (`startPocketBase({ public })`, the flags of
 * scripts/serve-flags.mjs): CORS answers the site's origin and no other, so a foreign site cannot
 * drive the demo backend from its visitors' browsers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { freePort, startPocketBaseListening, stopProcess } from '../scripts/pocketbase-process.mjs';

const siteOrigin = new URL(process.env['E2E_SITE_URL'] ?? 'http://127.0.0.1:4321').origin;
// The same preview server under another name: a different origin that serves the same page.
const foreignOrigin = siteOrigin.replace('127.0.0.1', 'localhost');

test.describe('public mode', () => {
	let pocketbase: Awaited<ReturnType<typeof startPocketBaseListening>>;
	let dataDir: string;
	test.beforeAll(async () => {
		dataDir = mkdtempSync(join(tmpdir(), 'pb-public-'));
		pocketbase = await startPocketBaseListening({
			port: await freePort(),
			dataDir,
			public: { origins: [siteOrigin] },
		});
	});
	test.afterAll(async () => {
		await stopProcess(pocketbase.child);
		rmSync(dataDir, { recursive: true, force: true });
	});

	test('a foreign Origin gets no Access-Control-Allow-Origin, on requests and preflights', async () => {
		const list = `${pocketbase.url}/api/collections/articles/records`;
		const preflight = (origin: string) =>
			fetch(`${pocketbase.url}/api/collections/users/records`, {
				method: 'OPTIONS',
				headers: {
					Origin: origin,
					'Access-Control-Request-Method': 'POST',
					'Access-Control-Request-Headers': 'content-type',
				},
			});

		const own = await fetch(list, { headers: { Origin: siteOrigin } });
		expect(own.headers.get('access-control-allow-origin')).toBe(siteOrigin);
		expect((await preflight(siteOrigin)).headers.get('access-control-allow-origin')).toBe(
			siteOrigin
		);

		for (const origin of [foreignOrigin, 'https://evil.example', 'null']) {
			const foreign = await fetch(list, { headers: { Origin: origin } });
			expect(foreign.headers.get('access-control-allow-origin'), origin).toBeNull();
			const refused = await preflight(origin);
			expect(refused.headers.get('access-control-allow-origin'), origin).toBeNull();
			expect(refused.headers.get('access-control-allow-methods'), origin).toBeNull();
		}
	});

	test('in a real browser, the site can call it and a page on another origin cannot', async ({
		page,
	}) => {
		/** What a page's own script gets from a sign-up POST (the demos' first call). */
		const signUpFrom = (pbUrl: string, email: string) =>
			page.evaluate(
				async ({ pbUrl, email }) => {
					try {
						const response = await fetch(`${pbUrl}/api/collections/users/records`, {
							method: 'POST',
							headers: { 'Content-Type': 'application/json' },
							body: JSON.stringify({
								email,
								password: 'a-long-password',
								passwordConfirm: 'a-long-password',
							}),
						});
						return `status ${response.status}`;
					} catch (error) {
						return `refused: ${String(error)}`;
					}
				},
				{ pbUrl, email }
			);

		await page.goto(`${siteOrigin}/`);
		expect(await signUpFrom(pocketbase.url, 'site@example.com')).toBe('status 200');

		await page.goto(`${foreignOrigin}/`);
		expect(await signUpFrom(pocketbase.url, 'foreign@example.com')).toMatch(
			/^refused: TypeError: Failed to fetch/
		);
		// The preflight failed, so the POST itself was never sent: no account was made.
		const check = await fetch(`${pocketbase.url}/api/collections/users/auth-with-password`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ identity: 'foreign@example.com', password: 'a-long-password' }),
		});
		expect(check.status).toBe(400);
	});
});

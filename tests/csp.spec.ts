/**
 * The Content-Security-Policy is in force and nothing the site ships breaks it: the interactions
 * that load code or connect somewhere (the SDK's first load, realtime streams, a PocketBase named with `?pb=`, Pagefind's WebAssembly search, the diagram
 * player, the theme picker). A violation counts whether the browser reports it as a
 * `securitypolicyviolation` event or only as a console message. Every page of the sitemap loads
 * under the policy in pages.spec.ts, which already opens each one at both widths.
 */
import { policyOf, watchViolations } from './csp-violations';
import { connectionStatus, expect, test } from './fixtures';
import { startStaticHost } from './static-host';
import { builtSite } from '../scripts/site-process.mjs';

test.describe('Content-Security-Policy', () => {
	test('is enforced: an injected inline script does not run and is reported', async ({ page }) => {
		const violations = await watchViolations(page);
		await page.goto('/');
		const policy = await policyOf(page);
		expect(policy.get('script-src')).toContain("'self'");
		expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
		expect(policy.get('object-src')).toEqual(["'none'"]);
		const ran = await page.evaluate(() => {
			const script = document.createElement('script');
			script.textContent = 'document.documentElement.dataset.injected = "yes"';
			document.head.append(script);
			return document.documentElement.dataset['injected'] === 'yes';
		});
		expect(ran).toBe(false);
		await expect.poll(() => violations.join('\n')).toContain('script-src');
	});

	test('lets the demos reach the built-in PocketBase, https and loopback, and nothing else over http', async ({
		page,
	}) => {
		await page.goto('/');
		const connect = (await policyOf(page)).get('connect-src') ?? [];
		expect(connect).toEqual(expect.arrayContaining(["'self'", 'https:', 'http://127.0.0.1:*']));
		expect(connect).not.toContain('http:');
		expect(connect).not.toContain('*');
	});

	test('the search loads Pagefind and its WebAssembly and finds a page', async ({ page }) => {
		const violations = await watchViolations(page);
		await page.goto('/');
		await page.getByRole('button', { name: 'Search' }).click();
		await page.getByRole('dialog').locator('input').fill('rate limit');
		await expect(page.locator('.pagefind-ui__result').first()).toBeVisible({ timeout: 15_000 });
		expect(violations).toEqual([]);
	});

	test('the theme picker and the diagram player work under the policy', async ({ page }) => {
		const violations = await watchViolations(page);
		await page.goto('/problem/what-pocketbase-sees/');
		await page
			.getByRole('combobox', { name: 'Select theme' })
			.filter({ visible: true })
			.selectOption('light');
		await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
		const diagram = page.locator('#proxy-flow');
		await diagram.scrollIntoViewIfNeeded();
		await diagram.getByRole('button', { name: 'Next' }).click();
		await diagram.getByRole('button', { name: 'Play' }).click();
		await expect
			.poll(() =>
				diagram.evaluate((el) =>
					el.querySelector('[data-et="message"][data-step-active]')?.getAttribute('data-step')
				)
			)
			.not.toBe('0');
		expect(violations).toEqual([]);
	});

	test('served with public/_headers, a page keeps working and refuses to be framed', async ({
		page,
	}) => {
		// astro preview ignores _headers; this serves dist/ as a host that reads it does.
		const host = await startStaticHost(builtSite);
		try {
			const violations = await watchViolations(page);
			const response = await page.goto(`${host.url}/problem/what-pocketbase-sees/`);
			expect(response?.headers()['x-content-type-options']).toBe('nosniff');
			await expect(connectionStatus(page)).toHaveAttribute('data-state', 'connected');
			await page.getByRole('button', { name: 'Ask PocketBase directly' }).click();
			await expect(page.locator('[data-path="direct"] [data-field="address"]')).not.toBeEmpty();
			expect(violations).toEqual([]);

			// frame-ancestors 'none' refuses every embedding, even by the site itself.
			await page.evaluate(() => {
				const frame = document.createElement('iframe');
				frame.src = '/';
				document.body.append(frame);
			});
			await expect.poll(() => violations.join('\n')).toContain('frame-ancestors');
			// The frame shows none of the site. (The headless shell leaves it blank; a full Chromium
			// puts its own "refused to connect" error page there, so the site's own header is what
			// must be missing, not any heading.)
			const framed = page.frameLocator('iframe');
			await expect(
				framed.getByRole('link', { name: 'PocketBase: server or browser?' })
			).toHaveCount(0);
			await expect(framed.getByRole('main')).toHaveCount(0);
		} finally {
			host.server.close();
		}
	});

	test('your own request: the highlighter loads and both paths run', async ({ page }) => {
		const violations = await watchViolations(page);
		await page.goto('/your-request/');
		await expect(connectionStatus(page)).toHaveAttribute('data-state', 'connected');
		const demo = page.locator('own-request');
		// Editing the request loads shiki to colour the new code.
		await demo.getByLabel('Sort').fill('-created');
		await expect(demo.locator('[data-target="browser"]')).toContainText("sort: '-created'");
		await demo.getByRole('button', { name: 'Run it both ways' }).click();
		await expect(demo.locator('[data-side="proxy"]')).toContainText('200 OK', { timeout: 15_000 });
		await expect(demo.locator('[data-side="direct"]')).toContainText('200 OK');
		expect(violations).toEqual([]);
	});

	test.describe('demos against a PocketBase named with ?pb=', () => {
		test('whoami: the SDK loads and both paths call PocketBase', async ({
			page,
			ownPocketBase,
		}) => {
			const violations = await watchViolations(page);
			await page.goto(ownPocketBase.withPb('/problem/what-pocketbase-sees/'));
			await expect(connectionStatus(page)).toHaveAttribute('data-state', 'connected');
			const direct = page.locator('[data-path="direct"]');
			const proxy = page.locator('[data-path="proxy"]');
			await direct.getByRole('button', { name: 'Ask PocketBase directly' }).click();
			await expect(direct.locator('[data-field="address"]')).toContainText('127.0.0.1');
			await proxy.getByRole('button', { name: 'Ask through the simulated server' }).click();
			await expect(proxy.locator('[data-field="address"]')).toContainText(/^2001:0?db8:/);
			await page.getByRole('button', { name: 'Sign in as a throwaway user' }).click();
			await expect(page.getByText(/Signed in as demo-/).first()).toBeVisible();
			expect(violations).toEqual([]);
		});

		test('realtime: a stream opens and an event arrives', async ({ page, ownPocketBase }) => {
			const violations = await watchViolations(page);
			await page.goto(ownPocketBase.withPb('/problem/realtime/'));
			await expect(connectionStatus(page)).toHaveAttribute('data-state', 'connected');
			const demo = page.locator('realtime-streams');
			await demo.getByRole('button', { name: 'Subscribe to my notes' }).click();
			await expect(
				demo.getByText(/^Subscribed to your notes\. Stream open, client id \w+\.$/)
			).toBeVisible();
			await demo.getByLabel('Note text').fill('Under the policy');
			await demo.getByRole('button', { name: 'Create the note' }).click();
			await expect(
				demo.getByRole('list', { name: 'Events received' }).getByRole('listitem').first()
			).toContainText('Under the policy');
			expect(violations).toEqual([]);
		});

		test('the latency race and the rules matrix run', async ({ page, ownPocketBase }) => {
			const violations = await watchViolations(page);
			await page.goto(
				ownPocketBase.withPb('/problem/double-hops/?race-requests=4&race-concurrency=2')
			);
			await expect(connectionStatus(page)).toHaveAttribute('data-state', 'connected');
			const race = page.locator('latency-race');
			await race.getByRole('button', { name: 'Run' }).click();
			await expect(race.getByText('Done: 8 requests.', { exact: true })).toBeVisible({
				timeout: 20_000,
			});

			await page.goto(ownPocketBase.withPb('/approaches/api-rules/'));
			await expect(connectionStatus(page)).toHaveAttribute('data-state', 'connected');
			const matrix = page.locator('rules-matrix');
			await matrix.getByRole('button', { name: 'Run the matrix' }).click();
			await expect(matrix.getByRole('status', { name: 'Progress of the run' })).toHaveText(
				'Done: 30 answers from PocketBase.',
				{ timeout: 15_000 }
			);
			expect(violations).toEqual([]);
		});
	});
});

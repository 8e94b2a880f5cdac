/**
 * "Your own request" against a real PocketBase: a request run both ways with what each path
 * sent and got, the generated code beside it, PocketBase's own 400 with its field errors, and
 * the form's state in the URL.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { connectionStatus, expect, test } from './fixtures';

const demo = (page: Page) => page.locator('own-request');
const sideNames = { direct: /^Direct from your browser/, proxy: /^Through the simulated server/ };
const side = (page: Page, name: 'direct' | 'proxy') =>
	demo(page).getByRole('region', { name: sideNames[name] });
/** The value beside a term in one of a side's lists (Request, Status, Authorization…). */
const row = (box: Locator, term: string) =>
	box
		.getByRole('term')
		.filter({ hasText: new RegExp(`^${term}$`) })
		.locator('xpath=following-sibling::dd[1]');
/** The response body a side shows under its "Response body" summary. */
const responseBody = (box: Locator) => box.getByRole('group').filter({ hasText: 'Response body' });
const codeSection = (page: Page) =>
	demo(page).getByRole('region', { name: 'The same request in your code' });
const codeFor = (page: Page, target: string) =>
	codeSection(page).getByRole('group', { name: target, exact: true, includeHidden: true });

test.describe('your own request', () => {
	test('runs a list both ways on the playground and shows the request, the answer and the code', async ({
		page,
	}) => {
		await page.goto('/your-request/');
		await expect(connectionStatus(page)).toHaveAttribute('data-state', 'connected');
		const form = demo(page).locator('form');
		await expect(form.getByLabel('Collection')).toHaveValue('articles');
		await form.getByLabel('Filter', { exact: true }).fill('title ~ {:q} && slug != {:skip}');
		await form
			.getByLabel('Filter parameters (JSON)')
			.fill('{"q": "rules", "skip": "x\\" || id != \\""}');
		await demo(page).getByRole('button', { name: 'Run it both ways' }).click();

		const direct = side(page, 'direct');
		const proxy = side(page, 'proxy');
		await expect(row(proxy, 'Status')).toHaveText('200 OK', { timeout: 15_000 });
		for (const box of [direct, proxy]) {
			await expect(row(box, 'Status')).toHaveText('200 OK');
			// The answer's Content-Type, listed under "Came back" (a GET sends none).
			await expect(row(box, 'Content-Type').last()).toHaveText('application/json');
			// pb.filter() quoted the hostile value, so it stayed a value: four titles match.
			await expect(row(box, 'Request')).toContainText(
				'/api/collections/articles/records?page=1&perPage=20&filter=title ~ "rules" && slug != "x\\" || id != \\""'
			);
			await expect(responseBody(box)).toContainText('"totalItems": 4');
			await expect(row(box, 'Authorization')).toHaveText('none (a guest)');
		}
		await expect(row(direct, 'X-Simulated-Server-IP')).toHaveText('not sent');
		// The server's mark, whatever the kit sends in it; the direct call sends none.
		await expect(row(proxy, 'X-Simulated-Server-IP')).not.toHaveText('not sent');
		await expect(row(proxy, 'X-Simulated-Server-IP')).toHaveText(/\S/);
		await expect(direct.getByText(/^[\d.]+ ms measured\.$/)).toBeVisible();
		await expect(
			proxy.getByText(/^[\d.]+ ms: [\d.]+ ms modelled server hop \+ [\d.]+ ms measured call\.$/)
		).toBeVisible();
		await expect(
			direct.getByText('rule “/api/” (300 per 10 s), counted for your own address')
		).toBeVisible();
		await expect(
			proxy.getByText('rule “/api/” (300 per 10 s), counted for the server’s address')
		).toBeVisible();
		// The results pass axe too (pages.spec.ts sees the demo before it has run).
		const axe = await new AxeBuilder({ page })
			.include('own-request')
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
			.analyze();
		expect(axe.violations.map((violation) => violation.id)).toEqual([]);

		// The code follows the form, coloured, for each target.
		const code = codeSection(page);
		await expect(codeFor(page, 'Browser')).toContainText(
			"filter: pb.filter('title ~ {:q} && slug != {:skip}', {"
		);
		// Coloured: the highlighter's block, not the plain-text fallback.
		await expect(codeFor(page, 'Browser').locator('pre.shiki')).toBeVisible();
		await expect(codeFor(page, 'SvelteKit')).toBeHidden();
		await code.getByRole('radio', { name: 'SvelteKit' }).check();
		const svelteKit = codeFor(page, 'SvelteKit');
		await expect(svelteKit).toContainText("locals.pb.collection('articles').getList(1, 20, {");
		await expect(svelteKit).toContainText('const pb = new PocketBase(POCKETBASE_URL);');
		// SvelteKit 3 serves $app/env/private only what src/env.ts declares: the file comes along.
		await expect(svelteKit).toContainText("import { POCKETBASE_URL } from '$app/env/private';");
		await expect(svelteKit).toContainText('src/env.ts');
		await expect(svelteKit).toContainText('export const variables = defineEnvVars({');
		await code.getByRole('radio', { name: 'Next.js' }).check();
		await expect(codeFor(page, 'Next.js')).toContainText(
			'pb.authStore.loadFromCookie((await cookies()).toString());'
		);
	});

	test('shows PocketBase’s 400 with its field errors, and a bad filter’s 400', async ({
		page,
		ownPocketBase,
	}) => {
		await page.goto(ownPocketBase.withPb('/your-request/'));
		await expect(connectionStatus(page)).toHaveAttribute('data-state', 'connected');
		const form = demo(page).locator('form');
		// Another PocketBase: the collection is typed, and checked before anything is sent.
		await form.getByLabel('Collection').fill('no such!');
		await demo(page).getByRole('button', { name: 'Direct only' }).click();
		await expect(
			demo(page).getByRole('alert').filter({ hasText: 'A collection name is letters, digits' })
		).toBeVisible();
		await expect(form.getByLabel('Collection')).toHaveAttribute('aria-invalid', 'true');

		await form.getByLabel('Collection').fill('users');
		await form.getByLabel('Method').selectOption('create');
		await form
			.getByLabel('Body (JSON)')
			.fill('{"email": "not-an-email", "password": "short", "passwordConfirm": "short"}');
		await demo(page).getByRole('button', { name: 'Direct only' }).click();
		const direct = side(page, 'direct');
		await expect(row(direct, 'Status')).toHaveText('400 Bad Request');
		// The refusal in words, with PocketBase's field errors (the body below shows "email": {…}).
		await expect(
			direct.getByText('PocketBase refused the request (400): Failed to create record.')
		).toBeVisible();
		await expect(direct).toContainText('email: ');
		await expect(direct).toContainText('password: ');
		await expect(responseBody(direct)).toContainText('"validation_');

		await form.getByLabel('Collection').fill('articles');
		await form.getByLabel('Method').selectOption('list');
		await form.getByLabel('Filter', { exact: true }).fill('no_such_field ~ {:q}');
		await demo(page).getByRole('button', { name: 'Through the server only' }).click();
		const proxy = side(page, 'proxy');
		await expect(row(proxy, 'Status')).toHaveText('400 Bad Request');
		await expect(proxy.getByText(/^PocketBase refused the request \(400\)/)).toBeVisible();
	});

	test('keeps the request in the URL, and a link reopens it', async ({ page }) => {
		await page.goto(
			'/your-request/?own-method=view&own-collection=notes&own-id=abc123def456ghi&own-expand=owner&own-server=edge-near-reader'
		);
		const form = demo(page).locator('form');
		await expect(form.getByLabel('Method')).toHaveValue('view');
		await expect(form.getByLabel('Collection')).toHaveValue('notes');
		await expect(form.getByLabel('Record id')).toHaveValue('abc123def456ghi');
		await expect(form.getByLabel('Filter', { exact: true })).toBeHidden();
		await form.getByLabel('Record id').fill('zzz999zzz999zzz');
		await expect(page).toHaveURL(/own-id=zzz999zzz999zzz/);
		await expect(codeFor(page, 'Browser')).toContainText(
			"pb.collection('notes').getOne('zzz999zzz999zzz', {"
		);

		await page.reload();
		await expect(form.getByLabel('Record id')).toHaveValue('zzz999zzz999zzz');
		await expect(form.getByLabel('Expand')).toHaveValue('owner');
		await expect(form.getByLabel('Where the simulated server runs')).toHaveValue(
			'edge-near-reader'
		);
		// A link with a value that is too long says so and keeps the default.
		await page.goto(`/your-request/?own-sort=${'x'.repeat(201)}`);
		await expect(
			demo(page).getByRole('alert').filter({ hasText: 'Sort must be at most 200 characters' })
		).toBeVisible();
	});

	test('signed in, both paths carry the token; a create needs its owner; auth-with-password signs in', async ({
		page,
		ownPocketBase,
	}) => {
		await page.goto(ownPocketBase.withPb('/your-request/?own-collection=notes&own-method=create'));
		await expect(connectionStatus(page)).toHaveAttribute('data-state', 'connected');
		await demo(page).getByRole('button', { name: 'Sign in as a throwaway user' }).click();
		// Sign-up and sign-in: two bcrypt hashes in PocketBase, slow on a busy machine.
		await expect(demo(page).getByText(/Signed in as demo-/)).toBeVisible({ timeout: 15_000 });
		const form = demo(page).locator('form');
		await expect(form.getByLabel('Body (JSON)')).toHaveValue(/"owner":"\w{15}"/);
		await demo(page).getByRole('button', { name: 'Run it both ways' }).click();
		for (const name of ['direct', 'proxy'] as const) {
			const box = side(page, name);
			await expect(row(box, 'Status')).toHaveText('200 OK', { timeout: 15_000 });
			await expect(row(box, 'Authorization')).toHaveText(/^sent \(a token of \d+ characters/);
			await expect(row(box, 'Request')).toContainText('POST http://127.0.0.1:');
			await expect(box.getByText(/“\*:create” \(20 per 5 s\)/)).toBeVisible();
			await expect(responseBody(box)).toContainText('"text": "A note from my own request"');
		}

		const email = await form.getByLabel('Email').inputValue();
		await form.getByLabel('Collection').fill('users');
		await form.getByLabel('Method').selectOption('auth');
		await expect(form.getByLabel('Email')).toHaveValue(email);
		await demo(page).getByRole('button', { name: 'Run it both ways' }).click();
		for (const name of ['direct', 'proxy'] as const) {
			const box = side(page, name);
			await expect(row(box, 'Request')).toContainText('/api/collections/users/auth-with-password', {
				timeout: 15_000,
			});
			await expect(row(box, 'Status')).toHaveText('200 OK');
			await expect(responseBody(box)).toContainText('"token": "');
		}
		const code = codeFor(page, 'Browser');
		await expect(code).toContainText(`authWithPassword('${email}', password)`);
		// The password is used, never written into the code or the address.
		const password = await form.getByLabel(/^Password/).inputValue();
		expect(password).not.toBe('');
		await expect(code).not.toContainText(password);
		expect(page.url()).not.toContain(password);
	});
});

/**
 * "Your own request" against a real PocketBase: a request run both ways with what each path
 * sent and got, the generated code beside it, PocketBase's own 400 with its field errors, and
 * the form's state in the URL.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { connectionStatus, expect, test } from './fixtures';

const demo = (page: Page) => page.locator('own-request');
const side = (page: Page, name: 'direct' | 'proxy') => demo(page).locator(`[data-side="${name}"]`);
/** The value beside a term in one of a side's lists (Request, Status, Authorization…). */
const row = (box: Locator, term: string) =>
	box.locator('dt', { hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]');

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
			await expect(row(box.locator('.response-rows'), 'Content-Type')).toHaveText(
				'application/json'
			);
			// pb.filter() quoted the hostile value, so it stayed a value: four titles match.
			await expect(row(box, 'Request')).toContainText(
				'/api/collections/articles/records?page=1&perPage=20&filter=title ~ "rules" && slug != "x\\" || id != \\""'
			);
			await expect(box.locator('.response-body code')).toContainText('"totalItems": 4');
			await expect(row(box, 'Authorization')).toHaveText('none (a guest)');
		}
		await expect(row(direct, 'X-Simulated-Server-IP')).toHaveText('not sent');
		// The server's mark, whatever the kit sends in it; the direct call sends none.
		await expect(row(proxy, 'X-Simulated-Server-IP')).not.toHaveText('not sent');
		await expect(row(proxy, 'X-Simulated-Server-IP')).toHaveText(/\S/);
		await expect(direct.locator('.time')).toHaveText(/^[\d.]+ ms measured\.$/);
		await expect(proxy.locator('.time')).toHaveText(
			/^[\d.]+ ms: [\d.]+ ms modelled server hop \+ [\d.]+ ms measured call\.$/
		);
		await expect(direct.locator('.bucket')).toContainText(
			'rule “/api/” (300 per 10 s), counted for your own address'
		);
		await expect(proxy.locator('.bucket')).toContainText(
			'rule “/api/” (300 per 10 s), counted for the server’s address'
		);
		// The results pass axe too (pages.spec.ts sees the demo before it has run).
		const axe = await new AxeBuilder({ page })
			.include('own-request')
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
			.analyze();
		expect(axe.violations.map((violation) => violation.id)).toEqual([]);

		// The code follows the form, coloured, for each target.
		const code = demo(page).locator('.code');
		await expect(code.locator('[data-target="browser"]')).toContainText(
			"filter: pb.filter('title ~ {:q} && slug != {:skip}', {"
		);
		await expect(code.locator('[data-target="browser"] pre.shiki')).toBeVisible();
		await expect(code.locator('[data-target="sveltekit"]')).toBeHidden();
		await code.getByLabel('SvelteKit').check();
		const svelteKit = code.locator('[data-target="sveltekit"]');
		await expect(svelteKit).toContainText("locals.pb.collection('articles').getList(1, 20, {");
		await expect(svelteKit).toContainText('const pb = new PocketBase(env.POCKETBASE_URL);');
		await code.getByLabel('Next.js').check();
		await expect(code.locator('[data-target="nextjs"]')).toContainText(
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
		await expect(demo(page).locator('.problems')).toContainText(
			'A collection name is letters, digits and underscores'
		);
		await expect(form.getByLabel('Collection')).toHaveAttribute('aria-invalid', 'true');

		await form.getByLabel('Collection').fill('users');
		await form.getByLabel('Method').selectOption('create');
		await form
			.getByLabel('Body (JSON)')
			.fill('{"email": "not-an-email", "password": "short", "passwordConfirm": "short"}');
		await demo(page).getByRole('button', { name: 'Direct only' }).click();
		const direct = side(page, 'direct');
		await expect(row(direct, 'Status')).toHaveText('400 Bad Request');
		const failure = direct.locator('.failure');
		await expect(failure).toContainText(
			'PocketBase refused the request (400): Failed to create record.'
		);
		await expect(failure).toContainText('email: ');
		await expect(failure).toContainText('password: ');
		await expect(direct.locator('.response-body code')).toContainText('"validation_');

		await form.getByLabel('Collection').fill('articles');
		await form.getByLabel('Method').selectOption('list');
		await form.getByLabel('Filter', { exact: true }).fill('no_such_field ~ {:q}');
		await demo(page).getByRole('button', { name: 'Through the server only' }).click();
		const proxy = side(page, 'proxy');
		await expect(row(proxy, 'Status')).toHaveText('400 Bad Request');
		await expect(proxy.locator('.failure')).toContainText('PocketBase refused the request (400)');
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
		await expect(demo(page).locator('[data-target="browser"]')).toContainText(
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
		await expect(demo(page).locator('.problems')).toContainText('Sort: at most 200 characters');
	});

	test('signed in, both paths carry the token; a create needs its owner; auth-with-password signs in', async ({
		page,
		ownPocketBase,
	}) => {
		await page.goto(ownPocketBase.withPb('/your-request/?own-collection=notes&own-method=create'));
		await expect(connectionStatus(page)).toHaveAttribute('data-state', 'connected');
		await demo(page).getByRole('button', { name: 'Sign in as a throwaway user' }).click();
		// Sign-up and sign-in: two bcrypt hashes in PocketBase, slow on a busy machine.
		await expect(demo(page).locator('.session-text')).toContainText(/Signed in as demo-/, {
			timeout: 15_000,
		});
		const form = demo(page).locator('form');
		await expect(form.getByLabel('Body (JSON)')).toHaveValue(/"owner":"\w{15}"/);
		await demo(page).getByRole('button', { name: 'Run it both ways' }).click();
		for (const name of ['direct', 'proxy'] as const) {
			const box = side(page, name);
			await expect(row(box, 'Status')).toHaveText('200 OK', { timeout: 15_000 });
			await expect(row(box, 'Authorization')).toHaveText(/^sent \(a token of \d+ characters/);
			await expect(row(box, 'Request')).toContainText('POST http://127.0.0.1:');
			await expect(box.locator('.bucket')).toContainText('“*:create” (20 per 5 s)');
			await expect(box.locator('.response-body code')).toContainText(
				'"text": "A note from my own request"'
			);
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
			await expect(box.locator('.response-body code')).toContainText('"token": "');
		}
		const code = demo(page).locator('[data-target="browser"]');
		await expect(code).toContainText(`authWithPassword('${email}', password)`);
		// The password is used, never written into the code or the address.
		const password = await form.getByLabel(/^Password/).inputValue();
		expect(password).not.toBe('');
		await expect(code).not.toContainText(password);
		expect(page.url()).not.toContain(password);
	});
});

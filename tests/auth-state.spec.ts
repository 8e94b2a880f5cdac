import { BaseAuthStore } from 'pocketbase';
import { connectionStatus, expect, test } from './fixtures';

const path = '/problem/auth-state/';

test.describe('Auth state, live', () => {
	test('token, notes, rules and the cookie flow, with the real SDK', async ({
		page,
		ownPocketBase,
	}) => {
		const logged: string[] = [];
		page.on('console', (message) => logged.push(message.text()));
		await page.goto(ownPocketBase.withPb(path));
		await expect(connectionStatus(page)).toHaveAttribute('data-state', 'connected');
		const demo = page.locator('auth-state-demo');

		await demo.getByRole('button', { name: 'Create a throwaway account' }).click();
		await expect(demo.locator('[data-part="session"]')).toContainText(
			/Signed in as demo-\w+@example\.com/
		);
		const token = demo.locator('[data-part="token"]');
		await expect(token).toContainText('"alg":"HS256"');
		await expect(token).toContainText('"type":"auth"');
		await expect(token).toContainText('5 days (432,000 s)');
		await expect(token).toContainText('not checked by the browser');

		await demo.getByLabel('Note text').fill('My first note');
		await demo.getByRole('button', { name: 'Add note' }).click();
		await expect(demo.locator('[data-part="notes-count"]')).toHaveText('200: 1 of your notes.');
		await expect(demo.locator('[data-part="notes"]')).toContainText('My first note');

		await demo.getByRole('button', { name: 'Try the rules on another demo user’s note' }).click();
		await expect(demo.locator('[data-part="rule-list"]')).toHaveText('200, 0 items');
		await expect(demo.locator('[data-part="rule-view"]')).toHaveText('404');
		await expect(demo.locator('[data-part="rule-create"]')).toHaveText('400');
		await expect(demo.locator('.rules')).toContainText(
			'createRule: @request.auth.id != "" && @request.body.owner = @request.auth.id'
		);

		await demo.getByRole('button', { name: 'One page view through the server' }).click();
		await expect(demo.locator('[data-part="page-view"]')).toContainText(
			/await authRefresh\(\): [\d.]+ ms \(measured\)/
		);
		await expect(demo.locator('[data-part="cookie-attributes"]')).toContainText(
			'HttpOnly; Secure; SameSite=Strict'
		);
		await expect(demo.locator('[data-part="cookie-size"]')).toContainText(
			/^\d[\d,]* of 4,096 bytes$/
		);
		// The cookie shown is one the SDK itself reads back.
		const header = (await demo.locator('[data-part="cookie-header"]').textContent())!.replace(
			/^Set-Cookie: /,
			''
		);
		const store = new BaseAuthStore();
		store.loadFromCookie(header);
		expect(store.isValid).toBe(true);
		const stored = await page.evaluate(
			(url) => localStorage.getItem(`pb-guide:auth:${url}`),
			ownPocketBase.url
		);
		expect(store.record?.id).toBe((JSON.parse(stored!) as { record: { id: string } }).record.id);

		await demo.getByLabel('Page views').fill('3');
		await demo.getByLabel('Page views').dispatchEvent('change');
		await expect(page).toHaveURL(/auth-views=3/);
		await demo.getByRole('button', { name: /Compare page views/ }).click();
		const rows = demo.locator('[data-part="compare-rows"] tr');
		await expect(rows.first()).toContainText('3 (one query per view)');
		await expect(rows.first()).toContainText('6 (authRefresh + query per view)');
		await expect(rows.nth(2)).toContainText('the server’s address (in 2001:db8::/32)');

		// No token in the console or the address bar.
		const raw = (JSON.parse(stored!) as { token: string }).token;
		expect(raw.length).toBeGreaterThan(20);
		expect(logged.filter((text) => text.includes(raw.split('.')[2]!))).toEqual([]);
		expect(page.url()).not.toContain(raw.split('.')[1]!);

		await demo.getByRole('button', { name: 'Sign out and delete my demo account' }).click();
		await expect(demo.locator('[data-part="session"]')).toHaveText('You are not signed in.');
		const credentials = JSON.stringify({
			identity: await demo.getByLabel('E-mail').inputValue(),
			password: await demo.getByLabel('Password').inputValue(),
		});
		const signIn = () =>
			fetch(`${ownPocketBase.url}/api/collections/users/auth-with-password`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: credentials,
			}).then((response) => response.status);
		// The demo's own sign-ins and refreshes may have used this address's `*:auth` allowance
		// (2 per 3 s), so a 429 can come first; once the window reopens, the deleted account's
		// sign-in must be refused (400). A 200 would mean the account is still there.
		await expect.poll(signIn, { intervals: [1000], timeout: 10_000 }).toBe(400);
	});

	test('wrong password, taken e-mail, the sign-in limit and PocketBase gone, each recovers', async ({
		page,
		ownPocketBase,
	}) => {
		await page.goto(ownPocketBase.withPb(path));
		await expect(connectionStatus(page)).toHaveAttribute('data-state', 'connected');
		const demo = page.locator('auth-state-demo');
		const failure = demo.locator('[data-part="account-failure"]');
		await demo.getByRole('button', { name: 'Create a throwaway account' }).click();
		await expect(demo.locator('[data-part="session"]')).toContainText('Signed in as');

		await demo.getByRole('button', { name: 'Create account' }).click();
		await expect(failure).toContainText('That e-mail is taken (400).');

		const password = await demo.getByLabel('Password').inputValue();
		await demo.getByLabel('Password').fill('wrong-password');
		await demo.getByRole('button', { name: 'Sign in', exact: true }).click();
		await expect(failure).toContainText('Wrong e-mail or password (400).');
		// The third sign-in inside 3 s from one address: the real limiter answers 429.
		await demo.getByRole('button', { name: 'Sign in', exact: true }).click();
		await expect(failure).toContainText('Rate-limited (429)');
		await expect(failure).toContainText('2 per 3 s');

		await demo.getByLabel('Password').fill(password);
		await page.waitForTimeout(3100);
		await demo.getByRole('button', { name: 'Sign in', exact: true }).click();
		await expect(failure).toBeHidden();

		await ownPocketBase.stop();
		await demo.getByRole('button', { name: 'List my notes' }).click();
		await expect(demo.locator('[data-part="notes-failure"]')).toContainText(
			'No answer from PocketBase'
		);
		await expect(connectionStatus(page)).toHaveAttribute('data-state', 'unreachable');
		await ownPocketBase.start();
		await expect(connectionStatus(page)).toHaveAttribute('data-state', 'connected', {
			timeout: 10_000,
		});
		await demo.getByRole('button', { name: 'List my notes' }).click();
		await expect(demo.locator('[data-part="notes-count"]')).toHaveText('200: 0 of your notes.');
		await expect(demo.locator('[data-part="notes-failure"]')).toBeHidden();
	});
});

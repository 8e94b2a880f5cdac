import { BaseAuthStore } from 'pocketbase';
import { connectionStatus, expect, test } from './fixtures';

const path = '/problem/auth-state/';
/**
 * A throwaway account costs PocketBase two bcrypt runs (the sign-up hashes the password, the
 * sign-in checks it), about 1 s each on a 2-core machine whose other core runs another test's
 * PocketBase; traces under load showed 1–1.3 s for the sign-up alone, and in full runs the two
 * together have passed expect's 7 s.
 */
const accountMade = { timeout: 20_000 };

test.describe('Auth state, live', () => {
	test('token, notes, rules and the cookie flow, with the real SDK', async ({
		page,
		ownPocketBase,
	}) => {
		const logged: string[] = [];
		page.on('console', (message) => logged.push(message.text()));
		await page.goto(ownPocketBase.withPb(path));
		await expect(connectionStatus(page)).toHaveAttribute('data-state', 'connected');
		const demo = page.locator('auth-state');

		await demo.getByRole('button', { name: 'Create a throwaway account' }).click();
		await expect(demo.getByText(/^Signed in as demo-\w+@example\.com/)).toBeVisible(accountMade);
		// The decoded token, and later the cookie: what the list says for each term.
		const described = (term: string) =>
			demo.getByRole('term').filter({ hasText: term }).locator('xpath=following-sibling::dd[1]');
		await expect(described('Header')).toContainText('"alg":"HS256"');
		await expect(described('Payload')).toContainText('"type":"auth"');
		await expect(described('Lifetime')).toContainText('5 days (432,000 s)');
		await expect(described('Signature')).toContainText('not checked by the browser');

		await demo.getByLabel('Note text').fill('My first note');
		await demo.getByRole('button', { name: 'Add note' }).click();
		await expect(demo.getByText('200: 1 of your notes.', { exact: true })).toBeVisible();
		await expect(demo.getByRole('listitem').filter({ hasText: 'My first note' })).toBeVisible();

		await demo.getByRole('button', { name: 'Try the rules on another demo user’s note' }).click();
		// Each attempt's row: what you tried, the rule, the real answer.
		const answer = (attempt: RegExp) =>
			demo.getByRole('row', { name: attempt }).getByRole('cell').last();
		await expect(answer(/^List the other user’s notes/)).toHaveText('200, 0 items');
		await expect(answer(/^View the other user’s note/)).toHaveText('404');
		await expect(answer(/^Create a note owned by the other user/)).toHaveText('400');
		await expect(
			demo
				.getByRole('row', { name: /^Create a note owned by the other user/ })
				.getByRole('cell')
				.first()
		).toHaveText('createRule: @request.auth.id != "" && @request.body.owner = @request.auth.id');

		await demo.getByRole('button', { name: 'One page view through the server' }).click();
		await expect(demo.getByRole('list', { name: 'What the server did' })).toContainText(
			/await authRefresh\(\): [\d.]+ ms \(measured\)/
		);
		await expect(described('Attributes')).toContainText('HttpOnly; Secure; SameSite=Strict');
		await expect(described('Size')).toHaveText(/^\d[\d,]* of 4,096 bytes$/);
		// The cookie shown is one the SDK itself reads back.
		const header = (await demo.getByText(/^Set-Cookie: pb_auth=/).textContent())!.replace(
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
		const calls = demo.getByRole('row', { name: /^Calls PocketBase receives/ });
		await expect(calls).toContainText('3 (one query per view)');
		await expect(calls).toContainText('6 (authRefresh + query per view)');
		await expect(demo.getByRole('row', { name: /^Rate-limit bucket/ })).toContainText(
			'the server’s address (in 2001:db8::/32)'
		);

		// No token in the console or the address bar.
		const raw = (JSON.parse(stored!) as { token: string }).token;
		expect(raw.length).toBeGreaterThan(20);
		expect(logged.filter((text) => text.includes(raw.split('.')[2]!))).toEqual([]);
		expect(page.url()).not.toContain(raw.split('.')[1]!);

		await demo.getByRole('button', { name: 'Sign out and delete my demo account' }).click();
		await expect(demo.getByText('You are not signed in.', { exact: true })).toBeVisible();
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
		const demo = page.locator('auth-state');
		// A failure shows as an alert next to the controls that caused it.
		const failure = demo.getByRole('alert');
		await demo.getByRole('button', { name: 'Create a throwaway account' }).click();
		await expect(demo.getByText(/^Signed in as/)).toBeVisible(accountMade);

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
		await expect(failure).toContainText('No answer from PocketBase');
		await expect(connectionStatus(page)).toHaveAttribute('data-state', 'unreachable');
		await ownPocketBase.start();
		await expect(connectionStatus(page)).toHaveAttribute('data-state', 'connected', {
			timeout: 10_000,
		});
		await demo.getByRole('button', { name: 'List my notes' }).click();
		await expect(demo.getByText('200: 0 of your notes.', { exact: true })).toBeVisible();
		await expect(failure).toHaveCount(0);
	});
});

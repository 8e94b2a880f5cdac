import { formatMs } from '../src/components/demo-kit/format';
import { connectionStatus, expect, test } from './fixtures';

test.describe('What PocketBase sees of you', () => {
	test('direct and proxied calls return what the real PocketBase sees', async ({
		page,
		ownPocketBase,
	}) => {
		await page.goto(ownPocketBase.withPb('/problem/what-pocketbase-sees/'));
		await expect(connectionStatus(page)).toHaveAttribute('data-state', 'connected');
		const direct = page.getByRole('article', { name: 'Direct from your browser' });
		const proxy = page.getByRole('article', { name: /^Through the simulated server/ });

		await direct.getByRole('button', { name: 'Ask PocketBase directly' }).click();
		await expect(direct.getByText('127.0.0.1: your own address', { exact: true })).toBeVisible();
		await expect(direct.getByText(/^a guest/)).toBeVisible();
		await expect(direct.getByText(/ms \(measured\)$/)).toBeVisible();
		// The diagram above replays that call, labelled as measured.
		await expect(page.locator('#direct-flow .hop-time').first()).toContainText(
			/half the round trip: [\d.]+ ms, measured/
		);

		await proxy.getByRole('button', { name: 'Ask through the simulated server' }).click();
		// The playground's address for this reader's server: in 2001:db8::/32, not the reader's.
		const proxyAddress = proxy.getByText(/^2001:0db8(:[0-9a-f]{4}){6}: the server’s address/);
		await expect(proxyAddress).toContainText('(yours alone');
		const serverAddress = (await proxyAddress.textContent())!.split(': ')[0]!;
		await expect(proxy.getByText(/\(measured \+ modelled\)$/)).toBeVisible();
		await expect(page.locator('#proxy-flow .hop-time').first()).toContainText(
			/half the server hop: [\d.]+ ms, modelled/
		);
		await expect(page.locator('#proxy-flow .hop-time').nth(1)).toContainText(/real call.*measured/);
		// The modelled hop is the one the page states for its scenario, not a made-up number.
		const addedMs = Number(await page.locator('[data-added-ms]').getAttribute('data-added-ms'));
		expect(addedMs).toBeGreaterThan(0);
		const segments = proxy.getByRole('list', { name: 'Where the time went' }).getByRole('listitem');
		await expect(segments.filter({ hasText: '(modelled)' })).toHaveText(
			`the extra hop through the server: ${formatMs(addedMs)} (modelled)`
		);
		await expect(segments.filter({ hasText: '(measured)' })).toContainText('the real call');

		// Signed in: direct calls carry the user; proxied calls only when the server forwards it.
		await page.getByRole('button', { name: 'Sign in as a throwaway user' }).click();
		await expect(page.getByText(/Signed in as demo-\w+@example\.com/).first()).toBeVisible();
		await direct.getByRole('button', { name: 'Ask PocketBase directly' }).click();
		await expect(direct.getByText(/user demo-\w+@example\.com of “users”/)).toBeVisible();

		await proxy.getByRole('button', { name: 'Ask through the simulated server' }).click();
		await expect(proxy.getByText(/^a guest/)).toBeVisible();

		await proxy.getByLabel('The server forwards my sign-in').check();
		await expect(page).toHaveURL(/whoami-forward=1/);
		await proxy.getByRole('button', { name: 'Ask through the simulated server' }).click();
		await expect(proxy.getByText(/user demo-\w+@example\.com/)).toBeVisible();
		// Signed in or not, the same reader's server keeps one address.
		await expect(proxy.getByText(`${serverAddress}: `)).toBeVisible();
	});

	test('a call while PocketBase is down says so and the page keeps working', async ({
		page,
		ownPocketBase,
	}) => {
		await page.goto(ownPocketBase.withPb('/problem/what-pocketbase-sees/'));
		await expect(connectionStatus(page)).toHaveAttribute('data-state', 'connected');
		await ownPocketBase.stop();
		const direct = page.getByRole('article', { name: 'Direct from your browser' });
		await direct.getByRole('button', { name: 'Ask PocketBase directly' }).click();
		await expect(direct.getByRole('alert')).toContainText('No answer from PocketBase');
		await expect(connectionStatus(page)).toHaveAttribute('data-state', 'unreachable');

		await ownPocketBase.start();
		await expect(connectionStatus(page)).toHaveAttribute('data-state', 'connected', {
			timeout: 10_000,
		});
		await direct.getByRole('button', { name: 'Ask PocketBase directly' }).click();
		await expect(direct.getByRole('alert')).toBeHidden();
		await expect(direct.getByText('127.0.0.1: your own address')).toBeVisible();
	});
});

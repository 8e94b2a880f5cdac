/**
 * The approach and realtime demos cost nothing until used: their pages load no PocketBase SDK
 * before a button is pressed (the matrix, the hook routes, realtime and built-vs-live).
 */
import type { Page } from '@playwright/test';
import { connectionStatus, expect, test } from './fixtures';

function sdkWatcher(page: Page) {
	const bodies: Promise<string>[] = [];
	page.on('response', (response) => {
		if (response.request().resourceType() === 'script')
			bodies.push(response.text().catch(() => ''));
	});
	return async () =>
		(await Promise.all(bodies)).some((body) => body.includes('ClientResponseError'));
}

for (const [path, button] of [
	['/approaches/api-rules/', 'Run the matrix'],
	['/approaches/static-generation/', 'Read the articles live'],
] as const) {
	test(`${path} loads the SDK only when its demo is used`, async ({ page, ownPocketBase }) => {
		const sdkLoaded = sdkWatcher(page);
		await page.goto(ownPocketBase.withPb(path));
		await expect(connectionStatus(page)).toHaveAttribute('data-state', 'connected');
		await page.waitForLoadState('networkidle');
		expect(await sdkLoaded()).toBe(false);
		await page.getByRole('button', { name: button }).click();
		await expect.poll(sdkLoaded).toBe(true);
	});
}

for (const path of ['/approaches/js-hooks/', '/problem/realtime/']) {
	test(`${path} loads no SDK before its demo is used`, async ({ page }) => {
		const sdkLoaded = sdkWatcher(page);
		await page.goto(path);
		await expect(connectionStatus(page)).toHaveAttribute('data-state', 'connected');
		await page.waitForLoadState('networkidle');
		expect(await sdkLoaded()).toBe(false);
	});
}

/**
 * Zero cost until used: the PocketBase SDK is fetched only when a demo first needs it, and
 * nothing the site ships to browsers knows about superusers.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { connectionStatus, expect, test } from './fixtures';
import { builtSite } from '../scripts/site-process.mjs';

/** Collects the bodies of the scripts the page loads, to look for the SDK's code in them. */
function watchScripts(page: Page) {
	const bodies: Promise<string>[] = [];
	page.on('response', (response) => {
		if (response.request().resourceType() === 'script') {
			bodies.push(response.text().catch(() => ''));
		}
	});
	return async () =>
		(await Promise.all(bodies)).some((body) => body.includes('ClientResponseError'));
}

test('a reading page loads no PocketBase SDK', async ({ page }) => {
	const sdkLoaded = watchScripts(page);
	await page.goto('/reference/faq/');
	await page.waitForLoadState('networkidle');
	expect(await sdkLoaded()).toBe(false);
});

test('a demo page loads the SDK only when a demo is used', async ({ page }) => {
	const sdkLoaded = watchScripts(page);
	await page.goto('/problem/what-pocketbase-sees/');
	await expect(connectionStatus(page)).toHaveAttribute('data-state', 'connected');
	await page.waitForLoadState('networkidle');
	expect(await sdkLoaded()).toBe(false);

	await page.getByRole('button', { name: 'Ask PocketBase directly' }).click();
	await expect(page.locator('[data-path="direct"] [data-field="address"]')).not.toBeEmpty();
	expect(await sdkLoaded()).toBe(true);
});

test('a page of model demos never calls PocketBase, even when they are used', async ({
	page,
	baseURL,
}) => {
	const elsewhere: string[] = [];
	page.on('request', (request) => {
		if (new URL(request.url()).origin !== new URL(baseURL!).origin) elsewhere.push(request.url());
	});
	await page.goto('/decide/');
	const guide = page.locator('decision-guide');
	await guide.getByLabel('Where do your server and PocketBase run?').selectOption('far');
	await expect(page).toHaveURL(/decide-/);
	await guide.getByRole('button', { name: 'Reset' }).click();
	await expect(page).not.toHaveURL(/decide-/);
	await page.waitForLoadState('networkidle');
	expect(elsewhere).toEqual([]);
});

test('none of the site’s own scripts knows about superusers', () => {
	const dir = join(builtSite, '_astro');
	// The SDK's own bundle names the _superusers collection (authStore.isSuperuser), and so do
	// the ESLint rules /check/ runs on a reader's code (they look for superuser sign-ins there);
	// the site's own code must never use it, nor carry a superuser credential.
	const scripts = readdirSync(dir).filter(
		(file) =>
			file.endsWith('.js') &&
			!file.startsWith('pocketbase.') &&
			!file.startsWith('code-check-lint.')
	);
	expect(scripts.length).toBeGreaterThan(3);
	const offending = scripts.filter((file) =>
		/_superusers|superuser(Email|Password|Token)|PB_SUPERUSER/i.test(
			readFileSync(join(dir, file), 'utf8')
		)
	);
	expect(offending).toEqual([]);
});

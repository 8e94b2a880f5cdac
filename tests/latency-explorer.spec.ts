import { expect, test } from './fixtures';

const page_ = '/problem/double-hops/';

test.describe('latency explorer (no PocketBase needed)', () => {
	test('changing where PocketBase is redraws the chart and updates the link', async ({ page }) => {
		await page.goto(`${page_}?pb=${encodeURIComponent('http://127.0.0.1:9')}`);
		const explorer = page.locator('latency-explorer');
		await explorer.scrollIntoViewIfNeeded();
		const summary = explorer.locator('[data-summary]');
		const before = await summary.textContent();
		await explorer.getByLabel('PocketBase location').selectOption('syd');
		await expect(summary).not.toHaveText(before!);
		await expect(page).toHaveURL(/lx-pocketbase=syd/);
		// Another demo's setting stays where it was.
		await expect(page).toHaveURL(/pb=http/);
		await expect(explorer.locator('[data-chart] svg')).toBeVisible();
	});

	test('an out-of-range route factor is explained and clamped', async ({ page }) => {
		await page.goto(`${page_}?lx-route-factor=99`);
		const explorer = page.locator('latency-explorer');
		await explorer.scrollIntoViewIfNeeded();
		await expect(explorer.locator('[data-problems]')).not.toBeEmpty();
		const value = Number(await explorer.getByLabel('Route factor').inputValue());
		expect(value).toBeLessThan(99);
	});

	test.describe('without JavaScript', () => {
		test.use({ javaScriptEnabled: false });
		test('the chart and its table are in the page', async ({ page }) => {
			await page.goto(page_);
			const explorer = page.locator('latency-explorer');
			await expect(explorer.locator('[data-chart] svg')).toBeVisible();
			await explorer.getByText('The values as a table').click();
			await expect(
				explorer
					.getByRole('region', { name: 'Modelled values by server location' })
					.getByRole('cell')
					.first()
			).toBeVisible();
		});
	});
});

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

	test('charts a first page load by architecture, and a link keeps that choice', async ({
		page,
	}) => {
		await page.goto(`${page_}?pb=${encodeURIComponent('http://127.0.0.1:9')}`);
		const explorer = page.locator('latency-explorer');
		await explorer.scrollIntoViewIfNeeded();
		await expect(explorer.getByRole('combobox', { name: 'Page', exact: true })).toBeHidden();
		await explorer.getByLabel('Chart').selectOption({ label: 'A first page load' });
		await expect(page).toHaveURL(/lx-chart=page-load/);
		await explorer
			.getByRole('combobox', { name: 'Page', exact: true })
			.selectOption({ label: 'A public article' });
		await explorer.getByLabel('Reader location').selectOption('syd');
		const summary = explorer.locator('[data-summary]');
		await expect(summary).toContainText('Modelled first view of a public article');
		await expect(summary).toContainText('reader in Sydney');
		await expect(explorer.getByText('CORS preflight', { exact: true })).toBeVisible();

		await explorer.getByText('The values as a table').click();
		const table = explorer.getByRole('region', { name: 'Modelled first views by architecture' });
		await expect(table.getByRole('row')).toHaveCount(7);
		await expect(
			table.getByRole('rowheader', { name: 'Server-rendered, server in Sydney' })
		).toBeVisible();

		// The link reopens the same chart for the same page.
		await page.reload();
		await explorer.scrollIntoViewIfNeeded();
		await expect(explorer.getByLabel('Chart')).toHaveValue('page-load');
		await expect(explorer.locator('[data-summary]')).toContainText(
			'Modelled first view of a public article'
		);
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

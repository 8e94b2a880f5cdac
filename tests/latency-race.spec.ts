import { hopFor, raceSchema, withPreset } from '../src/lib/latency-race';
import { defaultSettings } from '../src/lib/url-state';
import { connectionStatus, expect, test } from './fixtures';

const page_ = '/problem/double-hops/';

test.describe('latency race', () => {
	test('a run gives N measured direct and N proxied results with the configured model', async ({
		page,
		ownPocketBase,
	}) => {
		await page.goto(
			ownPocketBase.withPb(
				`${page_}?race-requests=6&race-concurrency=2&race-scenario=serverless-other-region&race-cold-start-chance=0`
			)
		);
		await expect(connectionStatus(page)).toHaveAttribute('data-state', 'connected');
		const race = page.locator('latency-race');
		await race.getByRole('button', { name: 'Run' }).click();
		await expect(race.locator('.progress-text')).toHaveText('Done: 12 requests.', {
			timeout: 20_000,
		});

		const rows = race.locator('.requests tbody tr');
		await expect(rows).toHaveCount(12);
		const settings = {
			...withPreset(defaultSettings(raceSchema), 'serverless-other-region'),
			coldStartChance: 0,
		};
		const modelled = `${Math.round(hopFor(settings, false).addedMs)} ms`;
		for (const row of await rows.all()) {
			const cells = await row.locator('td').allTextContents();
			expect(cells[6]).toBe('OK');
			expect(cells[3]).toMatch(/^\d+ ms$/); // measured
			expect(cells[4]).toBe(cells[1] === 'direct' ? '0 ms' : modelled);
		}
		await expect(race.locator('.summary tbody tr[data-path="direct"] td').nth(2)).toHaveText('6');
		await expect(race.locator('.summary tbody tr[data-path="proxy"] td').nth(2)).toHaveText('6');
		await expect(race.locator('.outcome')).toContainText('Median through the server');
		await expect(race.locator('svg.waterfall rect.modelled')).toHaveCount(6);
	});

	test('results stay on screen when PocketBase stops mid-run, with the failures explained', async ({
		page,
		ownPocketBase,
	}) => {
		await page.goto(
			ownPocketBase.withPb(
				`${page_}?race-requests=60&race-concurrency=1&race-scenario=serverless-other-region`
			)
		);
		await expect(connectionStatus(page)).toHaveAttribute('data-state', 'connected');
		const race = page.locator('latency-race');
		await race.getByRole('button', { name: 'Run' }).click();
		await expect.poll(async () => race.locator('.requests tbody tr').count()).toBeGreaterThan(4);
		await ownPocketBase.stop();
		await expect(race.locator('.progress-text')).toHaveText('Done: 120 requests.', {
			timeout: 25_000,
		});
		await expect(race.locator('.requests tbody tr').first().locator('td').nth(6)).toHaveText('OK');
		await expect(race.locator('.reasons')).toContainText('No answer from PocketBase');
		await expect(race.locator('.outcome')).toContainText('failed');
		await expect(connectionStatus(page)).toHaveAttribute('data-state', 'unreachable');
	});

	test('Cancel stops a run at once and keeps what finished', async ({ page, ownPocketBase }) => {
		await page.goto(
			ownPocketBase.withPb(
				`${page_}?race-requests=200&race-concurrency=1&race-scenario=serverless-other-region`
			)
		);
		await expect(connectionStatus(page)).toHaveAttribute('data-state', 'connected');
		const race = page.locator('latency-race');
		await race.getByRole('button', { name: 'Run' }).click();
		await expect.poll(async () => race.locator('.requests tbody tr').count()).toBeGreaterThan(2);
		await race.getByRole('button', { name: 'Cancel' }).click();
		await expect(race.locator('.progress-text')).toContainText('Cancelled after');
		await expect(race.locator('.outcome')).toContainText('Cancelled');
		await expect(race.getByRole('button', { name: 'Run' })).toBeEnabled();
	});

	test('a copied link restores the settings without running', async ({ page, context }) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await page.goto(page_);
		const race = page.locator('latency-race');
		await race.getByLabel('Operation').selectOption('view');
		await race.getByLabel('Requests per path').fill('37');
		await race.getByLabel('Requests per path').blur();
		await race.getByLabel('Scenario (modelled)').selectOption('edge-near-reader');
		await race.getByRole('button', { name: 'Copy link to this setup' }).click();
		const link = await page.evaluate(() => navigator.clipboard.readText());
		expect(link).toContain('race-requests=37');

		const other = await context.newPage();
		await other.goto(link);
		const restored = other.locator('latency-race');
		await expect(restored.getByLabel('Operation')).toHaveValue('view');
		await expect(restored.getByLabel('Requests per path')).toHaveValue('37');
		await expect(restored.getByLabel('Scenario (modelled)')).toHaveValue('edge-near-reader');
		await expect(restored.locator('.results')).toBeHidden();
	});

	test('out-of-range input gets a message and changes nothing', async ({ page }) => {
		await page.goto(page_);
		const race = page.locator('latency-race');
		const requests = race.getByLabel('Requests per path');
		await requests.fill('500');
		await requests.blur();
		await expect(race.locator('.problems')).toContainText('Requests per path');
		await expect(race.locator('.problems')).toContainText('200');
		await expect(requests).toHaveAttribute('aria-invalid', 'true');
		await expect(page).not.toHaveURL(/race-requests=500/);

		await page.goto(`${page_}?race-concurrency=99`);
		await expect(page.locator('latency-race .problems')).toContainText('Concurrency');
		await expect(page.locator('latency-race').getByLabel('Concurrency')).toHaveValue('16');
	});
});

import { formatMs } from '../src/components/demo-kit/format';
import { raceSchema } from '../src/components/latency-race/latency-race-view';
import { raceHop, withPreset } from '../src/lib/latency-race';
import { defaultSettings } from '../src/lib/url-state';
import { connectionStatus, expect, test } from './fixtures';
import { directRow, proxyRow, requestTable, summaryCell, tableRows } from './race-reading';

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
		await expect(race.getByRole('status').filter({ hasText: 'Done: 12 requests.' })).toBeVisible({
			timeout: 20_000,
		});

		const table = await requestTable(race);
		const rows = await tableRows(table);
		expect(rows).toHaveLength(12);
		const settings = {
			...withPreset(defaultSettings(raceSchema), 'serverless-other-region'),
			coldStartChance: 0,
		};
		const modelled = formatMs(raceHop(settings, false).addedMs);
		for (const row of rows) {
			expect(row['Result']).toBe('OK');
			expect(row['Measured']).toMatch(/^\d+(\.\d\d)? ms$/);
			expect(row['Modelled']).toBe(row['Path'] === 'direct' ? '0 ms' : modelled);
		}
		// The page is cross-origin isolated, so the browser records times in 5 µs steps rather
		// than 100 µs, and the table gives hundredths: not every measured time is a whole tenth.
		expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
		const hundredths = rows.map((row) => /\.\d(\d) ms$/.exec(row['Measured'] ?? '')?.[1]);
		expect(hundredths.filter((digit) => digit !== undefined && digit !== '0')).not.toEqual([]);
		expect(await summaryCell(race, directRow, 'Succeeded')).toBe('6');
		expect(await summaryCell(race, proxyRow, 'Succeeded')).toBe('6');
		// The ratio comes with its 95 % interval over the six pairs; a hop of this size is far
		// outside the loopback's spread, so the verdict is certain.
		await expect(
			race.getByRole('status').filter({ hasText: 'Median through the server' })
		).toHaveText(
			/\(×[\d.]+, 95 % interval ×[\d.]+ to ×[\d.]+ over 6 pairs: measurably slower through the server\)/
		);
		// Six proxied requests, six modelled hops drawn on the waterfall.
		await expect(
			race.getByRole('img', { name: /^Waterfall of 12 requests/ }).locator('rect.modelled')
		).toHaveCount(6);
	});

	test('results stay on screen when PocketBase stops mid-run, with the failures explained', async ({
		page,
		ownPocketBase,
	}) => {
		await page.goto(
			ownPocketBase.withPb(
				`${page_}?race-requests=15&race-concurrency=1&race-scenario=serverless-other-region`
			)
		);
		await expect(connectionStatus(page)).toHaveAttribute('data-state', 'connected');
		const race = page.locator('latency-race');
		await race.getByRole('button', { name: 'Run' }).click();
		await expect(race.getByRole('region', { name: 'Race results' })).toBeVisible();
		const table = await requestTable(race);
		const dataRows = table.getByRole('row').filter({ has: page.getByRole('cell') });
		await expect.poll(async () => dataRows.count()).toBeGreaterThan(4);
		await ownPocketBase.stop();
		await expect(race.getByRole('status').filter({ hasText: 'Done: 30 requests.' })).toBeVisible({
			timeout: 25_000,
		});
		expect((await tableRows(table))[0]?.['Result']).toBe('OK');
		await expect(
			race.getByRole('listitem').filter({ hasText: 'No answer from PocketBase' }).first()
		).toBeVisible();
		await expect(race.getByRole('status').filter({ hasText: 'failed' })).toBeVisible();
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
		await expect(race.getByRole('region', { name: 'Race results' })).toBeVisible();
		const table = await requestTable(race);
		const dataRows = table.getByRole('row').filter({ has: page.getByRole('cell') });
		await expect.poll(async () => dataRows.count()).toBeGreaterThan(2);
		await race.getByRole('button', { name: 'Cancel' }).click();
		await expect(race.getByRole('status').filter({ hasText: /^Cancelled after/ })).toBeVisible();
		await expect(race.getByRole('status').filter({ hasText: /^Cancelled;/ })).toBeVisible();
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
		await expect(
			restored.getByRole('region', { name: 'Race results', includeHidden: true })
		).toBeHidden();
	});

	test('out-of-range input gets a message and changes nothing', async ({ page }) => {
		await page.goto(page_);
		const race = page.locator('latency-race');
		const requests = race.getByLabel('Requests per path');
		await requests.fill('500');
		await requests.blur();
		const problem = race.getByRole('alert');
		await expect(problem).toContainText('Requests per path');
		await expect(problem).toContainText('200');
		await expect(requests).toHaveAttribute('aria-invalid', 'true');
		await expect(page).not.toHaveURL(/race-requests=500/);

		await page.goto(`${page_}?race-concurrency=99`);
		await expect(page.locator('latency-race').getByRole('alert')).toContainText('Concurrency');
		await expect(page.locator('latency-race').getByLabel('Concurrency')).toHaveValue('16');
	});
});

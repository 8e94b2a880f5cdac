/**
 * Measurements that must hold to the millisecond: the race's null experiment (A/A) and the
 * same-datacenter preset. They run as their own Playwright project after every other test
 * (playwright.config.ts), so no other test competes with them for the two cores.
 */
import { raceSchema } from '../src/components/latency-race/latency-race-view';
import { raceHop, withPreset } from '../src/lib/latency-race';
import { defaultSettings } from '../src/lib/url-state';
import { connectionStatus, expect, test } from './fixtures';
import { directRow, proxyRow, summaryCell } from './race-reading';

const page_ = '/problem/double-hops/';

/** Every modelled cost at zero: a proxied request is its real call and nothing else. */
const zeroModel =
	'race-scenario=custom&race-browser-server-rtt-ms=0&race-server-pocket-base-rtt-ms=0' +
	'&race-browser-pocket-base-rtt-ms=0&race-handler-ms=0&race-cold-start-chance=0';

test.describe('latency race measurements', () => {
	// The null experiment: with nothing modelled, both paths are the same real call timed by the
	// same instrument, so their medians must agree. (The tight 0.95–1.05 bound is checked by
	// `npm run bench`; here a looser one keeps a busy machine from failing the run.)
	for (const [operation, concurrency] of [
		['list', 1],
		['view', 4],
		['own', 4],
	] as const) {
		test(`A/A: with a zero model, ${operation} at concurrency ${concurrency} comes out even`, async ({
			page,
			ownPocketBase,
		}) => {
			test.setTimeout(60_000);
			await page.goto(
				ownPocketBase.withPb(
					`${page_}?${zeroModel}&race-operation=${operation}&race-requests=100&race-concurrency=${concurrency}`
				)
			);
			await expect(connectionStatus(page)).toHaveAttribute('data-state', 'connected');
			const race = page.locator('latency-race');
			await expect(
				race.getByText('Modelled extra time per request through the server: 0.0 ms.')
			).toBeVisible();
			await race.getByRole('button', { name: 'Run' }).click();
			await expect(race.getByRole('status').filter({ hasText: 'Done: 200 requests.' })).toBeVisible(
				{
					timeout: 50_000,
				}
			);
			await expect(
				race.getByText(/from the moment the request was sent to its last byte/)
			).toBeVisible();
			const outcome =
				(await race
					.getByRole('status')
					.filter({ hasText: 'Median through the server' })
					.textContent()) ?? '';
			expect(outcome).not.toContain('failed');
			// "(×1.02, 95 % interval ×0.97 to ×1.06 over 100 pairs: …)": the ratio, then its bounds.
			const [ratio, lower, upper] = [...outcome.matchAll(/×([\d.]+)/g)].map((m) => Number(m[1]));
			expect(outcome).toContain('over 100 pairs');
			expect(lower).toBeLessThanOrEqual(ratio!);
			expect(upper).toBeGreaterThanOrEqual(ratio!);
			expect(ratio).toBeGreaterThan(0.8);
			expect(ratio).toBeLessThan(1.25);
		});
	}

	test('the same-datacenter preset costs the proxy only a few milliseconds', async ({
		page,
		ownPocketBase,
	}) => {
		await page.goto(
			ownPocketBase.withPb(
				`${page_}?race-scenario=same-datacenter&race-requests=40&race-concurrency=1`
			)
		);
		await expect(connectionStatus(page)).toHaveAttribute('data-state', 'connected');
		const race = page.locator('latency-race');
		await race.getByRole('button', { name: 'Run' }).click();
		await expect(race.getByRole('status').filter({ hasText: 'Done: 80 requests.' })).toBeVisible({
			timeout: 30_000,
		});
		const median = async (path: RegExp) =>
			Number.parseFloat(await summaryCell(race, path, 'Median'));
		const added = raceHop(
			withPreset(defaultSettings(raceSchema), 'same-datacenter'),
			false
		).addedMs;
		const difference = (await median(proxyRow)) - (await median(directRow));
		// The model adds about 2.5 ms; the measured parts of both paths are the same real call.
		expect(difference).toBeGreaterThan(added - 3);
		expect(difference).toBeLessThan(added + 3);
	});
});

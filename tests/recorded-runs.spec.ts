import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Locator } from '@playwright/test';
import { demoRecordedLabel, type RecordingSession } from '../src/lib/recorded-run';
import { connectionStatus, expect, test } from './fixtures';

const session = JSON.parse(
	readFileSync(new URL('../src/recordings/session.json', import.meta.url), 'utf8')
) as RecordingSession;

/** What a reader sees of each demo's recorded run once it has played. */
const shown: Record<string, (demo: Locator) => Locator> = {
	'latency-race': (demo) => demo.getByRole('status').filter({ hasText: /^Done: \d+ requests/ }),
	'first-visit': (demo) =>
		demo
			.getByRole('status')
			.filter({ hasText: /^Done: 5 preflighted and 5 simple calls, as recorded; this page’s own/ }),
	'auth-state': (demo) => demo.getByRole('columnheader', { name: 'Through the server' }),
	'auth-leak': (demo) =>
		demo.getByRole('paragraph').filter({ hasText: /^Leak: Bob’s response contains Alice’s note/ }),
	'who-am-i': (demo) => demo.getByText(/^Through the simulated server: PocketBase sees /),
	'rate-limit-live': (demo) => demo.getByText(/^Attempt \d+ got a real 429/),
	// Its times are the recording's, and say so.
	'own-request': (demo) => demo.getByText(/^\d+(\.\d+)? ms as recorded\.$/).first(),
	'rules-matrix': (demo) => demo.getByText(/^Done: 30 answers from PocketBase\./),
	'hook-routes': (demo) => demo.getByText(/^In the last 60 minutes: \d+ notes? by/).first(),
	// Read at the recording's time, never "live" at the reader's.
	'static-snapshot': (demo) =>
		demo.getByText(/^Read in the run recorded at [\d-]+ [\d:]+ UTC, in .+ \(as recorded\)\.$/),
	'realtime-streams': (demo) =>
		demo
			.getByRole('list', { name: 'Events received' })
			.getByText(/^create: “.+”, [\d.]+ ms after the create was sent \(as recorded\)$/),
};

/** A port nothing listens on: the reader's ?pb= points there, so no PocketBase answers. */
async function deadPort(): Promise<number> {
	return new Promise((resolve) => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

/** A demo's label, and as it reads inside a sentence. */
const labels = (demo: string) => {
	const label = demoRecordedLabel(session, demo);
	return { label, lowerLabel: label.replace('Recorded', 'recorded') };
};
const pages = Map.groupBy(Object.entries(session.demos), ([, { page }]) => page);

test.describe('recorded runs', () => {
	for (const [path, demos] of pages) {
		test(`with no PocketBase, every live demo on ${path} offers its recorded run, labelled`, async ({
			page,
		}) => {
			await page.goto(`${path}?pb=http://127.0.0.1:${await deadPort()}`);
			await expect(connectionStatus(page)).toHaveAttribute('data-state', 'unreachable');
			for (const [name] of demos) {
				const { label, lowerLabel } = labels(name);
				const demo = page.locator(name).first();
				await demo.scrollIntoViewIfNeeded();
				await expect(demo.getByText(`can be shown instead`)).toContainText(
					`PocketBase is not answering`
				);
				await expect(demo.getByText(`can be shown instead`)).toContainText(lowerLabel);
				await demo.getByRole('button', { name: 'Show a recording' }).click();
				await expect(demo.getByText(`${label}: a recorded run, not live numbers.`)).toBeVisible();
				await expect(shown[name]?.(demo) ?? demo.locator('missing')).toBeVisible({
					timeout: 15_000,
				});
			}
		});
	}

	test('every recorded demo says what it shows', () => {
		expect(Object.keys(shown).sort()).toEqual(Object.keys(session.demos).sort());
	});

	test('when PocketBase comes back, the demo says so, and going live empties the recording', async ({
		page,
		ownPocketBase,
	}) => {
		const { label, lowerLabel } = labels('who-am-i');
		await page.goto(ownPocketBase.withPb('/problem/what-pocketbase-sees/'));
		const status = connectionStatus(page);
		await expect(status).toHaveAttribute('data-state', 'connected');
		const demo = page.locator('who-am-i');
		await expect(demo.getByText(`A run ${lowerLabel} is also kept.`)).toBeVisible();

		await ownPocketBase.stop();
		await status.getByRole('button', { name: 'Re-check' }).click();
		await expect(status).toHaveAttribute('data-state', 'unreachable');
		await demo.getByRole('button', { name: 'Show a recording' }).click();
		const recorded = shown['who-am-i']!(demo);
		await expect(recorded).toBeVisible();

		await ownPocketBase.start();
		await status.getByRole('button', { name: 'Re-check' }).click();
		await expect(
			demo.getByText(`${label}: a recorded run, not live numbers. PocketBase answers again`)
		).toBeVisible();
		await demo.getByRole('button', { name: 'Go live' }).click();
		await expect(recorded).toBeHidden();
		await expect(demo.getByText(`${label}: a recorded run`)).toBeHidden();
		await demo.getByRole('button', { name: 'Ask PocketBase directly' }).click();
		await expect(demo.getByText('127.0.0.1: your own address', { exact: true })).toBeVisible();
	});
});

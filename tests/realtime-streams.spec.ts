import type { Locator } from '@playwright/test';
import { connectionStatus, expect, test } from './fixtures';

/** The events the reader's stream received, newest first. */
const events = (demo: Locator) =>
	demo.getByRole('list', { name: 'Events received' }).getByRole('listitem');
/** What each simulated user's upstream stream received. */
const deliveries = (demo: Locator) =>
	demo.getByRole('list', { name: 'Events each simulated user received' }).getByRole('listitem');

test.describe('realtime, live', () => {
	test('an event arrives with its delay, the server holds one stream per user, and a cross-address subscription gets the real 400', async ({
		page,
		ownPocketBase,
	}) => {
		await page.goto(ownPocketBase.withPb('/problem/realtime/'));
		await expect(connectionStatus(page)).toHaveAttribute('data-state', 'connected');
		const demo = page.locator('realtime-streams');
		await demo.getByRole('button', { name: 'Subscribe to my notes' }).click();
		await expect(
			demo.getByText(/^Subscribed to your notes\. Stream open, client id \w+\.$/)
		).toBeVisible();

		await demo.getByLabel('Note text').fill('First event');
		await demo.getByRole('button', { name: 'Create the note' }).click();
		await expect(demo.getByText(/^Created in [\d.]+ ms \(measured\)/)).toBeVisible();
		await expect(events(demo).first()).toHaveText(
			/^create: “First event”, [\d.]+ ms after the create was sent \(measured\)$/
		);

		// Two simulated users: two real upstream streams, each receiving the next note.
		await demo.getByRole('button', { name: 'Open a simulated user' }).click();
		await expect(demo.getByText(/^The simulated server holds 1 upstream stream to/)).toBeVisible();
		await demo.getByRole('button', { name: 'Open a simulated user' }).click();
		await expect(
			demo.getByText(/^The simulated server holds 2 upstream streams to PocketBase/)
		).toBeVisible();
		await demo.getByLabel('Note text').fill('Second event');
		await demo.getByRole('button', { name: 'Create the note' }).click();
		await expect(deliveries(demo)).toHaveText([
			'Simulated user 1: 1 event received upstream, relayed to that user',
			'Simulated user 2: 1 event received upstream, relayed to that user',
		]);
		await demo.getByRole('button', { name: 'Close them all' }).click();
		await expect(demo.getByText('The simulated server holds no upstream streams.')).toBeVisible();

		// The server subscribes the browser's stream: PocketBase sees another address.
		await demo.getByRole('button', { name: 'Subscribe my stream through the server' }).click();
		await expect(
			demo.getByText(/^PocketBase refused: 400 “Invalid realtime client\.”/)
		).toBeVisible();
		await expect(page.locator('#realtime-direct-vs-proxy .hop-time').last()).toContainText(
			/half the real call: [\d.]+ ms, measured/
		);
		// The refused subscription left the reader's own stream working.
		await demo.getByLabel('Note text').fill('Still live');
		await demo.getByRole('button', { name: 'Create the note' }).click();
		await expect(events(demo).first()).toContainText('create: “Still live”');
	});

	test('a stream that stops when PocketBase restarts is shown, reconnects by itself and is checked for missed notes', async ({
		page,
		ownPocketBase,
	}) => {
		await page.goto(ownPocketBase.withPb('/problem/realtime/'));
		await expect(connectionStatus(page)).toHaveAttribute('data-state', 'connected');
		const demo = page.locator('realtime-streams');
		await demo.getByRole('button', { name: 'Subscribe to my notes' }).click();
		await expect(demo.getByText(/^Subscribed to your notes\. Stream open/)).toBeVisible();

		await ownPocketBase.stop();
		await expect(
			demo.getByText(/^The stream stopped [\d.]+ ms ago\. The SDK retries by itself/)
		).toBeVisible();
		await ownPocketBase.start();
		await expect(demo.getByText(/^Reconnected \(1 time\)/)).toBeVisible({ timeout: 15_000 });
		// Nothing was written while it was down, and the demo re-read the list to be sure.
		await expect(
			demo.getByText(
				/^Down for [\d.]+ ms\. No note was written meanwhile, so nothing was missed\.$/
			)
		).toBeVisible();
		await demo.getByLabel('Note text').fill('After the restart');
		await demo.getByRole('button', { name: 'Create the note' }).click();
		await expect(events(demo).first()).toHaveText(
			/^create: “After the restart”, [\d.]+ ms after the create was sent/
		);
	});

	test('the recorded run plays every panel, and going live closes its streams before live ones open', async ({
		page,
		ownPocketBase,
	}) => {
		await page.goto(ownPocketBase.withPb('/problem/realtime/'));
		await expect(connectionStatus(page)).toHaveAttribute('data-state', 'connected');
		const demo = page.locator('realtime-streams');
		// Typed by the reader; the recorded run writes the note it recorded.
		await demo.getByLabel('Note text').fill('Typed before the recording');
		await demo.getByRole('button', { name: 'Show a recording' }).click();
		await expect(
			demo.getByText(/^Recorded on .*: a recorded run, not live numbers\./)
		).toBeVisible();
		await expect(
			demo.getByText(/^Subscribed to your notes\. Stream open, client id \w+\.$/)
		).toBeVisible({ timeout: 15_000 });
		// Its times are the recording's, and say so; live ones below say "measured".
		await expect(events(demo)).toHaveText([
			/^create: “Hello from the second panel”, [\d.]+ ms after the create was sent \(as recorded\)$/,
		]);
		await expect(demo.getByText(/^Created in [\d.]+ ms \(as recorded\)\./)).toBeVisible();
		await expect(deliveries(demo)).toHaveText([
			'Simulated user 1: 1 event received upstream, relayed to that user',
		]);
		await expect(
			demo.getByText(/^PocketBase refused: 400 “Invalid realtime client\.”/)
		).toBeVisible();

		await demo.getByRole('button', { name: 'Go live' }).click();
		await expect(demo.getByText('Not subscribed.')).toBeVisible();
		await expect(events(demo)).toHaveCount(0);
		await expect(demo.getByText('The simulated server holds no upstream streams.')).toBeVisible();
		await expect(demo.getByText(/PocketBase refused/)).toBeHidden();

		await demo.getByRole('button', { name: 'Subscribe to my notes' }).click();
		await expect(demo.getByText(/^Subscribed to your notes\. Stream open/)).toBeVisible();
		await demo.getByLabel('Note text').fill('Live after the recording');
		await demo.getByRole('button', { name: 'Create the note' }).click();
		await expect(events(demo)).toHaveText([
			/^create: “Live after the recording”, [\d.]+ ms after the create was sent \(measured\)$/,
		]);
	});
});

import { connectionStatus, expect, test } from './fixtures';

test.describe('realtime, live', () => {
	test('an event arrives with its delay, the server holds one stream per user, and a cross-address subscription gets the real 400', async ({
		page,
		ownPocketBase,
	}) => {
		await page.goto(ownPocketBase.withPb('/problem/realtime/'));
		await expect(connectionStatus(page)).toHaveAttribute('data-state', 'connected');
		const demo = page.locator('realtime-streams');
		await demo.getByRole('button', { name: 'Subscribe to my notes' }).click();
		await expect(demo.locator('.stream-state')).toHaveText(
			/^Subscribed to your notes\. Stream open, client id \w+\.$/
		);

		await demo.getByLabel('Note text').fill('First event');
		await demo.getByRole('button', { name: 'Create the note' }).click();
		await expect(demo.locator('.write-result')).toContainText(/Created in [\d.]+ ms \(measured\)/);
		await expect(demo.locator('.events li').first()).toHaveText(
			/^create: “First event”, [\d.]+ ms after the create was sent \(measured\)$/
		);

		// Two simulated users: two real upstream streams, each receiving the next note.
		await demo.getByRole('button', { name: 'Open a simulated user' }).click();
		await expect(demo.locator('.upstream')).toHaveAttribute('data-count', '1');
		await demo.getByRole('button', { name: 'Open a simulated user' }).click();
		await expect(demo.locator('.upstream')).toHaveAttribute('data-count', '2');
		await expect(demo.locator('.upstream')).toContainText('holds 2 upstream streams to PocketBase');
		await demo.getByLabel('Note text').fill('Second event');
		await demo.getByRole('button', { name: 'Create the note' }).click();
		await expect(demo.locator('.deliveries li')).toHaveText([
			'Simulated user 1: 1 event received upstream, relayed to that user',
			'Simulated user 2: 1 event received upstream, relayed to that user',
		]);
		await demo.getByRole('button', { name: 'Close them all' }).click();
		await expect(demo.locator('.upstream')).toHaveAttribute('data-count', '0');

		// The server subscribes the browser's stream: PocketBase sees another address.
		await demo.getByRole('button', { name: 'Subscribe my stream through the server' }).click();
		await expect(demo.locator('.cross-result')).toHaveAttribute('data-status', '400');
		await expect(demo.locator('.cross-result')).toContainText(
			'PocketBase refused: 400 “Invalid realtime client.”'
		);
		await expect(page.locator('#realtime-direct-vs-proxy .hop-time').last()).toContainText(
			/half the real call: [\d.]+ ms, measured/
		);
		// The refused subscription left the reader's own stream working.
		await demo.getByLabel('Note text').fill('Still live');
		await demo.getByRole('button', { name: 'Create the note' }).click();
		await expect(demo.locator('.events li').first()).toContainText('create: “Still live”');
	});

	test('a stream that stops when PocketBase restarts is shown, reconnects by itself and is checked for missed notes', async ({
		page,
		ownPocketBase,
	}) => {
		await page.goto(ownPocketBase.withPb('/problem/realtime/'));
		await expect(connectionStatus(page)).toHaveAttribute('data-state', 'connected');
		const demo = page.locator('realtime-streams');
		await demo.getByRole('button', { name: 'Subscribe to my notes' }).click();
		await expect(demo.locator('.stream-state')).toHaveAttribute('data-state', 'connected');

		await ownPocketBase.stop();
		await expect(demo.locator('.stream-state')).toHaveAttribute('data-state', 'interrupted');
		await expect(demo.locator('.stream-state')).toContainText('The SDK retries by itself');
		await ownPocketBase.start();
		await expect(demo.locator('.stream-state')).toHaveText(/^Reconnected \(1 time\)/, {
			timeout: 15_000,
		});
		// Nothing was written while it was down, and the demo re-read the list to be sure.
		await expect(demo.locator('.recovery')).toHaveText(
			/^Down for [\d.]+ ms\. No note was written meanwhile, so nothing was missed\.$/
		);
		await demo.getByLabel('Note text').fill('After the restart');
		await demo.getByRole('button', { name: 'Create the note' }).click();
		await expect(demo.locator('.events li').first()).toHaveText(
			/^create: “After the restart”, [\d.]+ ms after the create was sent/
		);
	});
});

import { connectionStatus, expect, test } from './fixtures';

const page_ = '/problem/auth-state/';

test.describe('The shared-instance leak, live', () => {
	test('Bob receives Alice’s note on a shared instance, and only his own per request', async ({
		page,
		ownPocketBase,
	}) => {
		await page.goto(ownPocketBase.withPb(page_));
		await expect(connectionStatus(page)).toHaveAttribute('data-state', 'connected');
		const demo = page.locator('auth-leak');
		await demo.getByRole('button', { name: 'Create Alice and Bob' }).click();
		const visitors = demo.getByText(/^Alice .* has note \w{15}; Bob .* has note \w{15}/);
		await expect(visitors).toBeVisible();
		const [, aliceNote, bobNote] = /has note (\w{15}); Bob .* has note (\w{15})/.exec(
			(await visitors.textContent()) ?? ''
		)!;

		await demo.getByRole('button', { name: 'Run both page views' }).click();
		// The verdict about Bob (the live region says it too, so look for the paragraph).
		const verdict = demo.getByRole('paragraph').filter({ hasText: /^(No leak|Leak): Bob/ });
		await expect(verdict).toContainText(`Leak: Bob’s response contains Alice’s note ${aliceNote}`);
		const steps = demo
			.getByRole('list', { name: 'The two page views, step by step' })
			.getByRole('listitem');
		await expect(steps).toHaveCount(8);
		await expect(steps.nth(4)).toContainText(`Leak: 200: Alice’s note ${aliceNote}`);
		await expect(steps.nth(2)).toContainText(
			'the shared store holds Alice’s token (written by this step)'
		);
		// The page's diagram replays the run, with measured calls.
		await expect(page.locator('#shared-instance-leak .hop-time').nth(1)).toContainText(/measured/);

		// The stepper walks back through who held the store.
		await demo.getByRole('button', { name: 'Previous step' }).click();
		await expect(demo.getByText('Step 7 of 8', { exact: true })).toBeVisible();
		// The eighth step is hidden again: seven are on show.
		await expect(steps).toHaveCount(7);

		await demo.getByLabel(/New instance per request/).check();
		await expect(page).toHaveURL(/leak-per-request=1/);
		await demo.getByRole('button', { name: 'Run both page views' }).click();
		await expect(verdict).toContainText(
			`No leak: Bob received only his note ${bobNote}, Alice only hers ${aliceNote}`
		);
		await expect(steps.nth(4)).toContainText(`200: Bob’s note ${bobNote}`);
		await expect(steps.nth(4)).toContainText('Bob’s own store holds Bob’s token');
	});

	test('two parallel requests on one instance: one is auto-cancelled, and the fixes stop it', async ({
		page,
		ownPocketBase,
	}) => {
		await page.goto(ownPocketBase.withPb(page_));
		await expect(connectionStatus(page)).toHaveAttribute('data-state', 'connected');
		const demo = page.locator('auth-leak');
		const send = demo.getByRole('button', { name: 'Send two requests at once' });
		const lines = demo
			.getByRole('list', { name: 'What each request got back' })
			.getByRole('listitem');
		const cancelVerdict = demo
			.getByRole('paragraph')
			.filter({ hasText: /^(Both requests were answered|\d of 2 requests were cancelled)/ });

		await send.click();
		await expect(lines.first()).toContainText('rejected, isAbort: true, status 0');
		await expect(lines.nth(1)).toContainText('Request 2: 200');
		await expect(cancelVerdict).toContainText('1 of 2 requests were cancelled');

		for (const [fix, label] of [
			['request-key-null', 'requestKey: null on each call'],
			['auto-cancellation-off', 'pb.autoCancellation(false) on the client'],
		] as const) {
			await demo.getByLabel('Fix for auto-cancellation').selectOption(fix);
			await expect(page).toHaveURL(new RegExp(`leak-cancel-fix=${fix}`));
			await send.click();
			await expect(cancelVerdict).toHaveText(
				`Both requests were answered: with ${label}, the SDK cancels nothing.`
			);
			await expect(lines.filter({ hasText: '200' })).toHaveCount(2);
		}
	});
});

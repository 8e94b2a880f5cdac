import { expect, test } from './fixtures';

test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

test('on a phone, a wide table is a named tab stop that the arrow keys scroll sideways', async ({
	page,
}) => {
	await page.goto('/problem/double-hops/');
	const region = page.getByRole('region', { name: 'What each hop costs' });
	const table = region.getByRole('table');
	await expect(table.getByRole('columnheader', { name: 'page, direct' })).toBeAttached();
	const overflow = await region.evaluate((el) => el.scrollWidth - el.clientWidth);
	expect(overflow, 'the table is wider than a phone screen').toBeGreaterThan(0);

	// Reach it the way a keyboard user does: Tab on from its section's heading link, past the
	// links in the prose between them.
	await page.locator('a.sl-anchor-link[href="#what-each-hop-costs"]').focus();
	const isFocused = () => region.evaluate((el) => el === document.activeElement);
	for (let presses = 0; presses < 20 && !(await isFocused()); presses++) {
		await page.keyboard.press('Tab');
	}
	await expect(region).toBeFocused();
	await page.keyboard.press('ArrowRight');
	await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
});

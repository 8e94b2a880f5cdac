import { connectionStatus, expect, test } from './fixtures';

test.describe('API rules matrix', () => {
	test('fills every cell from real answers and explains them', async ({ page, ownPocketBase }) => {
		await page.goto(ownPocketBase.withPb('/approaches/api-rules/'));
		await expect(connectionStatus(page)).toHaveAttribute('data-state', 'connected');
		const demo = page.locator('rules-matrix');
		// The rules come from the migration, not from a copy.
		await expect(demo.locator('table[data-collection="notes"] .rules td').first()).toHaveText(
			'@request.auth.id != "" && owner = @request.auth.id'
		);
		await expect(demo.locator('table[data-collection="articles"] .rules td').nth(2)).toHaveText(
			'null (locked)'
		);

		await demo.getByRole('button', { name: 'Run the matrix' }).click();
		await expect(demo.locator('.progress')).toHaveText('Done: 30 answers from PocketBase.', {
			timeout: 15_000,
		});
		const cell = (id: string) => demo.locator(`[data-cell="rules-${id}"]`);
		await expect(cell('notes-a-list')).toContainText('200filtered: 1 note');
		await expect(cell('notes-b-list')).toContainText('200filtered: 0 notes');
		await expect(cell('notes-guest-list')).toContainText('filtered: 0 notes');
		await expect(cell('notes-b-view')).toContainText('404');
		await expect(cell('notes-guest-update')).toContainText('404');
		await expect(cell('notes-b-create')).toContainText('400create rule not met');
		await expect(cell('notes-a-update')).toContainText('200allowed');
		await expect(cell('notes-a-delete')).toContainText('204allowed');
		await expect(cell('articles-guest-list')).toContainText('open rule: 32 articles');
		await expect(cell('articles-b-delete')).toContainText('403locked to superusers');

		// A cell links to the request that produced it.
		await cell('notes-b-view').getByRole('link').click();
		await expect(page).toHaveURL(/#rules-notes-b-view-req$/);
		const request = demo.locator('#rules-notes-b-view-req');
		await expect(request).toBeVisible();
		await expect(request.locator('.http')).toHaveText(
			/^GET \/api\/collections\/notes\/records\/\w{15} → 404$/
		);
		await expect(request.locator('.sdk')).toHaveText("pb.collection('notes').getOne(noteOfA.id)");

		const walkthrough = demo.locator('.walkthrough');
		await expect(walkthrough).toContainText('A got 1 note, B got 0 notes');
		await expect(walkthrough).toContainText('All 30 answers came straight from PocketBase');
	});
});

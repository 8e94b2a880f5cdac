import { connectionStatus, expect, test } from './fixtures';

test.describe('API rules matrix', () => {
	test('fills every cell from real answers and explains them', async ({ page, ownPocketBase }) => {
		await page.goto(ownPocketBase.withPb('/approaches/api-rules/'));
		await expect(connectionStatus(page)).toHaveAttribute('data-state', 'connected');
		const demo = page.locator('rules-matrix');
		const table = (collection: string) =>
			demo.getByRole('table', { name: new RegExp(`^${collection}: rules from`) });
		const actions = ['list', 'view', 'create', 'update', 'delete'];
		/** The cell of one caller's row under one action's column. */
		const cell = (collection: string, caller: string, action: string) =>
			table(collection)
				.getByRole('row', { name: new RegExp(`^${caller}`) })
				.getByRole('cell')
				.nth(actions.indexOf(action));
		// The rules come from the migration, not from a copy.
		await expect(cell('notes', 'rule', 'list')).toHaveText(
			'@request.auth.id != "" && owner = @request.auth.id'
		);
		await expect(cell('articles', 'rule', 'create')).toHaveText('null (locked)');

		await demo.getByRole('button', { name: 'Run the matrix' }).click();
		await expect(demo.getByText('Done: 30 answers from PocketBase.')).toBeVisible({
			timeout: 15_000,
		});
		await expect(cell('notes', 'User A', 'list')).toContainText('200filtered: 1 note');
		await expect(cell('notes', 'User B', 'list')).toContainText('200filtered: 0 notes');
		await expect(cell('notes', 'Guest', 'list')).toContainText('filtered: 0 notes');
		await expect(cell('notes', 'User B', 'view')).toContainText('404');
		await expect(cell('notes', 'Guest', 'update')).toContainText('404');
		await expect(cell('notes', 'User B', 'create')).toContainText('400create rule not met');
		await expect(cell('notes', 'User A', 'update')).toContainText('200allowed');
		await expect(cell('notes', 'User A', 'delete')).toContainText('204allowed');
		await expect(cell('articles', 'Guest', 'list')).toContainText('open rule: 32 articles');
		await expect(cell('articles', 'User B', 'delete')).toContainText('403locked to superusers');

		// A cell links to the request that produced it.
		await cell('notes', 'User B', 'view').getByRole('link').click();
		await expect(page).toHaveURL(/#rules-matrix-notes-b-view-req$/);
		const request = demo.getByRole('listitem').filter({ hasText: 'User B, view on notes:' });
		await expect(request).toBeVisible();
		await expect(
			request.getByText(/^GET \/api\/collections\/notes\/records\/\w{15} → 404$/)
		).toBeVisible();
		await expect(
			request.getByText("pb.collection('notes').getOne(noteOfA.id)", { exact: true })
		).toBeVisible();

		const walkthrough = demo.getByRole('region', {
			name: 'Why this is safe without a server, from these answers',
		});
		await expect(walkthrough).toContainText('A got 1 note, B got 0 notes');
		await expect(walkthrough).toContainText('All 30 answers came straight from PocketBase');
	});
});

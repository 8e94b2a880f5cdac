import { connectionStatus, expect, test } from './fixtures';

test.describe('static generation: built vs live', () => {
	test('the build says where its list came from; the reader’s copy changes the live side only', async ({
		page,
		ownPocketBase,
	}) => {
		await page.goto(ownPocketBase.withPb('/approaches/static-generation/'));
		await expect(connectionStatus(page)).toHaveAttribute('data-state', 'connected');
		const demo = page.locator('static-snapshot');
		// npm test builds before any PocketBase runs: the committed snapshot, labelled with its date.
		await expect(demo.getByText(/^Built /)).toHaveText(
			/^Built without a PocketBase \(no PocketBase answered at http:\/\/127\.0\.0\.1:\d+\), so the build used the committed snapshot taken at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC: 32 articles\.$/
		);

		await demo.getByRole('button', { name: 'Read the articles live' }).click();
		const liveLabel = demo.getByText(/^Read live at /);
		await expect(liveLabel).toHaveText(
			/^Read live at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC in [\d.]+ ms \(measured\)\.$/
		);
		await expect(
			demo.getByText('All 32 records are the same in the build and live.', { exact: true })
		).toBeVisible();

		await demo.getByLabel(/New title for your copy/).fill('Only mine');
		await demo.getByRole('button', { name: 'Make my copy and change it' }).click();
		await expect(
			demo.getByText(/^1 record changed \(a-first-look-at-api-rules\); 31 the same\./)
		).toBeVisible();
		const row = demo.getByRole('row', { name: /a-first-look-at-api-rules/ });
		await expect(row.getByRole('cell').nth(1)).toHaveText('A first look at API rules');
		// The live cell reads as the reader's copy, marked as differing from the build.
		await expect(row.getByRole('cell').nth(2)).toHaveText('Only mine');
		await expect(row.getByRole('cell').nth(2)).toHaveAccessibleName(
			'your copy: Only mine (differs)'
		);
		await expect(liveLabel).toContainText('with 1 copy of your own');

		// Another visitor (a fresh browser context, a new throwaway user) sees no change.
		const other = await page.context().browser()!.newPage();
		await other.goto(ownPocketBase.withPb('/approaches/static-generation/'));
		const otherDemo = other.locator('static-snapshot');
		await otherDemo.getByRole('button', { name: 'Read the articles live' }).click();
		await expect(
			otherDemo.getByText('All 32 records are the same in the build and live.', { exact: true })
		).toBeVisible();
		await other.close();
	});

	test('the copy route refuses bad input and bounds each user to 3 copies', async ({
		request,
		ownPocketBase,
	}) => {
		const base = ownPocketBase.url;
		const email = `copy-${crypto.randomUUID().slice(0, 8)}@example.com`;
		const password = crypto.randomUUID();
		await request.post(`${base}/api/collections/users/records`, {
			data: { email, password, passwordConfirm: password },
		});
		const auth = await request.post(`${base}/api/collections/users/auth-with-password`, {
			data: { identity: email, password },
		});
		const { token } = (await auth.json()) as { token: string };
		const copy = (data: unknown, withToken = true) =>
			request.post(`${base}/api/demo/article-copies`, {
				headers: withToken ? { Authorization: token } : {},
				data,
			});
		const message = async (response: Awaited<ReturnType<typeof copy>>) =>
			((await response.json()) as { message: string }).message;

		expect((await copy({ slug: 'testing-realtime' }, false)).status()).toBe(401);
		const missing = await copy({});
		expect(missing.status()).toBe(400);
		expect(await message(missing)).toBe('The slug field is required.');
		const wrongType = await copy({ slug: 7 });
		expect(wrongType.status()).toBe(400);
		expect(await message(wrongType)).toBe('The slug field must be a string.');
		const tooLong = await copy({ slug: 'a'.repeat(201) });
		expect(tooLong.status()).toBe(400);
		expect((await copy({ slug: 'no-such-article' })).status()).toBe(404);

		const first = await copy({ slug: 'testing-realtime' });
		expect(first.status()).toBe(200);
		const again = await copy({ slug: 'testing-realtime' });
		expect(((await again.json()) as { id: string }).id).toBe(
			((await first.json()) as { id: string }).id
		);
		expect((await copy({ slug: 'testing-backups' })).status()).toBe(200);
		expect((await copy({ slug: 'testing-oauth2' })).status()).toBe(200);
		const fourth = await copy({ slug: 'testing-migrations' });
		expect(fourth.status()).toBe(400);
		expect(await message(fourth)).toMatch(/3 article copies already/);
		// The public article itself never changed.
		const article = await request.get(
			`${base}/api/collections/articles/records?filter=${encodeURIComponent('slug="testing-realtime"')}`
		);
		expect(((await article.json()) as { items: { title: string }[] }).items[0]?.title).toBe(
			'Testing realtime'
		);
	});
});

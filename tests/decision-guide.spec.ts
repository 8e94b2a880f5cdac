/**
 * The decision guide on /decide/: answers in the URL, the same recommendation from a pasted link,
 * a readable flow without JavaScript, and every section it cites present in the built site.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allAnswerSets, recommend, steps } from '../src/lib/decision-guide';
import { expect, test } from './fixtures';
import { builtSite } from '../scripts/site-process.mjs';

const guidePage = '/decide/';

test.describe('decision guide', () => {
	test('answers go into the URL, and the copied link opens the same recommendation', async ({
		page,
		context,
	}) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await page.goto(guidePage);
		const guide = page.locator('decision-guide');
		const result = guide.locator('[data-result]');
		await expect(result.locator('[data-kind]')).toHaveAttribute('data-kind', 'direct');

		await guide.getByLabel('Aggregation across users').selectOption('compute');
		await guide.getByLabel('Where do your server and PocketBase run?').selectOption('far');
		await guide.getByLabel('PocketBase’s rate limiter is on').check();
		await expect(result.locator('[data-kind]')).toHaveAttribute('data-kind', 'server');
		await expect(result).toContainText('Double network hops: When it is not');
		await expect(page).toHaveURL(/decide-aggregation=compute/);
		await expect(page).toHaveURL(/decide-placement=far/);
		await expect(page).toHaveURL(/decide-rate-limiter=1/);
		const shown = await result.innerText();

		await guide.getByRole('button', { name: 'Copy link to these answers' }).click();
		await expect(guide.getByRole('button', { name: 'Link copied' })).toBeVisible();
		const link = await page.evaluate(() => navigator.clipboard.readText());
		expect(link).toContain('decide-placement=far');

		const other = await context.newPage();
		await other.goto(link);
		const otherGuide = other.locator('decision-guide');
		await expect(otherGuide.locator('[data-result] [data-kind]')).toHaveAttribute(
			'data-kind',
			'server'
		);
		expect(await otherGuide.locator('[data-result]').innerText()).toBe(shown);
		await expect(otherGuide.getByLabel('Where do your server and PocketBase run?')).toHaveValue(
			'far'
		);
		await expect(otherGuide.getByLabel('PocketBase’s rate limiter is on')).toBeChecked();
	});

	test('a bad answer in a link is explained and replaced by the default', async ({ page }) => {
		await page.goto(`${guidePage}?decide-data=secret`);
		const guide = page.locator('decision-guide');
		await expect(guide.locator('[data-problems]')).toContainText('decide-data=secret');
		await expect(guide.getByLabel('Whose data does the page show?')).toHaveValue('per-user');
		await expect(guide.locator('[data-result] [data-kind]')).toHaveAttribute('data-kind', 'direct');
	});

	test('a reason link opens its section', async ({ page }) => {
		await page.goto(`${guidePage}?decide-placement=private`);
		const guide = page.locator('decision-guide');
		await guide
			.getByRole('link', { name: /PocketBase is not reachable from the internet/ })
			.click();
		await expect(page).toHaveURL(/\/server-side\/when\/#pocketbase-is-not-reachable/);
		await expect(
			page.getByRole('heading', { name: 'PocketBase is not reachable from the internet' })
		).toBeInViewport();
	});

	test.describe('without JavaScript', () => {
		test.use({ javaScriptEnabled: false });
		test('the guide reads as a flow of steps, each with its recommendation', async ({ page }) => {
			await page.goto(guidePage);
			const guide = page.locator('decision-guide');
			// The form needs the script; the flow does not.
			await expect(guide.getByRole('form', { name: 'Your app' })).toBeHidden();
			const items = guide.getByRole('region', { name: 'Step by step' }).getByRole('listitem');
			await expect(items).toHaveCount(steps.length);
			const secret = guide.locator('[data-step="secret"]');
			await secret.getByText(steps.find((s) => s.id === 'secret')!.question).click();
			await expect(secret).toContainText('Put the server-side part in a PocketBase JS hook');
			await expect(
				secret.getByRole('link', { name: /When a server makes sense: Integrations/ })
			).toBeVisible();
		});
	});
});

test('every section the guide cites exists in the built site, under the name it shows', () => {
	const cited = new Map<string, string>();
	for (const answers of allAnswerSets()) {
		for (const reason of recommend(answers).reasons) cited.set(reason.href, reason.section);
	}
	expect(cited.size).toBeGreaterThan(10);
	for (const [href, section] of cited) {
		const [path = '', anchor = ''] = href.split('#');
		const html = readFileSync(join(builtSite, path, 'index.html'), 'utf8');
		const heading = html.match(new RegExp(`<h[2-4] id="${anchor}"[^>]*>(.*?)</h[2-4]>`, 's'));
		expect(heading, href).not.toBeNull();
		const text = heading![1]!.replace(/<[^>]+>/g, '').replace(/&#39;|'/g, '’');
		expect(text, href).toBe(section);
	}
});

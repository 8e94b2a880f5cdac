/**
 * The rate-limits page: the crowd simulation (offline, in the page) and the live demo against
 * a real limiter. Tests that exhaust the limiter use their own PocketBase (`ownPocketBase`), so
 * they never spend the shared one's buckets.
 */
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';

const page_ = '/problem/rate-limits/';

/** The crowd table's row for one setup, found by its heading. */
const setup = (crowd: Locator, title: string) =>
	crowd.getByRole('row', { name: new RegExp(`^${title}`) });
/** The crowd table's 429s for one setup (the column after Keys). */
const refusalsIn = (crowd: Locator, title: string) => setup(crowd, title).getByRole('cell').nth(1);

test.describe('crowd simulation', () => {
	test('shows the default run without JavaScript', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${process.env['E2E_SITE_URL']}${page_}`);
		const crowd = page.locator('rate-limit-crowd');
		await expect(crowd.getByRole('img', { name: /Requests per 3 s/ })).toBeVisible();
		await expect(refusalsIn(crowd, 'Direct from each browser')).toHaveText('0 (0 %)');
		await expect(crowd.locator('[data-summary]')).toContainText('500 readers over 5 min');
		await context.close();
	});

	test('runs a linked crowd, with progress, and keeps the settings in the URL', async ({
		page,
	}) => {
		await page.goto(
			`${page_}?crowd-readers=5000&crowd-seconds=3600&crowd-pattern=page-views&crowd-views-per-minute=2#rate-limit-crowd`
		);
		const crowd = page.locator('rate-limit-crowd');
		await expect(crowd).toHaveAttribute('data-state', 'done', { timeout: 15_000 });
		await expect(crowd.locator('[data-summary]')).toContainText('5,000 readers over 1 h');
		await expect(crowd.getByRole('status')).toHaveText(
			/^Done in [\d.]+ s: [\d,]+ requests in each setup\.$/
		);
		// Through one server, part of the browsing is refused; direct, none of it.
		await expect(refusalsIn(crowd, 'Through one server')).not.toHaveText(/^0 \(/);
		await expect(refusalsIn(crowd, 'Direct from each browser')).toHaveText('0 (0 %)');
		await expect(crowd.getByLabel('Page views per reader per minute')).toBeVisible();
		await expect(crowd.getByLabel('Sign-ins spread over (s)')).toBeHidden();
	});

	test('takes the reader’s own rules and refuses bad input next to the field', async ({ page }) => {
		await page.goto(`${page_}#rate-limit-crowd`);
		const crowd = page.locator('rate-limit-crowd');
		await crowd.getByLabel('Rate-limit rules').selectOption('custom');
		await expect(crowd.getByLabel('*:auth requests')).toBeVisible();
		await crowd.getByLabel('*:auth requests').fill('1000');
		await crowd.getByRole('button', { name: 'Run the simulation' }).click();
		await expect(crowd).toHaveAttribute('data-state', 'done');
		await expect(setup(crowd, 'Through one server').getByRole('rowheader')).toContainText(
			'*:auth 1,000 per 3 s'
		);
		await expect(refusalsIn(crowd, 'Through one server')).toHaveText('0 (0 %)');
		await expect(page).toHaveURL(/crowd-rules=custom/);
		await expect(page).toHaveURL(/crowd-auth-max=1000/);

		const readers = crowd.getByLabel('Readers', { exact: true });
		await readers.fill('0');
		await expect(crowd.locator('[data-problems]')).toContainText('Readers must be from 1 to 5000');
		await expect(readers).toHaveAttribute('aria-invalid', 'true');
		// On commit the field shows the value the simulation uses.
		await crowd.getByRole('button', { name: 'Run the simulation' }).click();
		await expect(readers).toHaveValue('1');
		await expect(crowd.locator('[data-summary]')).toContainText('1 reader over 5 min');
	});
});

test.describe('live 429', () => {
	/** The attempts a path's table lists: each row is headed by who made the attempt. */
	const attemptsIn = (path: Locator) =>
		path.getByRole('row').filter({ has: path.page().getByRole('rowheader') });

	test('a burst from the browser meets a real 429, then the window opens again', async ({
		page,
		ownPocketBase,
	}) => {
		await page.goto(ownPocketBase.withPb(page_));
		const live = page.locator('rate-limit-live');
		const direct = live.getByRole('region', { name: 'Your browser, direct' });
		await direct.getByRole('button', { name: 'Send sign-in attempts until a 429' }).click();
		const rows = attemptsIn(direct);
		await expect(rows).toHaveCount(3);
		await expect(rows.nth(0).getByRole('cell').nth(1)).toHaveText(
			'400: let through (wrong password)'
		);
		await expect(rows.nth(2).getByRole('cell').nth(1)).toHaveText('429: refused');
		await expect(direct.getByText(/^Attempt 3 got a real 429/)).toHaveText(
			/^Attempt 3 got a real 429, [\d.]+ s after the first: PocketBase allowed 2 sign-in attempts/
		);
		const response = direct.getByText(/^Status: 429/);
		// PocketBase's own 429, byte for byte (its JSON ends with a newline).
		await expect(response).toHaveText(
			/^Body: \{"data":\{\},"message":"Too Many Requests\.","status":429\}\n?$/m
		);
		await expect(response).toContainText('Retry-After: none.');
		const reopen = direct.getByText(/Measured: PocketBase let an attempt through again at/);
		await expect(reopen).toBeVisible({ timeout: 10_000 });
		await expect(reopen).toContainText('as the model says');
		// A fresh PocketBase on this machine's clock: the model agrees on every attempt.
		await expect(rows.filter({ hasText: 'differs' })).toHaveCount(0);
		await expect(direct.getByText(/^The model and PocketBase differ/)).toBeHidden();
	});

	test('through the simulated server, one shared bucket refuses most of a small crowd', async ({
		page,
		ownPocketBase,
	}) => {
		await page.goto(ownPocketBase.withPb(`${page_}?live-users=4`));
		const server = page
			.locator('rate-limit-live')
			.getByRole('region', { name: /^You and others, through the simulated server/ });
		await expect(server.getByLabel('Other users signing in through the server')).toHaveValue('4');
		await server.getByRole('button', { name: 'Sign everyone in through the server' }).click();
		const rows = attemptsIn(server);
		await expect(rows).toHaveCount(5);
		await expect(server.getByText(/^Through the one server address/)).toHaveText(
			/^Through the one server address, 2 of 5 sign-in attempts got through and 3 got a real 429/
		);
		await expect(
			rows.filter({ has: page.getByRole('rowheader', { name: 'You', exact: true }) })
		).toHaveCount(1);
		await expect(rows.filter({ hasText: 'differs' })).toHaveCount(0);
	});

	test('says so next to the button when PocketBase stops', async ({ page, ownPocketBase }) => {
		await page.goto(ownPocketBase.withPb(page_));
		const direct = page
			.locator('rate-limit-live')
			.getByRole('region', { name: 'Your browser, direct' });
		const button = direct.getByRole('button', { name: 'Send sign-in attempts until a 429' });
		await expect(button).toBeEnabled();
		await ownPocketBase.stop();
		await button.click();
		await expect(direct.getByRole('alert')).toBeVisible();
		await expect(attemptsIn(direct)).toHaveCount(0);
	});
});

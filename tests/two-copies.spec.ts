/**
 * Two copies of every demo on one page (/e2e/two-copies/, a page only the e2e build emits: see
 * src/e2e/two-copies.astro): each copy keeps its own settings in the URL, a link opens
 * each with its own, the page's ids stay unique, and one copy's reset leaves the other's alone.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const fixture = '/e2e/two-copies/';

interface Setting {
	/** The demo's default id; its second copy is `<id>-2`. */
	id: string;
	/** Its control's label: the whole text, or a pattern for one with words after it. */
	label: string | RegExp;
	/** Its parameter under the demo's own prefix, the first copy's (`race-requests`). */
	param: string;
	/** The values the link gives each copy: different, so neither can show the other's. */
	values: readonly [string, string];
	checkbox?: boolean;
	/** Whether the demo fills its form only once its code has loaded (near the screen). */
	lazy?: boolean;
}

/** One setting of each demo that has settings. */
const settings: readonly Setting[] = [
	{
		id: 'auth-leak',
		label: /^New instance per request/,
		param: 'leak-per-request',
		values: ['1', '0'],
		checkbox: true,
	},
	{ id: 'auth-state', label: 'Page views', param: 'auth-views', values: ['3', '7'] },
	{
		id: 'decision-guide',
		label: 'PocketBase’s rate limiter is on',
		param: 'decide-rate-limiter',
		values: ['1', '0'],
		checkbox: true,
	},
	{ id: 'first-visit', label: 'Server handler, ms', param: 'fv-handler', values: ['40', '90'] },
	{
		id: 'latency-explorer',
		label: 'Handler time (ms)',
		param: 'lx-handler-ms',
		values: ['40', '90'],
		lazy: true,
	},
	{ id: 'latency-race', label: 'Requests per path', param: 'race-requests', values: ['12', '37'] },
	{ id: 'own-request', label: 'Sort', param: 'own-sort', values: ['-title', 'created'] },
	{
		id: 'rate-limit-crowd',
		label: 'Readers',
		param: 'crowd-readers',
		values: ['800', '1200'],
		lazy: true,
	},
	{
		id: 'rate-limit-live',
		label: 'Other users signing in through the server',
		param: 'live-users',
		values: ['3', '9'],
	},
	{
		id: 'who-am-i',
		label: /^The server forwards my sign-in/,
		param: 'whoami-forward',
		values: ['1', '0'],
		checkbox: true,
	},
];

/**
 * The second copy's parameter: `race-requests` → `race.latency-race-2.requests`, as
 * demoUrlPrefix() derives the prefix (its unit test pins the rule; links depend on it).
 */
const secondParam = ({ id, param }: Setting) => param.replace('-', `.${id}-2.`);

/** `name=value` as a query parameter of the page's URL. */
const inUrl = (name: string, value: string) =>
	new RegExp(`[?&]${name.replaceAll('.', '\\.')}=${value}(&|$)`);

const control = (page: Page, id: string, label: string | RegExp): Locator =>
	page.locator(`#${id}`).getByLabel(label, { exact: true });

/** Expects the copy's control to show `value` (a checkbox: checked for '1'). */
async function expectShown(page: Page, id: string, { label, checkbox }: Setting, value: string) {
	const field = control(page, id, label);
	if (checkbox) await expect(field).toBeChecked({ checked: value === '1' });
	else await expect(field).toHaveValue(value);
}

/** Expects each copy of every demo to show the value `values` gives it. */
async function expectEachShown(page: Page, values: (s: Setting) => readonly [string, string]) {
	// The demos that fill their form only once their code has loaded, near the screen, one by one.
	for (const s of settings.filter((s) => s.lazy)) {
		for (const [copy, id] of [s.id, `${s.id}-2`].entries()) {
			await control(page, id, s.label).scrollIntoViewIfNeeded();
			await expectShown(page, id, s, values(s)[copy]!);
		}
	}
	await Promise.all(
		settings
			.filter((s) => !s.lazy)
			.flatMap((s) => [
				expectShown(page, s.id, s, values(s)[0]),
				expectShown(page, `${s.id}-2`, s, values(s)[1]),
			])
	);
}

test('two copies of every demo keep their own settings, links and ids', async ({
	page,
	context,
	consoleErrors,
}) => {
	// One page of 28 demos, loaded twice.
	test.setTimeout(45_000);
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	const link = new URLSearchParams();
	for (const s of settings) {
		link.set(s.param, s.values[0]);
		link.set(secondParam(s), s.values[1]);
	}
	await page.goto(`${fixture}?${link}`);

	// A link opens each copy with its own value, and no copy takes the other's for a mistake.
	await expectEachShown(page, (s) => s.values);
	await expect(page.getByText(/not a setting of this demo/)).toHaveCount(0);

	// Every id on the page, the demos' own and those their code added, is there once (the
	// duplicate-id rules of axe, which pages.spec.ts runs on every reader's page, ask no more).
	const ids = await page
		.locator('[id]')
		.evaluateAll((elements) => elements.map((element) => element.id));
	expect(ids.length).toBeGreaterThan(200);
	expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);

	// A change in the second race is written under its own prefix; its copied link, opened,
	// reopens the page at the second race with each copy's settings.
	const race = settings.find((s) => s.id === 'latency-race')!;
	const requests = control(page, 'latency-race-2', race.label);
	await requests.fill('55');
	await requests.blur();
	await expect(page).toHaveURL(inUrl(secondParam(race), '55'));
	await expect(page).toHaveURL(inUrl(race.param, '12'));
	await page
		.locator('#latency-race-2')
		.getByRole('button', { name: 'Copy link to this setup' })
		.click();
	const copied = new URL(await page.evaluate(() => navigator.clipboard.readText()));
	expect(copied.hash).toBe('#latency-race-2');
	await page.goto(copied.href);
	await expectEachShown(page, (s) => (s === race ? ['12', '55'] : s.values));

	// Resetting the second decision guide drops its answers from the URL, and only its own.
	const guide = settings.find((s) => s.id === 'decision-guide')!;
	await page.locator('#decision-guide-2').getByRole('button', { name: 'Reset' }).click();
	await expect(page).not.toHaveURL(/decide\.decision-guide-2\./);
	await expect(page).toHaveURL(inUrl(guide.param, '1'));
	await expectShown(page, 'decision-guide', guide, '1');
	expect(consoleErrors).toEqual([]);
});

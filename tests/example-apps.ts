/**
 * What tests/examples-sveltekit.spec.ts and tests/examples-nextjs.spec.ts do alike with their
 * example app: run it against a PocketBase for one test, sign Alice and Bob in together through
 * it, and read every public article from its build.
 */
import type { ChildProcess } from 'node:child_process';
import type { Browser, Page } from '@playwright/test';
import { stopProcess } from '../scripts/pocketbase-process.mjs';
import { seedUsers, signInTogether } from '../scripts/two-user-notes.mjs';
import { expect, test } from './fixtures';

/** Each test's own PocketBase gets this superuser, who seeds Alice and Bob. */
export const superuser = { email: 'examples@example.com', password: 'superuser-password-1' };

export type StartApp = (options: {
	pocketBaseUrl: string;
}) => Promise<{ child: ChildProcess; url: string }>;

/** Runs `use` with the app served against `pocketBaseUrl`, and stops the app after. */
export async function withApp<T>(
	start: StartApp,
	pocketBaseUrl: string,
	use: (url: string) => Promise<T>
): Promise<T> {
	const app = await start({ pocketBaseUrl });
	try {
		return await use(app.url);
	} finally {
		await stopProcess(app.child);
	}
}

/**
 * Alice and Bob, each with a note, sign in at once through the variant under `prefix` ('' for
 * the right way), then each reloads their notes page: their notes and what each saw. `also`
 * runs against the app before it stops.
 */
async function twoUsersThrough(
	browser: Browser,
	start: StartApp,
	pocketBase: { url: string },
	prefix: '' | '/anti-pattern',
	also?: (url: string) => Promise<void>
) {
	const [alice, bob] = await seedUsers(pocketBase.url, superuser);
	return withApp(start, pocketBase.url, async (url) => {
		const [aliceSees, bobSees] = await signInTogether(browser, `${url}${prefix}`, [alice!, bob!]);
		await also?.(url);
		return { alice: alice!, bob: bob!, aliceSees, bobSees };
	});
}

/** Every public article's page answers with its title while nothing listens for PocketBase. */
async function expectArticlesServedWithoutPocketBase(page: Page, start: StartApp) {
	// The build read the playground's public articles; the e2e PocketBase has the same ones.
	const list = (await (
		await fetch(`${process.env['E2E_PB_URL']}/api/collections/articles/records?perPage=100`)
	).json()) as { items: { slug: string; title: string }[] };
	expect(list.items.length).toBeGreaterThan(0);
	// Nothing listens on port 9: a page that needed PocketBase now would fail.
	await withApp(start, 'http://127.0.0.1:9', async (url) => {
		for (const article of list.items) {
			const response = await page.goto(`${url}/articles/${article.slug}`);
			expect(response?.status()).toBe(200);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(article.title);
		}
	});
}

/**
 * The tests both example apps pass, in a `test.describe(name)`: the shared client leaks, a client
 * per request does not (`rightWay.also` checks more against the app before it stops), and the
 * article pages serve without PocketBase. `more` adds an app's own tests to the group.
 */
export function describeExampleApp(
	name: string,
	start: StartApp,
	rightWay: { title: string; why: string; also?: (url: string) => Promise<void> },
	more?: () => void
) {
	test.describe(name, () => {
		test.use({ superuser });
		// Two bcrypt sign-ins and a server start on a busy machine.
		test.setTimeout(60_000);

		test('one module-level client: after two sign-ins, one user reads the other’s note', async ({
			browser,
			ownPocketBase,
		}) => {
			const { alice, bob, aliceSees, bobSees } = await twoUsersThrough(
				browser,
				start,
				ownPocketBase,
				'/anti-pattern'
			);
			// Both read as whoever signed in last: the same notes, and one person's only.
			expect(aliceSees).toEqual(bobSees);
			expect([[alice.note], [bob.note]]).toContainEqual(aliceSees);
		});

		test(rightWay.title, async ({ browser, ownPocketBase }) => {
			const { alice, bob, aliceSees, bobSees } = await twoUsersThrough(
				browser,
				start,
				ownPocketBase,
				'',
				rightWay.also
			);
			expect(aliceSees, rightWay.why).toEqual([alice.note]);
			expect(bobSees, rightWay.why).toEqual([bob.note]);
		});

		test('static generation: every article page was built from PocketBase, and serves with it gone', async ({
			page,
		}) => {
			await expectArticlesServedWithoutPocketBase(page, start);
		});

		more?.();
	});
}

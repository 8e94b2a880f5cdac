/**
 * The SvelteKit example (examples/sveltekit), built with adapter-node and run against a real
 * PocketBase from playground/: two real users sign in at the same moment, in two browsers, and
 * each then reads "their" notes. Through one module-level SDK client the two see the same notes,
 * so one of them reads the other's; with a client per request each sees only their own.
 *
 * Each test has its own PocketBase: the *:auth rule allows two sign-ins per 3 s per address, and
 * every sign-in the example sends comes from this machine's one address, as would the other e2e
 * tests' sign-ins on a shared PocketBase.
 */
import { startSvelteKitExample } from '../scripts/example-process.mjs';
import { stopProcess } from '../scripts/pocketbase-process.mjs';
import { seedUsers, signInTogether } from '../scripts/two-user-notes.mjs';
import { expect, test } from './fixtures';

const superuser = { email: 'examples@example.com', password: 'superuser-password-1' };
test.use({ superuser });
// Two bcrypt sign-ins and a server start on a busy machine.
test.setTimeout(60_000);

test.describe('SvelteKit example', () => {
	test('one module-level client: after two sign-ins, one user reads the other’s note', async ({
		browser,
		ownPocketBase,
	}) => {
		const [alice, bob] = await seedUsers(ownPocketBase.url, superuser);
		const app = await startSvelteKitExample({ pocketBaseUrl: ownPocketBase.url });
		try {
			const [aliceSees, bobSees] = await signInTogether(browser, `${app.url}/anti-pattern`, [
				alice!,
				bob!,
			]);
			// Both read as whoever signed in last: the same notes, and one person's only.
			expect(aliceSees).toEqual(bobSees);
			expect([[alice!.note], [bob!.note]]).toContainEqual(aliceSees);
		} finally {
			await stopProcess(app.child);
		}
	});

	test('a client per request: each user reads only their own note, and stays signed in', async ({
		browser,
		ownPocketBase,
	}) => {
		const [alice, bob] = await seedUsers(ownPocketBase.url, superuser);
		const app = await startSvelteKitExample({ pocketBaseUrl: ownPocketBase.url });
		try {
			const [aliceSees, bobSees] = await signInTogether(browser, app.url, [alice!, bob!]);
			// The reload carries only the cookie; the hook refreshed it into each user's own client.
			expect(aliceSees).toEqual([alice!.note]);
			expect(bobSees).toEqual([bob!.note]);
		} finally {
			await stopProcess(app.child);
		}
	});

	test('static generation: every article page was built from PocketBase, and serves with it gone', async ({
		page,
	}) => {
		// The build read the playground's public articles; the e2e PocketBase has the same ones.
		const list = (await (
			await fetch(`${process.env['E2E_PB_URL']}/api/collections/articles/records?perPage=100`)
		).json()) as { items: { slug: string; title: string }[] };
		expect(list.items.length).toBeGreaterThan(0);
		// Nothing listens on port 9: a page that needed PocketBase now would fail.
		const app = await startSvelteKitExample({ pocketBaseUrl: 'http://127.0.0.1:9' });
		try {
			for (const article of list.items) {
				const response = await page.goto(`${app.url}/articles/${article.slug}`);
				expect(response?.status()).toBe(200);
				await expect(page.getByRole('heading', { level: 1 })).toHaveText(article.title);
			}
		} finally {
			await stopProcess(app.child);
		}
	});
});

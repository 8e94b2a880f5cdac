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
import { expectArticlesServedWithoutPocketBase, twoUsersThrough } from './example-apps';
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
		const { alice, bob, aliceSees, bobSees } = await twoUsersThrough(
			browser,
			startSvelteKitExample,
			ownPocketBase,
			superuser,
			'/anti-pattern'
		);
		// Both read as whoever signed in last: the same notes, and one person's only.
		expect(aliceSees).toEqual(bobSees);
		expect([[alice.note], [bob.note]]).toContainEqual(aliceSees);
	});

	test('a client per request: each user reads only their own note, and stays signed in', async ({
		browser,
		ownPocketBase,
	}) => {
		const { alice, bob, aliceSees, bobSees } = await twoUsersThrough(
			browser,
			startSvelteKitExample,
			ownPocketBase,
			superuser,
			''
		);
		// The reload carries only the cookie; the hook refreshed it into each user's own client.
		expect(aliceSees).toEqual([alice.note]);
		expect(bobSees).toEqual([bob.note]);
	});

	test('static generation: every article page was built from PocketBase, and serves with it gone', async ({
		page,
	}) => {
		await expectArticlesServedWithoutPocketBase(page, startSvelteKitExample);
	});
});

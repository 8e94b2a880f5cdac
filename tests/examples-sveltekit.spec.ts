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
import type { Browser, Page } from '@playwright/test';
import PocketBase from 'pocketbase';
import { startSvelteKitExample } from '../scripts/example-process.mjs';
import { stopProcess } from '../scripts/pocketbase-process.mjs';
import { expect, test } from './fixtures';

const superuser = { email: 'examples@example.com', password: 'superuser-password-1' };
const password = 'correct horse battery';
test.use({ superuser });
// Two bcrypt sign-ins and a server start on a busy machine.
test.setTimeout(60_000);

interface User {
	email: string;
	note: string;
}

/** Alice and Bob, each with one note of their own, made by a superuser (its own auth bucket). */
async function seedUsers(pocketBaseUrl: string): Promise<User[]> {
	const admin = new PocketBase(pocketBaseUrl);
	admin.autoCancellation(false);
	await admin.collection('_superusers').authWithPassword(superuser.email, superuser.password);
	return Promise.all(
		['alice', 'bob'].map(async (name) => {
			const email = `${name}-${Date.now()}@example.com`;
			const user = await admin
				.collection('users')
				.create({ email, password, passwordConfirm: password });
			const note = `${name}'s private note`;
			await admin.collection('notes').create({ text: note, owner: user.id });
			return { email, note };
		})
	);
}

/** The note texts the notes page shows. */
async function notesOn(page: Page): Promise<string[]> {
	await expect(page.getByRole('heading', { level: 1 })).toContainText('notes');
	return page.getByRole('listitem').allTextContents();
}

/**
 * Signs every user in at once, each in a browser of their own, then has each reload the notes
 * page, one after the other, once every sign-in is done.
 */
async function signInTogether(browser: Browser, baseUrl: string, users: User[]) {
	const pages = await Promise.all(
		users.map(async (user) => {
			const context = await browser.newContext();
			const page = await context.newPage();
			await page.goto(`${baseUrl}/login`);
			await page.getByLabel('E-mail').fill(user.email);
			await page.getByLabel('Password').fill(password);
			return page;
		})
	);
	await Promise.all(
		pages.map(async (page) => {
			await page.getByRole('button', { name: 'Sign in' }).click();
			await page.waitForURL(`${baseUrl}/notes`);
		})
	);
	const seen: string[][] = [];
	for (const page of pages) {
		await page.reload();
		seen.push(await notesOn(page));
	}
	await Promise.all(pages.map((page) => page.context().close()));
	return seen;
}

test.describe('SvelteKit example', () => {
	test('one module-level client: after two sign-ins, one user reads the other’s note', async ({
		browser,
		ownPocketBase,
	}) => {
		const [alice, bob] = await seedUsers(ownPocketBase.url);
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
		const [alice, bob] = await seedUsers(ownPocketBase.url);
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
});

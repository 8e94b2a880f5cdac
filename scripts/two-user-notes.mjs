// The example apps' two-user check, shared by tests/examples-sveltekit.spec.ts and
// tests/examples-nextjs.spec.ts: Alice and Bob, each with one note, sign in at the same moment
// in two browsers of their own, and each then reloads "their" notes page.
import PocketBase from 'pocketbase';

export const password = 'correct horse battery';

/**
 * Alice and Bob, each with one note of their own, made by a superuser (whose sign-in counts in
 * its own rate-limit bucket, not the users' one).
 * @param {string} pocketBaseUrl
 * @param {{ email: string; password: string }} superuser
 * @returns {Promise<{ email: string; note: string }[]>}
 */
export async function seedUsers(pocketBaseUrl, superuser) {
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

/**
 * Signs every user in at once, each in a browser context of their own, at `${baseUrl}/login`,
 * waits until each has landed on `${baseUrl}/notes`, then reloads each notes page, one after
 * the other, once every sign-in is done. Returns the note texts each user saw.
 * @param {import('playwright-core').Browser} browser
 * @param {string} baseUrl
 * @param {{ email: string }[]} users
 * @returns {Promise<string[][]>}
 */
export async function signInTogether(browser, baseUrl, users) {
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
	try {
		await Promise.all(
			pages.map(async (page) => {
				await page.getByRole('button', { name: 'Sign in' }).click();
				await page.waitForURL(`${baseUrl}/notes`);
			})
		);
		/** @type {string[][]} */
		const seen = [];
		for (const page of pages) {
			await page.reload();
			await page.getByRole('heading', { level: 1, name: /notes/ }).waitFor();
			seen.push(await page.getByRole('listitem').allTextContents());
		}
		return seen;
	} finally {
		await Promise.all(pages.map((page) => page.context().close()));
	}
}

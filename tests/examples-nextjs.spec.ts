/**
 * The Next.js example (examples/nextjs, Cache Components on), its production build run with
 * `next start` against a real PocketBase from playground/: the same two-user test as
 * tests/examples-sveltekit.spec.ts, then what its caches hold. Per-user notes come from
 * 'use cache: private' and must never reach another user; public articles come from a shared
 * 'use cache' entry that PocketBase's change invalidates through the revalidation route.
 *
 * Each test has its own PocketBase: the *:auth rule allows two sign-ins per 3 s per address.
 */
import { randomBytes } from 'node:crypto';
import PocketBase from 'pocketbase';
import { startNextExample } from '../scripts/example-process.mjs';
import { stopProcess } from '../scripts/pocketbase-process.mjs';
import { describeExampleApp, superuser } from './example-apps';
import { expect, test } from './fixtures';

describeExampleApp(
	'Next.js example',
	startNextExample,
	{
		title: 'a client per request and a private cache: each user reads only their own note',
		// Alice's notes page renders first, then Bob's.
		why: 'Had Alice’s answer gone into a cache Bob’s request can hit, he would read her note.',
		// Nor may a CDN or proxy in front keep the notes page: it is sent private, and a guest
		// gets no one's notes.
		also: async (url) => {
			const guest = await fetch(`${url}/notes`);
			expect(guest.headers.get('cache-control')).toMatch(/private|no-store/);
			expect(await guest.text()).not.toMatch(/private note/);
		},
	},
	() => {
		test('a changed article: the cached page stays until PocketBase calls the revalidation route', async ({
			page,
			ownPocketBase,
		}) => {
			const admin = new PocketBase(ownPocketBase.url);
			await admin.collection('_superusers').authWithPassword(superuser.email, superuser.password);
			// A slug the build never saw (a new one each run, since `next start` writes the pages it
			// renders into .next): rendered on its first request, then served from the cache.
			const slug = `added-after-the-build-${Date.now()}`;
			const article = await admin
				.collection('articles')
				.create({ slug, title: 'Added after the build', summary: 'A new article.' });
			const secret = randomBytes(16).toString('hex');
			const app = await startNextExample({
				pocketBaseUrl: ownPocketBase.url,
				revalidateSecret: secret,
			});
			const heading = page.getByRole('heading', { level: 1 });
			const revalidate = (authorization: string) =>
				fetch(`${app.url}/api/revalidate`, {
					method: 'POST',
					headers: { authorization, 'content-type': 'application/json' },
					body: JSON.stringify({ slug }),
				});
			try {
				await page.goto(`${app.url}/articles/${slug}`);
				await expect(heading).toHaveText('Added after the build');

				await admin.collection('articles').update(article.id, { title: 'Corrected title' });
				await page.reload();
				await expect(heading).toHaveText('Added after the build'); // the cached page

				expect((await revalidate('Bearer wrong-secret')).status).toBe(401);
				expect((await revalidate(`Bearer ${secret}`)).status).toBe(200);
				// 'max': the first visit after it may still get the old page while a new one renders.
				await expect
					.poll(async () => {
						await page.reload();
						return heading.textContent();
					})
					.toBe('Corrected title');
			} finally {
				await stopProcess(app.child);
			}
		});
	}
);

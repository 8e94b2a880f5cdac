/**
 * What remote functions (experimental in SvelteKit 3.4.1) cost the SvelteKit example, counted at
 * a real PocketBase: its overview page reads the same three things either through one load
 * function (/overview) or through three remote queries (/remote/overview). A signed-in visitor
 * reaches each by a client-side navigation, as a click on a link does; the test counts the
 * requests the browser sends the app and those the app sends PocketBase, and times each view.
 * The app's hook refreshes the token on every request, so each handle run shows at PocketBase as
 * one auth-refresh.
 */
import type { Page } from '@playwright/test';
import { startSvelteKitExample } from '../scripts/example-process.mjs';
import { password, seedUsers } from '../scripts/two-user-notes.mjs';
import { superuser, withApp } from './example-apps';
import { expect, test } from './fixtures';
import { tapPocketBase, type PocketBaseRequestTap } from './pocketbase-request-tap';

const refresh = 'POST /api/collections/users/auth-refresh';
const reads = [
	'GET /api/collections/articles/records',
	'GET /api/collections/notes/records',
	expect.stringMatching(/^GET \/api\/collections\/users\/records\/\w+$/),
];
const rounds = 3;

test.use({ superuser });

/**
 * Resolves once SvelteKit's client router has started, after hydration: it sets this in the same
 * step as it starts listening for clicks (_start_router in the kit's src/runtime/client/client.js).
 */
async function routerStarted(page: Page) {
	await page.waitForFunction(() => history.scrollRestoration === 'manual');
}

/** Milliseconds from the click on `href` until the page lists `note`, as the browser saw them. */
function clickUntilNoteShows(page: Page, href: string, note: string): Promise<number> {
	return page.evaluate(
		({ href, note }) =>
			new Promise<number>((resolve) => {
				const shows = () =>
					[...document.querySelectorAll('ul[aria-label="Notes"] li')].some(
						(item) => item.textContent === note
					);
				const start = performance.now();
				const observer = new MutationObserver(() => {
					if (!shows()) return;
					observer.disconnect();
					resolve(performance.now() - start);
				});
				observer.observe(document.body, { childList: true, subtree: true, characterData: true });
				document.querySelector<HTMLAnchorElement>(`a[href="${href}"]`)!.click();
			}),
		{ href, note }
	);
}

/**
 * One client-side navigation from a freshly loaded home page to `href`: its time and what it sent
 * where. Fresh, because the browser keeps a query's answer until the objects using it are
 * garbage-collected, so a second visit in the same document may send nothing, or may not.
 */
async function view(
	page: Page,
	tap: PocketBaseRequestTap,
	appUrl: string,
	href: string,
	note: string
) {
	await page.goto(`${appUrl}/`);
	// A click before SvelteKit's router starts would load the next page as a new document.
	await routerStarted(page);
	const toApp: string[] = [];
	const onRequest = (request: { url(): string }) => {
		const url = new URL(request.url());
		if (url.origin === appUrl && !url.pathname.startsWith('/_app/immutable/')) {
			toApp.push(url.pathname);
		}
	};
	tap.clear();
	page.on('request', onRequest);
	const ms = await clickUntilNoteShows(page, href, note);
	page.off('request', onRequest);
	await expect(page.getByRole('list', { name: 'Notes' })).toContainText(note);
	const toPocketBase = tap.seen();
	return { ms, toApp, toPocketBase };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

test('remote functions (experimental): three queries run handle and authRefresh three times, one load once', async ({
	browser,
	ownPocketBase,
}) => {
	test.setTimeout(60_000);
	const [alice] = await seedUsers(ownPocketBase.url, superuser);
	const tap = await tapPocketBase(ownPocketBase.url);
	try {
		await withApp(startSvelteKitExample, tap.url, async (url) => {
			const context = await browser.newContext();
			const page = await context.newPage();
			await page.goto(`${url}/login`);
			await page.getByLabel('E-mail').fill(alice!.email);
			await page.getByLabel('Password').fill(password);
			await page.getByRole('button', { name: 'Sign in' }).click();
			await page.waitForURL(`${url}/notes`);

			const times = { load: [] as number[], remote: [] as number[] };
			for (let round = 0; round < rounds; round++) {
				const load = await view(page, tap, url, '/overview', alice!.note);
				// One request from the browser, one handle run: one refresh, then the three reads.
				expect(load.toApp).toEqual(['/overview/__data.json']);
				expect(load.toPocketBase[0]).toBe(refresh);
				expect(load.toPocketBase.slice(1).sort()).toEqual(reads);

				const remote = await view(page, tap, url, '/remote/overview', alice!.note);
				// Three requests from the browser, three handle runs: three refreshes, three reads.
				expect(remote.toApp).toHaveLength(3);
				for (const path of remote.toApp) expect(path).toMatch(/^\/_app\/remote\//);
				expect(remote.toPocketBase.filter((line) => line === refresh)).toHaveLength(3);
				expect(remote.toPocketBase.filter((line) => line !== refresh).sort()).toEqual(reads);

				times.load.push(load.ms);
				times.remote.push(remote.ms);
			}

			// A full page load renders the queries on the server, inside the page's one request.
			tap.clear();
			const remoteCalls: string[] = [];
			page.on('request', (request) => {
				if (request.url().includes('/_app/remote/')) remoteCalls.push(request.url());
			});
			await page.goto(`${url}/remote/overview`);
			await expect(page.getByRole('list', { name: 'Notes' })).toContainText(alice!.note);
			await routerStarted(page);
			// Hydration, done once the router starts, reused what the server rendered: no call.
			expect(remoteCalls).toEqual([]);
			expect(tap.seen()[0]).toBe(refresh);
			expect(tap.seen().slice(1).sort()).toEqual(reads);

			const summary = `client-side navigation, median of ${rounds}: one load ${median(times.load).toFixed(1)} ms, three queries ${median(times.remote).toFixed(1)} ms (load ${times.load.map((t) => t.toFixed(1)).join(', ')}; queries ${times.remote.map((t) => t.toFixed(1)).join(', ')})`;
			test.info().annotations.push({ type: 'remote functions cost', description: summary });
			console.log(summary);
			await context.close();
		});
	} finally {
		await tap.close();
	}
});

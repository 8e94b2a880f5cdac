/**
 * What a link preview needs from every page: a description and a social card that really
 * exists in the build. Read from the built HTML itself. (One h1 per page: pages.spec.ts.)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { sitemapPaths } from './sitemap';
import { builtSite } from '../scripts/site-process.mjs';

const dist = builtSite;

for (const path of sitemapPaths()) {
	test(`${path} has a description and a social card that exists`, () => {
		const html = readFileSync(join(dist, path, 'index.html'), 'utf8');
		const description = html.match(/<meta name="description" content="([^"]*)"/)?.[1] ?? '';
		expect(description.length).toBeGreaterThan(40);
		expect(description.length).toBeLessThanOrEqual(200);

		const image = html.match(/<meta property="og:image" content="([^"]+)"/)?.[1];
		expect(image).toBeDefined();
		const imageFile = join(dist, new URL(image!).pathname);
		expect(existsSync(imageFile), `${imageFile} exists`).toBe(true);
		expect(readFileSync(imageFile).subarray(1, 4).toString()).toBe('PNG');
	});
}

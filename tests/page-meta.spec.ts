/**
 * What a link preview and a reader need from every page: a description, a social card that
 * really exists in the build, and one h1. Read from the built HTML itself.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../scripts/pocketbase-process.mjs';
import { expect, test } from './fixtures';
import { sitemapPaths } from './sitemap';

const dist = join(projectRoot, 'dist');

for (const path of sitemapPaths()) {
	test(`${path} has a description, an existing og:image and one h1`, () => {
		const html = readFileSync(join(dist, path, 'index.html'), 'utf8');
		const description = html.match(/<meta name="description" content="([^"]*)"/)?.[1] ?? '';
		expect(description.length).toBeGreaterThan(40);
		expect(description.length).toBeLessThanOrEqual(200);

		const image = html.match(/<meta property="og:image" content="([^"]+)"/)?.[1];
		expect(image).toBeDefined();
		const imageFile = join(dist, new URL(image!).pathname);
		expect(existsSync(imageFile), `${imageFile} exists`).toBe(true);
		expect(readFileSync(imageFile).subarray(1, 4).toString()).toBe('PNG');

		expect(html.match(/<h1[\s>]/g)?.length).toBe(1);
	});
}

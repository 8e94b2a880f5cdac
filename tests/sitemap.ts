import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { builtSite } from '../scripts/site-process.mjs';

/**
 * Every page path in the built sitemap, e.g. `/problem/double-hops/`. The pages only the e2e
 * build emits for its own tests (src/e2e/) are no reader's, and are left out.
 */
export function sitemapPaths(): string[] {
	const dist = builtSite;
	const files = readdirSync(dist).filter((f) => /^sitemap-\d+\.xml$/.test(f));
	const paths = files.flatMap((file) =>
		[...readFileSync(join(dist, file), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map(
			(m) => new URL(m[1]!).pathname
		)
	);
	const readers = paths.filter((path) => !path.startsWith('/e2e/'));
	if (readers.length === 0)
		throw new Error('The sitemap lists no pages: is `site` set in astro.config.mjs?');
	return readers;
}

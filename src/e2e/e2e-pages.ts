/**
 * Pages only the end-to-end tests open. They are added to the build as routes of their own, and
 * only to a build for those tests: a file in src/pages/ would take part in every build's CSS
 * bundling even when it emitted no page, and so change the site a reader gets.
 */
import type { AstroIntegration } from 'astro';

/**
 * Adds the e2e pages when `enabled`: astro.config.mjs passes whether `E2E_PB_PORT` is set, the
 * port of the PocketBase an e2e build calls (scripts/test.mjs sets it; `npm run build` does not).
 */
export function e2ePages(enabled: boolean): AstroIntegration {
	return {
		name: 'e2e-pages',
		hooks: {
			'astro:config:setup': ({ injectRoute }) => {
				if (!enabled) return;
				injectRoute({
					pattern: '/e2e/two-copies',
					entrypoint: new URL('./two-copies.astro', import.meta.url),
				});
			},
		},
	};
}

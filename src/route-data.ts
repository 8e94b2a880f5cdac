/**
 * Adds each page's social card (built by src/pages/og/[...slug].ts) to its <head>, so a link
 * pasted into a GitHub discussion or chat shows the page's title and description.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';

export const onRequest = defineRouteMiddleware((context) => {
	const route = context.locals.starlightRoute;
	const slug = route.id === '' ? 'index' : route.id;
	const image = new URL(`/og/${slug}.png`, context.site ?? context.url).href;
	const alt = `${route.entry.data.title}: ${route.entry.data.description ?? ''}`.trim();
	route.head.push(
		{ tag: 'meta', attrs: { property: 'og:image', content: image } },
		{ tag: 'meta', attrs: { property: 'og:image:width', content: '1200' } },
		{ tag: 'meta', attrs: { property: 'og:image:height', content: '630' } },
		{ tag: 'meta', attrs: { property: 'og:image:alt', content: alt } },
		{ tag: 'meta', attrs: { name: 'twitter:image', content: image } }
	);
});

/**
 * A social card (og:image) for every page, drawn at build time from its title and description.
 * The font comes from node_modules, so a build needs no network.
 */
import { getCollection } from 'astro:content';
import { OGImageRoute } from 'astro-og-canvas';

const entries = await getCollection('docs');
const pages = Object.fromEntries(
	entries.map(({ id, data }) => [id === 'index' ? 'index' : id, data])
);

const font = (weight: 400 | 700) =>
	`./node_modules/@fontsource/inter/files/inter-latin-${weight}-normal.woff`;

export const { getStaticPaths, GET } = await OGImageRoute({
	pages,
	getImageOptions: (_path, page: (typeof pages)[string]) => ({
		title: page.title,
		description: page.description ?? '',
		bgGradient: [[23, 24, 28]],
		border: { color: [124, 92, 255], width: 16, side: 'inline-start' },
		padding: 72,
		font: {
			title: {
				families: ['Inter'],
				weight: 'Bold',
				size: 64,
				color: [255, 255, 255],
				lineHeight: 1.15,
			},
			description: { families: ['Inter'], size: 32, color: [200, 202, 210], lineHeight: 1.4 },
		},
		fonts: [font(400), font(700)],
	}),
});

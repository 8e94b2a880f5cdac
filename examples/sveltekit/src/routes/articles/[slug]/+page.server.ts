import PocketBase from 'pocketbase';
import { PUBLIC_POCKETBASE_URL } from '$app/env/public';
import type { EntryGenerator, PageServerLoad } from './$types';

// Render these pages at build time, not per request.
export const prerender = true;

// Which slugs to build. A client per call keeps build code free of shared state. (Parallel page
// builds would not auto-cancel each other anyway: getFirstListItem's request key includes its filter.)
export const entries: EntryGenerator = async () => {
	const pb = new PocketBase(PUBLIC_POCKETBASE_URL);
	const articles = await pb.collection('articles').getFullList({ fields: 'slug' });
	return articles.map((article) => ({ slug: String(article['slug']) }));
};

export const load: PageServerLoad = async ({ params }) => {
	const pb = new PocketBase(PUBLIC_POCKETBASE_URL);
	const article = await pb
		.collection('articles')
		.getFirstListItem(pb.filter('slug = {:slug}', { slug: params.slug }));
	return { title: String(article['title']), summary: String(article['summary']) };
};

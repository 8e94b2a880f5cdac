import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import PocketBase, { ClientResponseError } from 'pocketbase';

/** The cache tag of one article's page: the revalidation route handler names it. */
export const articleTag = (slug: string) => `article:${slug}`;

function publicClient() {
	// A client per call keeps build code free of shared state. Pages build in parallel, but
	// getFirstListItem's request key includes its filter, so different slugs never cancel each other.
	return new PocketBase(process.env.POCKETBASE_URL);
}

export async function articleSlugs() {
	const articles = await publicClient().collection('articles').getFullList({ fields: 'slug' });
	return articles.map((article) => String(article['slug']));
}

/**
 * One public article, or null. A shared cache entry, keyed by the slug alone: right for data
 * every visitor may read, as a guest reads it. Never for what a user's token decides.
 */
export async function publicArticle(slug: string) {
	'use cache';
	cacheLife('max'); // until an edit revalidates the tag
	cacheTag(articleTag(slug));
	const pb = publicClient();
	try {
		const article = await pb
			.collection('articles')
			.getFirstListItem(pb.filter('slug = {:slug}', { slug }));
		return { title: String(article['title']), summary: String(article['summary']) };
	} catch (error) {
		// Errors lose their class crossing the cache boundary, so a missing article is a value.
		if (error instanceof ClientResponseError && error.status === 404) return null;
		throw error;
	}
}

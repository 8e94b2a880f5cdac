import 'server-only';
import { unstable_cache } from 'next/cache';
import PocketBase from 'pocketbase';

/** The cache tag of one article: the route handler revalidates it when PocketBase says it changed. */
export const articleTag = (slug: string) => `article:${slug}`;

export async function articleSlugs() {
	const pb = new PocketBase(process.env.POCKETBASE_URL);
	const articles = await pb.collection('articles').getFullList({ fields: 'slug' });
	return articles.map((article) => String(article['slug']));
}

/**
 * One public article, or undefined. Without Cache Components, `unstable_cache` is what a tag can
 * revalidate. Public data only: the entry is shared by every visitor and keyed by the slug alone.
 */
export const publicArticle = (slug: string) =>
	unstable_cache(
		async () => {
			const pb = new PocketBase(process.env.POCKETBASE_URL);
			const list = await pb
				.collection('articles')
				.getList(1, 1, { filter: pb.filter('slug = {:slug}', { slug }) });
			const article = list.items[0];
			return article && { title: String(article['title']), summary: String(article['summary']) };
		},
		['article', slug],
		{ tags: [articleTag(slug)] }
	)();

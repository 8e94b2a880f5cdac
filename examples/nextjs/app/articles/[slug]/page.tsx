import PocketBase from 'pocketbase';

// Render at build time; unknown slugs answer 404 instead of rendering on demand.
export const dynamic = 'force-static';
export const dynamicParams = false;

function publicClient() {
	// A client per call keeps build code free of shared state. Pages build in parallel, but
	// getFirstListItem's request key includes its filter, so different slugs never cancel each other.
	return new PocketBase(process.env.POCKETBASE_URL);
}

export async function generateStaticParams() {
	const articles = await publicClient().collection('articles').getFullList({ fields: 'slug' });
	return articles.map((article) => ({ slug: String(article['slug']) }));
}

export default async function ArticlePage({ params }: { params: Promise<{ slug: string }> }) {
	const { slug } = await params; // a Promise since Next.js 15
	const pb = publicClient();
	const article = await pb
		.collection('articles')
		.getFirstListItem(pb.filter('slug = {:slug}', { slug }));
	return (
		<article>
			<h1>{String(article['title'])}</h1>
			<p>{String(article['summary'])}</p>
		</article>
	);
}

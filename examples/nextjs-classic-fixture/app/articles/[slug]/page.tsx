import { notFound } from 'next/navigation';
import { articleSlugs, publicArticle } from '@/lib/articles';

// Without Cache Components, route segment options make the page static: prerendered at build
// time for the slugs below, rebuilt at most once an hour, and 404 for any other slug.
export const dynamic = 'force-static';
export const dynamicParams = false;
export const revalidate = 3600;

export async function generateStaticParams() {
	return (await articleSlugs()).map((slug) => ({ slug }));
}

export default async function ArticlePage({ params }: PageProps<'/articles/[slug]'>) {
	const { slug } = await params;
	const article = await publicArticle(slug);
	if (!article) notFound();
	return (
		<article>
			<h1>{article.title}</h1>
			<p>{article.summary}</p>
		</article>
	);
}

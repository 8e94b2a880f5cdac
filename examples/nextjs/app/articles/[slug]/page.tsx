import { notFound } from 'next/navigation';
import { articleSlugs, publicArticle } from '@/lib/articles';

// Prerendered at build time, one page per slug listed here. Cache Components require at least
// one; a slug added later renders on its first request and is then cached like the others.
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

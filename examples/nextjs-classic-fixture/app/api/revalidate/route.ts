import { revalidateTag } from 'next/cache';
import { articleTag } from '@/lib/articles';

/** Called by PocketBase when an article changes: the article's `unstable_cache` entry goes stale. */
export async function POST(request: Request) {
	const secret = process.env.REVALIDATE_SECRET;
	if (!secret || request.headers.get('authorization') !== `Bearer ${secret}`) {
		return new Response(null, { status: 401 });
	}
	const { slug } = (await request.json()) as { slug?: unknown };
	if (typeof slug !== 'string' || slug === '') return new Response(null, { status: 400 });
	revalidateTag(articleTag(slug), 'max');
	return Response.json({ revalidated: slug });
}

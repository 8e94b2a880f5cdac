import { revalidateTag } from 'next/cache';
import { articleTag } from '@/lib/articles';

/**
 * Called by PocketBase when an article changes (see README.md for the hook): marks that article's
 * cached page stale, so the next visit serves the old page once and rebuilds it in the background.
 */
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

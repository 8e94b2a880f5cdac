import { NextResponse, type NextRequest } from 'next/server';
import { createServerClient } from '@/lib/pocketbase-server';

export async function proxy(request: NextRequest) {
	const pb = createServerClient(request.headers);
	try {
		// loadFromCookie checks nothing; a refresh proves the token is still good.
		if (pb.authStore.isValid) await pb.collection('users').authRefresh();
	} catch {
		pb.authStore.clear();
	}
	const response = NextResponse.next();
	// Server components cannot set cookies, so the refreshed state is written here.
	response.headers.append('set-cookie', pb.authStore.exportToCookie());
	return response;
}

export const config = {
	matcher: [
		{
			source: '/((?!_next/static|_next/image|favicon.ico).*)',
			// Skip <Link> prefetches: each would otherwise cost an authRefresh().
			missing: [
				{ type: 'header', key: 'next-router-prefetch' },
				{ type: 'header', key: 'purpose', value: 'prefetch' },
			],
		},
	],
};

import 'server-only';
import PocketBase from 'pocketbase';

type RequestHeaders = { get(name: string): string | null };

/** A PocketBase client for one request: this visitor's cookie and this visitor's IP. */
export function createServerClient(requestHeaders: RequestHeaders) {
	const pb = new PocketBase(process.env.POCKETBASE_URL);
	pb.authStore.loadFromCookie(requestHeaders.get('cookie') ?? '');

	// #region client-ip
	// Let PocketBase count this visitor instead of the server. Vercel sets x-real-ip; behind
	// your own proxy, read the header that proxy overwrites. Never the leftmost entry of
	// x-forwarded-for: proxies append to that list, so its left end is what the client wrote.
	const clientIp = requestHeaders.get('x-real-ip');
	pb.beforeSend = (url, options) => {
		if (clientIp) options.headers = { ...options.headers, 'X-Real-IP': clientIp };
		return { url, options };
	};
	// #endregion client-ip
	return pb;
}

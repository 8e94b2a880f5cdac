import PocketBase from 'pocketbase';
import type { Handle } from '@sveltejs/kit/hooks';
import { building } from '$app/env';
import { POCKETBASE_URL } from '$app/env/private';

export const handle: Handle = async ({ event, resolve }) => {
	// Prerendered pages have no visitor, no cookie and no client address.
	if (building) return resolve(event);

	// A new client, and so a new authStore, for every request.
	const pb = new PocketBase(POCKETBASE_URL);
	pb.authStore.loadFromCookie(event.request.headers.get('cookie') ?? '');

	// #region client-ip
	// Let PocketBase count this visitor instead of the server (see "Forward the visitor's IP").
	// adapter-node returns the socket address here unless ADDRESS_HEADER (and, for
	// X-Forwarded-For, XFF_DEPTH) name the header your proxy sets. XFF_DEPTH counts from the
	// right: the entries your own proxies appended, never the leftmost one a client can write.
	const clientIp = event.getClientAddress();
	pb.beforeSend = (url, options) => {
		options.headers = { ...options.headers, 'X-Real-IP': clientIp };
		return { url, options };
	};
	// #endregion client-ip

	try {
		// loadFromCookie checks nothing; a refresh proves the token is still good.
		if (pb.authStore.isValid) await pb.collection('users').authRefresh();
	} catch {
		pb.authStore.clear();
	}

	event.locals.pb = pb;
	const response = await resolve(event);
	// Send the refreshed (or cleared) auth state back on every response.
	response.headers.append('set-cookie', pb.authStore.exportToCookie());
	return response;
};

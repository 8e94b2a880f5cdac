import type { Cookies } from '@sveltejs/kit';
import { getTokenPayload, type default as PocketBase } from 'pocketbase';

// exportToCookie() returns a whole Set-Cookie header, "pb_auth=…; Path=/; Expires=…; HttpOnly;
// Secure; SameSite=Strict", not a cookie's value. Given to cookies.set as the value, all of it is
// encoded into one value that loadFromCookie cannot read back. The hook appends the header as it
// is; code that writes cookies through SvelteKit's API (a form action, a remote form or command)
// splits it into what cookies.set takes.
export function setAuthCookie(cookies: Cookies, pb: PocketBase): void {
	const { name, value, ...options } = cookies.parse(pb.authStore.exportToCookie());
	cookies.set(name, value ?? '', options);
}

// Or leave the SDK's string out and choose every option yourself. loadFromCookie reads a JSON
// { token, record } value; without the record the cookie stays small, and the hook's
// authRefresh() fetches the record anyway.
export function setAuthCookieYourself(cookies: Cookies, pb: PocketBase): void {
	if (!pb.authStore.isValid) {
		cookies.delete('pb_auth', { path: '/' });
		return;
	}
	const { exp } = getTokenPayload(pb.authStore.token);
	cookies.set('pb_auth', JSON.stringify({ token: pb.authStore.token }), {
		path: '/',
		httpOnly: true,
		secure: true,
		sameSite: 'strict',
		// The token's own expiry, as exportToCookie sets it.
		expires: new Date(Number(exp) * 1000),
	});
}

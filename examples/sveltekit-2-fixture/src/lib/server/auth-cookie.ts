// The kit 2 spelling of examples/sveltekit/src/lib/server/auth-cookie.ts: kit 2 has no
// cookies.parse (kit 3 added it), so name, value and options are given to cookies.set by hand.
// Kit 2's cookies.set and cookies.delete also require a path.
import type { Cookies } from '@sveltejs/kit';
import { getTokenPayload, type default as PocketBase } from 'pocketbase';

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
		expires: new Date(Number(exp) * 1000),
	});
}

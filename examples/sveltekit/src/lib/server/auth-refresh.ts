import type { RequestEvent } from '@sveltejs/kit';
import type PocketBase from 'pocketbase';

// The hook's refresh for an app with remote functions (query, form, command, query.live). Each
// call the browser makes is a request of its own, and handle runs for it in full, so a refresh in
// handle is paid once per call. A remote function that only passes the visitor's token on to
// PocketBase needs no refresh: PocketBase checks the token on every call it receives. One that
// decides something from authStore.record calls refreshAuth itself first.
export async function refreshUnlessRemote(event: RequestEvent, pb: PocketBase): Promise<void> {
	if (!event.isRemoteRequest) await refreshAuth(pb);
}

// loadFromCookie checks nothing; a refresh proves the token is still good.
export async function refreshAuth(pb: PocketBase): Promise<void> {
	try {
		if (pb.authStore.isValid) await pb.collection('users').authRefresh();
	} catch {
		pb.authStore.clear();
	}
}

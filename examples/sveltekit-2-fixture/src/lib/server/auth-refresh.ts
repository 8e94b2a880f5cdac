// examples/sveltekit/src/lib/server/auth-refresh.ts compiles unchanged on kit 2.70.4: remote
// functions (experimental since 2.27) and event.isRemoteRequest exist there too.
import type { RequestEvent } from '@sveltejs/kit';
import type PocketBase from 'pocketbase';

export async function refreshUnlessRemote(event: RequestEvent, pb: PocketBase): Promise<void> {
	if (event.isRemoteRequest) return;
	try {
		if (pb.authStore.isValid) await pb.collection('users').authRefresh();
	} catch {
		pb.authStore.clear();
	}
}

// The kit 2 spellings of examples/sveltekit/src/hooks.server.ts's imports: Handle from the
// package root (kit 3: @sveltejs/kit/hooks), $app/environment (kit 3: $app/env) and
// $env/dynamic/private (kit 3: $app/env/private, declared in src/env.ts).
import PocketBase from 'pocketbase';
import type { Handle } from '@sveltejs/kit';
import { building } from '$app/environment';
import { env } from '$env/dynamic/private';

export const handle: Handle = async ({ event, resolve }) => {
	if (building) return resolve(event);
	event.locals.pb = new PocketBase(env.POCKETBASE_URL);
	return resolve(event);
};

import PocketBase from 'pocketbase';
import { env } from '$env/dynamic/private';

// One client for the process: it acts as the server, never as a visitor.
export const admin = new PocketBase(env.POCKETBASE_URL);
// Requests for different visitors run in parallel and must not cancel each other.
admin.autoCancellation(false);
// An impersonate token: a non-refreshable superuser token with a lifetime you chose.
admin.authStore.save(env.POCKETBASE_SUPERUSER_TOKEN ?? '', null);

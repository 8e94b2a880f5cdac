import PocketBase from 'pocketbase';
import { POCKETBASE_SUPERUSER_TOKEN, POCKETBASE_URL } from '$app/env/private';

// One client for the process: it acts as the server, never as a visitor.
export const admin = new PocketBase(POCKETBASE_URL);
// Requests for different visitors run in parallel and must not cancel each other.
admin.autoCancellation(false);
// An impersonate token: a non-refreshable superuser token with a lifetime you chose.
admin.authStore.save(POCKETBASE_SUPERUSER_TOKEN ?? '', null);

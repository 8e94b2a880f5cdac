import 'server-only';
import PocketBase from 'pocketbase';

// One client for the process: it acts as the server, never as a visitor.
export const admin = new PocketBase(process.env.POCKETBASE_URL);
// Requests for different visitors run in parallel and must not cancel each other.
admin.autoCancellation(false);
// An impersonate token: a non-refreshable superuser token with a lifetime you chose.
admin.authStore.save(process.env.POCKETBASE_SUPERUSER_TOKEN ?? '', null);

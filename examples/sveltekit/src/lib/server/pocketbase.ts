import PocketBase from 'pocketbase';
import { POCKETBASE_URL } from '$app/env/private';

// Anti-pattern: one client, and so one authStore, for every request this process serves.
export const pb = new PocketBase(POCKETBASE_URL);
// Without this, two visitors' identical requests cancel each other. Turning it off stops the
// cancelled sign-ins, and leaves the leak.
pb.autoCancellation(false);

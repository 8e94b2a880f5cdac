// The kit 2 spellings of the example's module-level clients: $env/dynamic/private for a value
// read at start, $env/static/private for one inlined at build (kit 3: $app/env/private, with
// `static: true` in src/env.ts for the latter).
import PocketBase from 'pocketbase';
import { env } from '$env/dynamic/private';
import { POCKETBASE_SUPERUSER_TOKEN } from '$env/static/private';

export const pb = new PocketBase(env.POCKETBASE_URL);
export const admin = new PocketBase(env.POCKETBASE_URL);
admin.authStore.save(POCKETBASE_SUPERUSER_TOKEN, null);

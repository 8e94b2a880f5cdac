// The kit 2 spellings of a route's imports: $lib with no file extension (kit 3: #lib/….ts from
// package.json "imports") and $env/static/public (kit 3: $app/env/public).
import { PUBLIC_POCKETBASE_URL } from '$env/static/public';
import { pb } from '$lib/server/pocketbase';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({
	from: PUBLIC_POCKETBASE_URL,
	notes: await pb.collection('notes').getFullList(),
});

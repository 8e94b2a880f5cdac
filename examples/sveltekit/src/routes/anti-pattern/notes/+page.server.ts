import { pb } from '#lib/server/pocketbase.ts';
import type { PageServerLoad } from './$types';

// Whose notes? Whoever signed in last, in any browser.
export const load: PageServerLoad = async () => ({
	notes: await pb.collection('notes').getFullList({ sort: '-created' }),
});

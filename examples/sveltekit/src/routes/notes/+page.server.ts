import type { PageServerLoad } from './$types';

// This visitor's token, so PocketBase applies the notes rules to this visitor.
export const load: PageServerLoad = async ({ locals }) => ({
	notes: await locals.pb.collection('notes').getFullList({ sort: '-created' }),
});

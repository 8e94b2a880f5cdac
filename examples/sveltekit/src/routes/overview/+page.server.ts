import { readAccount, readArticles, readNotes } from '#lib/server/overview-reads.ts';
import type { PageServerLoad } from './$types';

// One load function for the page's three reads: one request from the browser (on a client-side
// navigation, its __data.json), so one run of the handle hook and its authRefresh.
export const load: PageServerLoad = async ({ locals }) => {
	const [account, notes, articles] = await Promise.all([
		readAccount(locals.pb),
		readNotes(locals.pb),
		readArticles(locals.pb),
	]);
	return { account, notes, articles };
};

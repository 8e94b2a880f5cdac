// EXPERIMENTAL: remote functions are behind `experimental.remoteFunctions` in vite.config.ts and
// may change in any SvelteKit release.
import { getRequestEvent, query } from '$app/server';
import { readAccount, readArticles, readNotes } from '#lib/server/overview-reads.ts';

// Called from the browser, each query is a request of its own to /_app/remote/…, and the handle
// hook runs for it in full: it makes this request's client, loads the cookie and, as this app's
// hook does, refreshes the token. locals.pb is that client, carrying this visitor's token.
const pb = () => getRequestEvent().locals.pb;

export const getAccount = query(() => readAccount(pb()));

// The signed-in user's notes: PocketBase's notes rules filter them for the token pb carries.
export const getNotes = query(() => readNotes(pb()));

export const getArticles = query(() => readArticles(pb()));

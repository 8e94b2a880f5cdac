/**
 * The SvelteKit example (examples/sveltekit), built with adapter-node and run against a real
 * PocketBase from playground/: two real users sign in at the same moment, in two browsers, and
 * each then reads "their" notes. Through one module-level SDK client the two see the same notes,
 * so one of them reads the other's; with a client per request each sees only their own.
 *
 * Each test has its own PocketBase: the *:auth rule allows two sign-ins per 3 s per address, and
 * every sign-in the example sends comes from this machine's one address, as would the other e2e
 * tests' sign-ins on a shared PocketBase.
 */
import { startSvelteKitExample } from '../scripts/example-process.mjs';
import { describeExampleApp } from './example-apps';

describeExampleApp('SvelteKit example', startSvelteKitExample, {
	title: 'a client per request: each user reads only their own note, and stays signed in',
	why: 'The reload carries only the cookie; the hook refreshes it into each user’s own client.',
});

/**
 * One real sign-in attempt with made-up credentials, straight from the browser or through the
 * simulated server, kept exactly as the browser received it (status, body, readable headers and
 * when it left and came back).
 */
import type PocketBase from 'pocketbase';
import type { SimulatedServer } from '~/lib/simulated-server';
import { directClient, reportFailure } from '../demo-kit/connection';
import { proxiedCall } from '../demo-kit/proxied-call';
import { timedCall, type MarkedOptions } from '../demo-kit/timing';
import { transportFetch } from '../demo-kit/recorded-transport';
import { madeUpSignIn, type Attempt, type Who } from './rate-limit-live-view';

const signInPath = '/api/collections/users/auth-with-password';

type Seen = Omit<Attempt, 'who' | 'path'>;

/** One sign-in attempt with the SDK, keeping the exact response the browser received. */
function signIn(
	pb: PocketBase,
	marked: MarkedOptions,
	record: (seen: Seen) => void
): Promise<unknown> {
	return pb.send(signInPath, {
		...marked,
		method: 'POST',
		body: madeUpSignIn,
		requestKey: null,
		fetch: async (url: RequestInfo | URL, init?: RequestInit) => {
			const sentAt = Date.now();
			const response = await transportFetch(url, init);
			const answeredAt = Date.now();
			record({
				sentAt,
				answeredAt,
				status: response.status,
				bodyText: await response.clone().text(),
				headers: [...response.headers],
			});
			return response;
		},
	});
}

/**
 * One attempt by `who`, through `server` when given, else straight from the browser; the
 * answer, or its absence as status 0 with the error, comes back as an Attempt.
 */
export async function sendAttempt(
	who: Who,
	server?: SimulatedServer<PocketBase>
): Promise<{ attempt: Attempt; error: unknown }> {
	const path: Attempt['path'] = server ? 'server' : 'direct';
	let seen: Seen | undefined;
	const record = (answer: Seen) => (seen = answer);
	const started = Date.now();
	let error: unknown;
	if (!server) {
		const pb = await directClient();
		const call = await timedCall((marked) => signIn(pb, marked, record));
		if (!call.ok) error = call.error;
	} else {
		// The hop's latency is not what this demo is about: no modelled delay, only the
		// server's address on every request.
		const outcome = await proxiedCall(server, (pb, marked) => signIn(pb, marked, record), {
			hop: { addedMs: 0, cold: false },
		});
		if (!outcome.ok) error = outcome.error;
	}
	const attempt: Attempt = seen
		? { who, path, ...seen }
		: { who, path, sentAt: started, answeredAt: Date.now(), status: 0, bodyText: '', headers: [] };
	// A 429 is this demo's result, not a broken connection; only no answer at all is reported.
	if (attempt.status === 0 && error !== undefined) await reportFailure(error);
	return { attempt, error };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** How often the burst asks whether the window has opened again, and for how long at most. */
const pollMs = 200;
const pollForMs = 5000;

/**
 * Asks again every 0.2 s, for 5 s at most, until PocketBase lets an attempt from the browser
 * through, telling `sent` when each one left (so the model sees it too). A refused attempt
 * changes nothing in PocketBase's counters. Returns when the one let through left, if any.
 */
export async function firstLetThrough(sent: (sentAt: number) => void): Promise<number | undefined> {
	const stopAt = Date.now() + pollForMs;
	while (Date.now() < stopAt) {
		await sleep(pollMs);
		const { attempt } = await sendAttempt('you');
		sent(attempt.sentAt);
		if (attempt.status !== 429 && attempt.status !== 0) return attempt.sentAt;
	}
	return undefined;
}

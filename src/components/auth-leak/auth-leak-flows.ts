/**
 * The leak demo's server flows, with the real SDK: Alice and Bob signing in through the
 * server's login route, the SDK operations the scripted page views run (the cookie flow, each
 * call timed by the kit's instrument), and two requests sent at once to one shared client.
 */
import type { default as PocketBase, RecordOptions } from 'pocketbase';
import { cookieToSend } from '~/lib/auth-cookie';
import { decodeToken } from '~/lib/auth-token';
import {
	runLeakScript,
	visitorNames,
	type LeakOps,
	type LeakRun,
	type StepCall,
	type Visitor,
	type VisitorSetup,
} from '~/lib/shared-instance-leak';
import { toRequestFailure } from '~/lib/request-error';
import { serverClientFactory, signInThrowawayUser } from '../demo-kit/connection';
import { loadSignIn, proxiedCall, simulatedServer } from '../demo-kit/proxied-call';
import { timedCall, type MarkedOptions, type Measured } from '../demo-kit/timing';
import { cancelResult, leakHop, type CancelFix, type CancelResult } from './auth-leak-view';

export interface Visitors {
	setup: Record<Visitor, VisitorSetup>;
	notes: Record<Visitor, string>;
	emails: Record<Visitor, string>;
}

/** The id of the user whose token a store holds, read from the token itself (what is sent). */
function tokenUserId(pb: PocketBase): string {
	const decoded = decodeToken(pb.authStore.token);
	const id = decoded.ok ? decoded.token.payload['id'] : undefined;
	return typeof id === 'string' ? id : '';
}

async function toStepCall<T>(
	call: Promise<Measured<T>>,
	noteIds: (value: T) => string[]
): Promise<StepCall> {
	const result = await call;
	if (result.ok)
		return { ok: true, status: 200, measuredMs: result.measuredMs, noteIds: noteIds(result.value) };
	return {
		ok: false,
		status: toRequestFailure(result.error).status,
		measuredMs: result.measuredMs,
		noteIds: [],
		error: result.error,
	};
}

/** The cookie flow's steps on the real SDK, each call timed by the kit's instrument. */
const sdkOps: LeakOps<PocketBase> = {
	loadFromCookie: (pb, cookie) => loadSignIn(pb, { cookie }),
	authRefresh: (pb) =>
		toStepCall(
			timedCall((marked) => pb.collection('users').authRefresh(marked as RecordOptions)),
			() => []
		),
	listNotes: (pb) =>
		toStepCall(
			timedCall((marked) => pb.collection('notes').getFullList(marked)),
			(notes) => notes.map((note) => note.id)
		),
	exportToCookie: (pb) => pb.authStore.exportToCookie(),
	storeUserId: tokenUserId,
};

/** Alice and Bob sign up and sign in through the server's login route, and write a note. */
export async function createVisitors(): Promise<Visitors> {
	const newClient = await serverClientFactory();
	const made = {} as Record<Visitor, { setup: VisitorSetup; note: string; email: string }>;
	for (const visitor of ['A', 'B'] as const) {
		// The login route's own client: one per request, as the SDK asks.
		const pb = newClient();
		const { email } = await signInThrowawayUser(pb);
		const userId = tokenUserId(pb);
		const note = await pb
			.collection('notes')
			.create({ text: `${visitorNames[visitor]}’s private note`, owner: userId });
		made[visitor] = {
			setup: { userId, cookie: cookieToSend(pb.authStore.exportToCookie()) },
			note: note.id,
			email,
		};
	}
	const { A, B } = made;
	return {
		setup: { A: A.setup, B: B.setup },
		notes: { A: A.note, B: B.note },
		emails: { A: A.email, B: B.email },
	};
}

/** Both page views, scripted, on a server with one shared client or one per request. */
export async function runPageViews(visitors: Visitors, perRequest: boolean): Promise<LeakRun> {
	const server = await simulatedServer(perRequest ? 'per-request' : 'shared');
	return runLeakScript(server, sdkOps, visitors.setup, leakHop());
}

/** Two page views ask the server's one client for the same list at the same moment. */
export async function sendTwoAtOnce(fix: CancelFix): Promise<CancelResult[]> {
	const server = await simulatedServer('shared');
	const call = (pb: PocketBase, marked: MarkedOptions) => {
		if (fix === 'auto-cancellation-off') pb.autoCancellation(false);
		return pb
			.collection('notes')
			.getList(1, 20, fix === 'request-key-null' ? { ...marked, requestKey: null } : marked);
	};
	const hop = leakHop();
	const outcomes = await Promise.all([
		proxiedCall(server, call, { hop }),
		proxiedCall(server, call, { hop }),
	]);
	return outcomes.map(cancelResult);
}

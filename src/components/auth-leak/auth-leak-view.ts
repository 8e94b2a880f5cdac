/**
 * What the leak demo shows: the scripted page views step by step (who wrote the server's
 * auth store when, what each real call answered), the verdict, the replay on the page's
 * diagram, and the auto-cancellation experiment. No DOM, no network.
 */
import type { ArrowEntry } from '~/lib/diagram-replay';
import type { RequestModel } from '~/lib/network-model';
import { cookieFlow, flowHop } from '~/lib/server-flows';
import {
	visitorNames,
	type LeakRun,
	type StepOp,
	type StepRecord,
	type StoreHolder,
	type Visitor,
} from '~/lib/shared-instance-leak';
import { toRequestFailure } from '~/lib/request-error';
import type { TimedCall } from '~/lib/simulated-server';
import type { Schema } from '~/lib/url-state';
import { formatMs } from '../demo-kit/format';

/** The URL-state prefix of this demo (`?leak-per-request=1`). */
export const urlPrefix = 'leak-';

export const cancelFixes = ['none', 'request-key-null', 'auto-cancellation-off'] as const;
export type CancelFix = (typeof cancelFixes)[number];

export const leakSchema = {
	perRequest: { kind: 'boolean', label: 'New instance per request', default: false },
	cancelFix: {
		kind: 'choice',
		label: 'Fix for auto-cancellation',
		options: cancelFixes,
		default: 'none',
	},
} as const satisfies Schema;

export const cancelFixLabels: Record<CancelFix, string> = {
	none: 'none (the SDK’s default)',
	'request-key-null': 'requestKey: null on each call',
	'auto-cancellation-off': 'pb.autoCancellation(false) on the client',
};

const opCode: Record<StepOp, string> = {
	'load-cookie': 'pb.authStore.loadFromCookie(cookie)',
	'auth-refresh': "await pb.collection('users').authRefresh()",
	'list-notes': "await pb.collection('notes').getFullList()",
	'export-cookie': 'pb.authStore.exportToCookie()',
};

export function holderName(holder: StoreHolder): string {
	if (holder === 'A' || holder === 'B') return `${visitorNames[holder]}’s token`;
	return holder === 'nobody' ? 'no token' : 'another user’s token';
}

export interface StepRow {
	step: number;
	visitor: string;
	code: string;
	/** Whose token the store the request uses holds afterwards, and whether the step wrote it. */
	store: string;
	/** The real call's answer, or what the step produced. */
	result: string;
	/** Set when this step hands a visitor the other visitor's data or sign-in. */
	leak: boolean;
}

function noteList(ids: readonly string[], notes: Record<Visitor, string>): string {
	if (ids.length === 0) return 'no notes';
	return ids
		.map((id) => (id === notes.A ? `Alice’s note ${id}` : id === notes.B ? `Bob’s note ${id}` : id))
		.join(', ');
}

function resultText(step: StepRecord, notes: Record<Visitor, string>): string {
	if (step.call) {
		const time = `${formatMs(step.call.measuredMs)}, measured`;
		if (!step.call.ok) return `failed (${step.call.status || 'no answer'}), ${time}`;
		if (step.op === 'list-notes') return `200: ${noteList(step.call.noteIds, notes)} (${time})`;
		return `200: a new token for the token’s owner (${time})`;
	}
	if (step.op === 'export-cookie') return `Set-Cookie: pb_auth with ${holderName(step.storeAfter)}`;
	return `cookie read from ${visitorNames[step.visitor]}’s request`;
}

function isLeak(step: StepRecord, notes: Record<Visitor, string>): boolean {
	const other: Visitor = step.visitor === 'A' ? 'B' : 'A';
	if (step.op === 'list-notes') return step.call?.noteIds.includes(notes[other]) ?? false;
	if (step.op === 'export-cookie') return step.storeAfter === other;
	return false;
}

export function stepRows(run: LeakRun, notes: Record<Visitor, string>): StepRow[] {
	return run.steps.map((step, index) => ({
		step: index + 1,
		visitor: visitorNames[step.visitor],
		code: opCode[step.op],
		store:
			`${step.sharedStore ? 'the shared store' : `${visitorNames[step.visitor]}’s own store`} holds ` +
			`${holderName(step.storeAfter)}${step.changedStore ? ' (written by this step)' : ''}`,
		result: resultText(step, notes),
		leak: isLeak(step, notes),
	}));
}

/** The sentence under the steps. */
export function verdict(
	run: LeakRun,
	notes: Record<Visitor, string>,
	perRequest: boolean
): { leaked: boolean; text: string } {
	if (run.failed) {
		return {
			leaked: false,
			text: `The run stopped at step ${run.steps.length}: ${visitorNames[run.failed.visitor]}’s ${run.failed.op} call failed (details below).`,
		};
	}
	const bobGotAlice = run.received.B.includes(notes.A);
	const instances = `${run.clientsCreated} SDK instance${run.clientsCreated === 1 ? '' : 's'}`;
	if (bobGotAlice) {
		return {
			leaked: true,
			text: `Leak: Bob’s response contains Alice’s note ${notes.A}, and his Set-Cookie signs him in as ${run.cookieHolder.B === 'A' ? 'Alice' : 'someone else'}. The server used ${instances} for both page views.`,
		};
	}
	const own = run.received.B.includes(notes.B) && run.received.A.includes(notes.A);
	return {
		leaked: false,
		text: own
			? `No leak: Bob received only his note ${notes.B}, Alice only hers ${notes.A}. The server used ${instances}${perRequest ? ', one per request' : ''}.`
			: `No leak, but the answers were not the expected ones: Bob ${noteList(run.received.B, notes)}, Alice ${noteList(run.received.A, notes)}.`,
	};
}

/**
 * Which arrows of shared-instance-leak.mmd each step of the script plays, by their text. The
 * two answers “200: Alice's notes” to the server are named in the order they happen.
 */
const stepArrows: readonly (readonly string[])[] = [
	["GET /notes Cookie: Bob's token"],
	["auth-refresh with Bob's token", "200: Bob's new token"],
	["GET /notes Cookie: Alice's token"],
	["auth-refresh with Alice's token", "200: Alice's new token"],
	["Bob's GET notes with Alice's token", "200: Alice's notes"],
	["200: Alice's notes Set-Cookie: Alice's token"],
	["Alice's GET notes with Alice's token", "200: Alice's notes"],
	["200: Alice's notes"],
];

/**
 * The run on the page's diagram: a step's real call is split over its two arrows, and the
 * page views' arrival and answer take half the modelled hop each. Only the shared run matches
 * the diagram's story.
 */
export function leakReplay(run: LeakRun): ArrowEntry[] {
	return run.steps.flatMap((step, index) => {
		const arrows = stepArrows[index] ?? [];
		const part = step.durationMs / Math.max(1, arrows.length);
		return arrows.map((arrow, n) => ({
			arrow,
			start: step.startMs + n * part,
			duration: part,
			kind: step.call ? ('measured' as const) : ('modelled' as const),
			label: step.call ? 'half the real call' : 'half the server hop',
		}));
	});
}

export interface CancelResult {
	ok: boolean;
	status: number;
	isAbort: boolean;
	message: string;
	measuredMs: number;
}

/** What a request of the auto-cancellation experiment came back with. */
export function cancelResult(outcome: TimedCall<unknown>): CancelResult {
	if (outcome.ok)
		return { ok: true, status: 200, isAbort: false, message: '', measuredMs: outcome.measuredMs };
	const failed = toRequestFailure(outcome.error);
	return {
		ok: false,
		status: failed.status,
		isAbort: failed.isAbort,
		message: failed.message,
		measuredMs: outcome.measuredMs,
	};
}

/** One line per parallel request of the auto-cancellation experiment. */
export function cancelLines(results: readonly CancelResult[]): { ok: boolean; text: string }[] {
	return results.map((result, index) => ({
		ok: result.ok,
		text: result.ok
			? `Request ${index + 1}: 200 (${formatMs(result.measuredMs)}, measured)`
			: `Request ${index + 1}: rejected, isAbort: ${String(result.isAbort)}, status ${result.status}: “${result.message}”`,
	}));
}

export function cancelVerdict(results: readonly CancelResult[], fix: CancelFix): string {
	const aborted = results.filter((r) => r.isAbort).length;
	if (aborted > 0) {
		return `${aborted} of ${results.length} requests were cancelled by the SDK: both went to the same path on one client, so they had the same request key. Fix: ${cancelFixLabels['request-key-null']} or ${cancelFixLabels['auto-cancellation-off']}.`;
	}
	if (results.every((r) => r.ok)) {
		return fix === 'none'
			? 'Both requests were answered: the first one finished before the second started.'
			: `Both requests were answered: with ${cancelFixLabels[fix]}, the SDK cancels nothing.`;
	}
	return 'A request failed for another reason; see its line.';
}

/** The line that introduces Alice and Bob once they exist. */
export function visitorsText(notes: Record<Visitor, string>, emails: Record<Visitor, string>) {
	return `Alice (${emails.A}) has note ${notes.A}; Bob (${emails.B}) has note ${notes.B}. Each signed in through the server, which set their pb_auth cookie.`;
}

/**
 * The server hop of each page view: the cookie flow on a server beside PocketBase, whose two
 * calls (the refresh and the query) are both made for real.
 */
export function leakHop(): RequestModel {
	return flowHop(cookieFlow, { measuredCalls: 2 });
}

/** What the live region says when the stepper lands on a step. */
export function stepAnnouncement(row: StepRow, count: number): string {
	return `Step ${row.step} of ${count}: ${row.visitor}’s request, ${row.code}. ${row.store}. ${row.result}.`;
}

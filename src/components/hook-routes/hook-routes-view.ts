/**
 * The JS hook routes demo: the three playground routes (playground/pb_hooks/notes-stats.pb.js,
 * note-summary.pb.js, signed-receipt.pb.js), the calls a SvelteKit or Next.js route would make
 * to PocketBase for the same job, and how the demo words both answers. No DOM, no network.
 */
import type { RequestModel } from '~/lib/network-model';
import { describeFailure, type FailureText, type RequestFailure } from '~/lib/request-error';
import { callsFlow, flowHop } from '~/lib/server-flows';
import { formatDelta, formatMs, plural } from '../demo-kit/format';

/** The URL-state prefix of this demo (`?hooks-minutes=10`). */
export const urlPrefix = 'hooks-';

export type RouteId = 'stats' | 'summary' | 'receipt';

export interface RouteInfo {
	id: RouteId;
	title: string;
	method: 'GET' | 'POST';
	/** The hook file the page shows. */
	file: string;
	/** The PocketBase calls a server route makes for the same job, one after another. */
	serverCalls: readonly string[];
	/** What the server's version cannot do that the hook does. */
	serverLimit: string;
}

export const routes: Record<RouteId, RouteInfo> = {
	stats: {
		id: 'stats',
		title: 'A count no rule could allow',
		method: 'GET',
		file: 'notes-stats.pb.js',
		serverCalls: [
			"pb.collection('notes').getList(1, 1, { filter: 'created >= {since}' }) → totalItems",
			"pb.collection('notes').getList(1, 200, { filter, fields: 'owner' }) → distinct owners",
			"pb.collection('notes').getList(1, 1, { filter: '… && owner = {you}' }) → yours",
		],
		serverLimit:
			'The site holds no superuser key, so the server’s calls carry your token and the list rule gives it only your own notes: its “every user” count is yours. To count everyone’s it would need a superuser credential on the server.',
	},
	summary: {
		id: 'summary',
		title: 'The view rule, re-applied inside a hook',
		method: 'GET',
		file: 'note-summary.pb.js',
		serverCalls: [
			"pb.collection('notes').getOne(id) (as you, so the view rule applies)",
			"pb.collection('notes').getList(1, 1) → totalItems of your notes",
		],
		serverLimit: 'Same answer, one more network leg per call.',
	},
	receipt: {
		id: 'receipt',
		title: 'A secret the browser never sees',
		method: 'POST',
		file: 'signed-receipt.pb.js',
		serverCalls: ["pb.collection('users').authRefresh() (who is calling?)"],
		serverLimit:
			'A real server would sign with a key from its own environment. This simulation runs in your browser, so it cannot: the key would have to ship in the page. It makes the call that finds out who you are and stops there.',
	},
};

export const routeOrder: readonly RouteId[] = ['stats', 'summary', 'receipt'];

/**
 * The simulated server for this demo: beside PocketBase, making `calls` calls in a row. The demo
 * makes every one of them for real (measured), so the model adds none of them again.
 */
export function hookHop(calls: number): RequestModel {
	return flowHop(callsFlow(calls), { measuredCalls: calls });
}

export interface StatsAnswer {
	minutes: number;
	notes: number;
	authors: number;
	yours: number;
}
export interface SummaryAnswer {
	id: string;
	characters: number;
	words: number;
	yourNotes: number;
}
export interface ReceiptAnswer {
	payload: string;
	algorithm: string;
	signature: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null;

/** The lines an answer shows; a body that is not the route's own says so. */
export function answerLines(route: RouteId, answer: unknown): string[] {
	if (!isObject(answer)) return ['The answer was not the route’s JSON.'];
	if (route === 'stats' && typeof answer['notes'] === 'number') {
		const a = answer as unknown as StatsAnswer;
		return [
			`In the last ${plural(a.minutes, 'minute')}: ${plural(a.notes, 'note')} by ${plural(a.authors, 'author')}`,
			`of them yours: ${a.yours}`,
		];
	}
	if (route === 'summary' && typeof answer['characters'] === 'number') {
		const a = answer as unknown as SummaryAnswer;
		return [
			`Note ${a.id}: ${plural(a.characters, 'character')}, ${plural(a.words, 'word')}`,
			`you have ${plural(a.yourNotes, 'note')}`,
		];
	}
	if (route === 'receipt' && typeof answer['signature'] === 'string') {
		const a = answer as unknown as ReceiptAnswer;
		return [`payload: ${a.payload}`, `${a.algorithm} signature: ${a.signature}`];
	}
	return ['The answer was not the route’s JSON.'];
}

/** The server's version of the stats, from the answers its calls got (as the reader). */
export function serverStats(
	minutes: number,
	total: number,
	owners: readonly string[],
	yours: number
): StatsAnswer {
	return { minutes, notes: total, authors: new Set(owners).size, yours };
}

export function directTimeText(ms: number): string {
	return `${formatMs(ms)} (measured, 1 request to the hook)`;
}

export function proxyTimeText(hopMs: number, callMs: readonly number[]): string {
	const measured = callMs.reduce((sum, ms) => sum + ms, 0);
	return `${formatMs(hopMs + measured)} (modelled hop ${formatMs(hopMs)} + ${plural(callMs.length, 'measured call')} ${callMs.map((ms) => formatMs(ms)).join(' + ')})`;
}

/** "The hook answered 3.1 ms sooner." once both sides have run. */
export function comparison(directMs: number | undefined, proxyMs: number | undefined): string {
	if (directMs === undefined || proxyMs === undefined) return '';
	return `Through the server: ${formatDelta(proxyMs - directMs)} than the hook.`;
}

/** What the route's minutes field accepts, said under it. */
export const minutesHint = 'The route accepts whole minutes from 1 to 60; try 0, 61 or “ten”.';
export const textHint = 'Up to 200 characters; try an empty text or a longer one.';
export const idHint = 'A note id (15 letters or digits); try someone else’s, or “abc”.';

/**
 * The server route's own input check, the same as the hook's (demo-input.js), so both sides
 * refuse the same bad input with the same words before any PocketBase call.
 */
export function checkMinutes(
	raw: string
): { ok: true; minutes: number } | { ok: false; message: string } {
	if (raw === '')
		return {
			ok: false,
			message: 'The minutes parameter is required: a whole number from 1 to 60.',
		};
	if (!/^\d{1,6}$/.test(raw) || Number(raw) < 1 || Number(raw) > 60) {
		return {
			ok: false,
			message: `The minutes parameter must be a whole number from 1 to 60, not "${raw.slice(0, 20)}".`,
		};
	}
	return { ok: true, minutes: Number(raw) };
}

export function checkText(raw: string): { ok: true } | { ok: false; message: string } {
	if (raw.length < 1 || raw.length > 200) {
		return { ok: false, message: 'The text field must be 1 to 200 characters long.' };
	}
	return { ok: true };
}

export function checkId(raw: string): { ok: true } | { ok: false; message: string } {
	return /^[a-z0-9]{15}$/.test(raw)
		? { ok: true }
		: { ok: false, message: 'The id must be a record id: 15 lowercase letters or digits.' };
}

/** PocketBase's autodate format, for a filter on `created`. */
export function minutesAgo(minutes: number, now: number): string {
	return new Date(now - minutes * 60_000).toISOString().replace('T', ' ');
}

/** The line beside the sign-in button. */
export function sessionText(email: string | undefined): string {
	return email
		? `Signed in as ${email} (a throwaway user, deleted within about an hour).`
		: 'The routes need a signed-in user. You are not signed in.';
}

/** The title of the failure shown when signing in (or writing the first note) failed. */
export const signInFailedTitle = (title: string) => `Could not sign in. ${title}`;

/** The hook route's path and SDK `send` options for the reader's input (its one field). */
export function hookRequest(
	id: RouteId,
	input: string
): { path: string; options: { method: string; query?: Record<string, string>; body?: object } } {
	if (id === 'stats') {
		return { path: '/api/demo/notes-stats', options: { method: 'GET', query: { minutes: input } } };
	}
	if (id === 'summary') {
		// An empty id would make the path another route's; a space keeps it this route's 400.
		return {
			path: `/api/demo/notes/${encodeURIComponent(input || ' ')}/summary`,
			options: { method: 'GET' },
		};
	}
	return { path: '/api/demo/signed-receipt', options: { method: 'POST', body: { text: input } } };
}

/** The server's version of the summary, from the note it read and the count of the reader's. */
export function serverSummary(id: string, text: string, yourNotes: number): SummaryAnswer {
	return {
		id,
		characters: text.length,
		words: text.split(/\s+/).filter((word) => word !== '').length,
		yourNotes,
	};
}

/** What the server's receipt route can show: who called, and why it signs nothing. */
export function serverReceiptLines(userId: string): string[] {
	return [`caller: ${userId} (checked with PocketBase)`, 'signature: none (see below)'];
}

/**
 * A failed side's words: the server route's own input check names itself; a hook's 400 says
 * the route checks its input first; anything else is the usual failure.
 */
export function failureText(failure: RequestFailure, refusedByServer: boolean): FailureText {
	if (refusedByServer && failure.status === 401) {
		return {
			title: `The server route refused the request (401): ${failure.message}`,
			advice: 'Like the hook, it needs a signed-in user: sign in as a throwaway user first.',
		};
	}
	if (refusedByServer) {
		return {
			title: `The server route refused the request (400): ${failure.message}`,
			advice: 'It checks its input the same way as the hook, before any PocketBase call.',
		};
	}
	if (failure.status === 400) {
		return {
			title: describeFailure(failure).title,
			advice: 'The route checks its input before doing any work, and says what it accepts.',
		};
	}
	return describeFailure(failure);
}

/**
 * A recorded run: the requests one demo's run sent to a real playground and the answers it got,
 * with their timings, so the same run can be replayed on the same view when no PocketBase
 * answers. This module is the pure part: what a recording holds, how a replayed request finds
 * its recorded answer, and how the run is labelled.
 */

import { StreamCues, type RecordedStreams } from './recorded-streams';
import type { Instrument } from './simulated-server';

/** One request of a recorded run and PocketBase's answer to it. */
export interface RecordedExchange {
	method: string;
	/** Sent by the simulated server (it marks its requests), not by the reader's browser. */
	server?: true;
	/** Path and query, without the server's origin and without the unique timing marker. */
	path: string;
	/** The request's body when it was text (JSON), to read what was asked. */
	requestBody?: string;
	status: number;
	/** The response headers the page could read. */
	headers: Record<string, string>;
	body: string;
	/** When it was sent, in ms after the run began. */
	startMs: number;
	/** How long it took, as the demo kit's instrument measured it. */
	ms: number;
	/** Which instrument measured it (timing.ts): the request itself, or the clock around it. */
	instrument: Instrument;
}

/** What every recording of one `npm run record` shares. */
export interface RecordingSession {
	/** When the runs were recorded (ISO 8601). */
	recordedAt: string;
	/** The PocketBase version of the playground they ran against. */
	pocketbase: string;
	/** The hash of the playground's migrations and hooks (scripts/playground-hash.mjs). */
	playground: string;
	/**
	 * Each recorded demo (its element's name), the page it was recorded on and, for a demo
	 * recorded again on its own (`npm run record -- <demo>`), when that was.
	 */
	demos: Record<string, { page: string; recordedAt?: string }>;
}

/** "Recorded on 7 December 2026 against PocketBase 0.40.4". */
export function recordedLabel(session: Pick<RecordingSession, 'recordedAt' | 'pocketbase'>) {
	const date = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
		new Date(session.recordedAt)
	);
	return `Recorded on ${date} against PocketBase ${session.pocketbase}`;
}

/** One demo's label: the session's, with the demo's own date when it was recorded on its own. */
export function demoRecordedLabel(session: RecordingSession, demo: string): string {
	return recordedLabel({
		recordedAt: session.demos[demo]?.recordedAt ?? session.recordedAt,
		pocketbase: session.pocketbase,
	});
}

/** The timing marker every timed call carries (timing.ts); unique per request, so never kept. */
const markerParam = 'timing';

/** The timing marker of a request, if it has one. */
export function timingMarker(url: string): string | undefined {
	return new URL(url, 'http://recorded.invalid').searchParams.get(markerParam) ?? undefined;
}

/** A request's path and query as a recording keeps it: no origin, no timing marker. */
export function recordedPath(url: string): string {
	const parsed = new URL(url, 'http://recorded.invalid');
	parsed.searchParams.delete(markerParam);
	return parsed.pathname + parsed.search;
}

/** PocketBase's record ids: 15 lower-case letters and digits. */
const recordId = /^[a-z0-9]{15}$/;

/** The request's method and path; its shape also stands each record id in for any other. */
function keys(method: string, path: string, server: boolean): string[] {
	const pathname = path.split('?')[0] ?? '';
	const shape = pathname
		.split('/')
		.map((segment) => (recordId.test(segment) ? ':id' : segment))
		.join('/');
	const verb = `${server ? 'server ' : ''}${method.toUpperCase()}`;
	return shape === pathname ? [`${verb} ${pathname}`] : [`${verb} ${pathname}`, `${verb} ${shape}`];
}

/**
 * Hands out a recording's answers to replayed requests: each request gets the next unused answer
 * to the same method and path (or, failing that, the same path with other record ids), in the
 * recorded order; once every such answer was used, they are handed out again from the first, so
 * a reader can run the recorded demo more than once. Its realtime streams' events come with it
 * (`streams`).
 */
export class ReplayQueue {
	readonly #byKey = new Map<string, RecordedExchange[]>();
	readonly #used = new Map<string, number>();
	/** The events of the run's realtime streams, cued by stream openings and requests. */
	readonly streams: StreamCues;

	constructor(exchanges: readonly RecordedExchange[], streams?: RecordedStreams) {
		this.streams = new StreamCues(exchanges, streams);
		for (const exchange of exchanges) {
			for (const key of keys(exchange.method, exchange.path, exchange.server === true)) {
				const list = this.#byKey.get(key) ?? [];
				list.push(exchange);
				this.#byKey.set(key, list);
			}
		}
	}

	/**
	 * The recorded answer for this request (`server`: sent by the simulated server), or undefined
	 * when the run never sent its like.
	 */
	next(method: string, url: string, server = false): RecordedExchange | undefined {
		for (const key of keys(method, recordedPath(url), server)) {
			const list = this.#byKey.get(key);
			if (!list) continue;
			const used = this.#used.get(key) ?? 0;
			this.#used.set(key, used + 1);
			return list[used % list.length];
		}
		return undefined;
	}
}

const jwt = /eyJ[\w-]*\.eyJ[\w-]*\.[\w-]+/g;

function decodePart(part: string): unknown {
	const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
	return JSON.parse(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')));
}

function encodePart(value: unknown): string {
	return btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Fields whose values a recording never keeps: the throwaway users' passwords. */
const passwordFields = new Set(['password', 'passwordConfirm', 'oldPassword']);

/**
 * A body as a recording stores it: each token keeps its header and claims (the SDK reads who is
 * signed in from them) but loses its signature, so no working token is ever committed, and a
 * JSON body's passwords are left out (replay matches requests by method and path, not body).
 */
export function withoutSignatures(body: string): string {
	const unsigned = body.replace(
		jwt,
		(token) => `${token.split('.').slice(0, 2).join('.')}.recorded`
	);
	try {
		const parsed: unknown = JSON.parse(unsigned);
		if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return unsigned;
		const fields = Object.entries(parsed);
		if (!fields.some(([key]) => passwordFields.has(key))) return unsigned;
		return JSON.stringify(
			Object.fromEntries(
				fields.map(([key, value]) => [key, passwordFields.has(key) ? '(not kept)' : value])
			)
		);
	} catch {
		return unsigned;
	}
}

/**
 * A recorded body as it is replayed: each token's expiry moved to an hour after `nowSeconds`, so
 * the SDK treats the recorded sign-in as current, as it was during the run.
 */
export function withCurrentTokens(body: string, nowSeconds: number): string {
	return body.replace(jwt, (token) => {
		const [header = '', claims = '', signature = ''] = token.split('.');
		try {
			const payload = decodePart(claims) as Record<string, unknown>;
			return [header, encodePart({ ...payload, exp: nowSeconds + 3600 }), signature].join('.');
		} catch {
			return token;
		}
	});
}

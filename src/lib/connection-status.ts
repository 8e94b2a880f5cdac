/**
 * Turns what happened when the page talked to PocketBase into a status the reader can act on.
 * The browser hides the reason a cross-origin request failed, so the probe gathers clues (a
 * second `no-cors` request, the page's own protocol) and this module reads them.
 */
import { endSentence } from './text';

export type ConnectionState =
	| 'checking'
	| 'connected'
	| 'slow'
	| 'unreachable'
	| 'blocked'
	| 'rate-limited'
	| 'not-pocketbase'
	| 'error';

export interface ConnectionStatus {
	state: ConnectionState;
	/** One line: what is true now. */
	title: string;
	/** What happened, in the reader's terms. */
	detail: string;
	/** What to do about it; empty when nothing needs doing. */
	advice: string;
	/** Milliseconds the last answer took (measured), when there was one. */
	elapsedMs?: number;
	/** The playground host that made the answer, when the deploy names it (X-Playground-Host). */
	host?: string;
}

/** What a probe or a demo request observed. */
export type Observation =
	| {
			kind: 'response';
			status: number;
			body: unknown;
			elapsedMs: number;
			/** The deploy's X-Playground-Host header, when it sent one. */
			host?: string;
	  }
	| {
			kind: 'network-error';
			/** The same address answered a `no-cors` request: it is up, but CORS refused us. */
			reachableWithoutCors: boolean;
			mixedContent: boolean;
			/** The page's own origin, to name it in the CORS advice. */
			pageOrigin: string;
			elapsedMs: number;
	  };

/** A health answer slower than this is reported as slow (the demos still run). */
export const slowThresholdMs = 1500;

export const startPlaygroundAdvice =
	'If you are running this site locally, start the playground with `npm run dev` (site and PocketBase together) or `npm run playground`. Otherwise point the demos at another PocketBase below.';

/** True when `body` looks like PocketBase's `GET /api/health` answer. */
export function isHealthAnswer(body: unknown): body is { message: string; code: number } {
	if (typeof body !== 'object' || body === null) return false;
	const { message, code } = body as Record<string, unknown>;
	return typeof message === 'string' && /healthy/i.test(message) && code === 200;
}

/** The message PocketBase puts in its JSON error bodies, if there is one. */
export function pocketBaseMessage(body: unknown): string | undefined {
	if (typeof body !== 'object' || body === null) return undefined;
	const message = (body as Record<string, unknown>)['message'];
	return typeof message === 'string' && message !== '' ? message : undefined;
}

/** Classifies the answer to a health probe (`GET /api/health`). */
export function classifyHealthProbe(observation: Observation, url: string): ConnectionStatus {
	if (observation.kind === 'network-error') return classifyNetworkError(observation, url);
	const { status, body, elapsedMs } = observation;
	if (status === 429) return rateLimited(elapsedMs);
	if (status === 200 && isHealthAnswer(body)) {
		const answer = `PocketBase answered “${body.message}” in ${Math.round(elapsedMs)} ms (measured).`;
		if (elapsedMs > slowThresholdMs) {
			return {
				state: 'slow',
				title: `Connected, but slow: ${url}`,
				detail: answer,
				advice:
					'Demos will work, but their timings include this delay. A far-away or busy server, or a slow network, can cause it.',
				elapsedMs,
			};
		}
		return {
			state: 'connected',
			title: `Connected to ${url}`,
			detail: answer,
			advice: '',
			elapsedMs,
		};
	}
	if (status === 404 || (status === 200 && !isHealthAnswer(body))) {
		return {
			state: 'not-pocketbase',
			title: `Not a PocketBase: ${url}`,
			detail: `That address answered (HTTP ${status}), but not the way PocketBase answers /api/health.`,
			advice: 'Check the address: it should be the base URL you would pass to `new PocketBase(…)`.',
			elapsedMs,
		};
	}
	return {
		state: 'error',
		title: `PocketBase answered with an error: ${url}`,
		detail: endSentence(
			`HTTP ${status}${pocketBaseMessage(body) ? `: ${pocketBaseMessage(body)}` : ''}`
		),
		advice: 'Check the server’s logs (Dashboard › Logs), then re-check.',
		elapsedMs,
	};
}

/** Classifies a request that never got an HTTP answer. */
export function classifyNetworkError(
	observation: Extract<Observation, { kind: 'network-error' }>,
	url: string
): ConnectionStatus {
	if (observation.mixedContent) {
		return {
			state: 'blocked',
			title: `Blocked by your browser (mixed content): ${url}`,
			detail:
				'This page was loaded over https, and browsers refuse to call a plain http:// server from it.',
			advice: 'Use an https:// address for PocketBase, or open this site over http://localhost.',
		};
	}
	if (observation.reachableWithoutCors) {
		return {
			state: 'blocked',
			title: `Blocked by your browser (CORS): ${url}`,
			detail: `The server is up, but it does not allow calls from ${observation.pageOrigin}.`,
			advice:
				'Start PocketBase with this site’s origin in --origins (the default, *, allows all), or use a server that allows it.',
		};
	}
	return {
		state: 'unreachable',
		title: `Not reachable: ${url}`,
		detail: 'Nothing answered at that address.',
		advice: startPlaygroundAdvice,
	};
}

/** What the limiter's 429 means for the reader. */
export function rateLimited(elapsedMs?: number): ConnectionStatus {
	return {
		state: 'rate-limited',
		title: 'Rate-limited (HTTP 429)',
		detail:
			'PocketBase’s rate limiter refused a request from this address: too many in its time window.',
		advice:
			'Wait a few seconds and try again; the window is fixed and short. Re-check to see when it clears.',
		...(elapsedMs === undefined ? {} : { elapsedMs }),
	};
}

/** Whether PocketBase answers normally (its health check passed): demos can send requests. */
export function canRunDemos(state: ConnectionState): boolean {
	return state === 'connected' || state === 'slow';
}

/**
 * Whether a demo's controls that call PocketBase are enabled: while it answers normally, and
 * while it answers 429, because a rate-limited answer is itself what several demos show.
 */
export function demoControlsEnabled(state: ConnectionState): boolean {
	return canRunDemos(state) || state === 'rate-limited';
}

/**
 * The pure core of the live rate-limit demo: what the real sign-in attempts showed, next to
 * what the rate-limiter model predicted for the very same sequence, in rows and sentences. No
 * DOM, no network; the element sends the requests and hands the answers here.
 */
import { simulatedServerHeader } from '~/lib/simulated-server';
import {
	collectionRequest,
	playgroundRules,
	RateLimiterModel,
	tooManyRequests,
	type LimiterSettings,
} from '~/lib/rate-limiter';
import type { Schema } from '~/lib/url-state';

/** Query-parameter prefix of this demo's settings. */
export const urlPrefix = 'live-';

export const liveSchema = {
	users: {
		kind: 'integer',
		label: 'Other users signing in through the server',
		min: 1,
		max: 20,
		default: 5,
	},
} as const satisfies Schema;

/** The playground's limiter as its migration sets it up (rate-limiter.test.ts checks it). */
export const playgroundSettings: LimiterSettings = {
	rateLimits: { enabled: true, rules: playgroundRules, excludedIPs: [] },
	trustedProxy: { headers: [simulatedServerHeader], useLeftmostIP: false },
};

/** The most attempts the direct burst sends before giving up on a 429. */
export const maxBurst = 8;

/** Made-up credentials: PocketBase counts the attempt before it looks at them. */
export const madeUpSignIn = {
	identity: 'nobody@example.com',
	password: 'not-the-password',
} as const;

export type Who = 'you' | number;

export interface Attempt {
	who: Who;
	path: 'direct' | 'server';
	/** When it was sent, ms since the epoch (the browser's clock). */
	sentAt: number;
	/** When its answer (or the failure) came back, on the same clock. */
	answeredAt: number;
	/** The real answer; status 0 when no answer came. */
	status: number;
	bodyText: string;
	/** Response headers the browser lets the page read. */
	headers: [string, string][];
}

/** The browser's address stands in for the key; the model only needs it to be one key. */
const readerAddr = '192.0.2.1:1';
/**
 * The header as the limiter reads it after the playground's hook has put this reader's server
 * address in place of the marker; any one address in the range does for the model.
 */
const serverHeader = [simulatedServerHeader, '2001:db8::1'] as const;

/**
 * Predictions for this page's attempts, kept across runs so a second click starts where
 * PocketBase's own counters are (as far as this page knows).
 */
export class Predictor {
	#model = new RateLimiterModel(playgroundSettings);

	/** The model's answer for an attempt at `sentAt`: allowed by the limiter or 429. */
	predict(path: Attempt['path'], sentAt: number): { allowed: boolean; windowStart: number } {
		const request = collectionRequest(
			'authWithPassword',
			{ id: '_pb_users_auth_', name: 'users' },
			path === 'direct'
				? { remoteAddr: readerAddr }
				: { remoteAddr: readerAddr, headers: [serverHeader] }
		);
		const decision = this.#model.check(request, sentAt);
		return {
			allowed: decision.allowed,
			windowStart: decision.reason === 'counted' ? decision.windowStart : Math.floor(sentAt / 1000),
		};
	}
}

export const whoText = (who: Who) => (who === 'you' ? 'You' : `User ${who}`);

/** "400: let through (wrong password)", "429: refused", "no answer". */
export function statusText(status: number): string {
	if (status === 0) return 'no answer';
	if (status === 429) return '429: refused';
	if (status === 400) return '400: let through (wrong password)';
	return `${status}: let through`;
}

export interface AttemptRow {
	who: string;
	at: string;
	measured: string;
	predicted: string;
	agrees: boolean;
}

/** "+0.00 s": time after the first attempt of the run. */
export const offsetText = (ms: number) => `+${(ms / 1000).toFixed(2)} s`;

export function attemptRows(
	attempts: readonly Attempt[],
	predictions: readonly boolean[]
): AttemptRow[] {
	const first = attempts[0]?.sentAt ?? 0;
	return attempts.map((attempt, i) => {
		const allowed = predictions[i] ?? true;
		return {
			who: whoText(attempt.who),
			at: offsetText(attempt.sentAt - first),
			measured: statusText(attempt.status),
			predicted: allowed ? 'allowed' : '429',
			agrees: attempt.status !== 0 && (attempt.status === 429) === !allowed,
		};
	});
}

/** Where model and PocketBase disagreed, and the likely reasons, or undefined. */
export function disagreement(
	rows: readonly AttemptRow[],
	path: Attempt['path']
): string | undefined {
	const differing = rows.map((row, i) => (row.agrees ? 0 : i + 1)).filter((n) => n > 0);
	if (differing.length === 0) return undefined;
	const which =
		differing.length === 1 ? `attempt ${differing[0]}` : `attempts ${differing.join(', ')}`;
	const why =
		path === 'server'
			? 'Every visitor’s simulated server shares the one server address, so someone else may have used the bucket in the same window; or a request reached PocketBase in another whole second than it left this browser.'
			: 'Something else from your address may have used the same bucket (another tab, an earlier sign-in); or a request reached PocketBase in another whole second than it left this browser.';
	return `The model and PocketBase differ on ${which}. ${why}`;
}

/** The exact response of the first 429, as the browser received it. */
export function responseLines(attempt: Attempt): string[] {
	const retryAfter = attempt.headers.find(([name]) => name.toLowerCase() === 'retry-after');
	return [
		`Status: ${attempt.status}`,
		`Body: ${attempt.bodyText}`,
		`Headers the browser shows: ${attempt.headers.map(([n, v]) => `${n}: ${v}`).join('; ') || 'none'}`,
		retryAfter
			? `Retry-After: ${retryAfter[1]}`
			: 'Retry-After: none. PocketBase sends no Retry-After on a 429; the tests check the raw response.',
	];
}

/** Whether the body is PocketBase's own 429, byte for byte. */
export const isPocketBase429 = (attempt: Attempt) =>
	attempt.status === 429 && attempt.bodyText.trim() === tooManyRequests.bodyText;

export interface Reopen {
	/** Model: the window opens at the start of this whole second (ms since the epoch). */
	predictedAt: number;
	/**
	 * The first attempt left in one whole second and was answered in the next, so PocketBase may
	 * have counted it in either: the window then opens at `predictedAt` or a second later.
	 */
	orOneSecondLater: boolean;
	/** Measured: the first attempt after the 429 that PocketBase let through. */
	measuredAt: number | undefined;
}

/** The direct burst's sentence about the window. */
export function reopenText(firstSentAt: number, reopen: Reopen): string {
	const candidates = [reopen.predictedAt];
	if (reopen.orOneSecondLater) candidates.push(reopen.predictedAt + 1000);
	const predicted = candidates.map((at) => offsetText(at - firstSentAt)).join(' or ');
	const window = playgroundRules[0]!;
	const began = reopen.orOneSecondLater
		? 'began in the whole second your first attempt reached PocketBase (it left in one second and was answered in the next, so either)'
		: 'began in the whole second of your first attempt';
	const modelled = `Modelled: the *:auth window (${window.maxRequests} per ${window.duration} s) ${began} and opens again at ${predicted}.`;
	if (reopen.measuredAt === undefined)
		return `${modelled} Measured: still closed when we stopped asking.`;
	const measuredAt = reopen.measuredAt;
	const measured = offsetText(measuredAt - firstSentAt);
	const gap = Math.min(...candidates.map((at) => Math.abs(measuredAt - at)));
	const verdict =
		gap <= 500
			? 'as the model says (we ask every 0.2 s).'
			: 'not where the model says: another request from your address, or a clock difference between this browser and PocketBase, moved it.';
	return `${modelled} Measured: PocketBase let an attempt through again at ${measured}, ${verdict}`;
}

/** The direct burst's headline. */
export function directSummary(attempts: readonly Attempt[]): string {
	const refused = attempts.findIndex((a) => a.status === 429);
	if (refused < 0) {
		return `No 429 in ${attempts.length} attempts: this PocketBase's limiter let them all through (is it switched on?).`;
	}
	const seconds = ((attempts[refused]!.sentAt - attempts[0]!.sentAt) / 1000).toFixed(2);
	return `Attempt ${refused + 1} got a real 429, ${seconds} s after the first: PocketBase allowed ${refused} sign-in ${refused === 1 ? 'attempt' : 'attempts'} from your address in this window.`;
}

/** The server run's headline. */
export function serverSummary(attempts: readonly Attempt[]): string {
	const refused = attempts.filter((a) => a.status === 429).length;
	const through = attempts.filter((a) => a.status !== 429 && a.status !== 0).length;
	const you = attempts.find((a) => a.who === 'you');
	const yours =
		you?.status === 429 ? 'yours among them' : you ? 'yours got through' : 'yours not sent';
	return `Through the one server address, ${through} of ${attempts.length} sign-in attempts got through and ${refused} got a real 429 (${yours}). Each person made one attempt.`;
}

/**
 * When each simulated user signs in: spread over `spreadMs`, in a fixed order so a run can be
 * compared with the next; the reader's own attempt is in the middle of them.
 */
export function serverSchedule(users: number, spreadMs = 1200): { who: Who; delayMs: number }[] {
	const people: Who[] = Array.from({ length: users }, (_, i) => i + 1);
	people.splice(Math.floor(users / 2), 0, 'you');
	return people.map((who, i) => ({
		who,
		delayMs: people.length === 1 ? 0 : Math.round((i * spreadMs) / (people.length - 1)),
	}));
}

/** The playground's sign-in window, in seconds. */
export const authWindowSeconds = playgroundRules[0]!.duration;

/** A row's cells, in the table's column order: who, when, PocketBase's answer, the model's. */
export function rowCells(row: AttemptRow): string[] {
	return [row.who, row.at, row.measured, `${row.predicted}, ${row.agrees ? 'same' : 'differs'}`];
}

/** Said while the burst asks whether the window has opened again. */
export const waitingText = 'Waiting for the window to open again…';

/**
 * The direct burst's sentence about the window, from its first attempt: PocketBase may have
 * counted that attempt in the second it was answered in, when that was the next one.
 */
export function reopenAfter(
	first: Pick<Attempt, 'sentAt' | 'answeredAt'>,
	predictedAt: number,
	measuredAt: number | undefined
): string {
	return reopenText(first.sentAt, {
		predictedAt,
		orOneSecondLater: Math.floor(first.sentAt / 1000) !== Math.floor(first.answeredAt / 1000),
		measuredAt,
	});
}

/**
 * What the auth-state demo shows: the reader's token decoded, the rules' real answers, the
 * cookie the simulated server sets, and the page views compared. No DOM, no network.
 */
import { authCookieData, cookieLimitBytes, parseSetCookie, recordTrimmed } from '~/lib/auth-cookie';
import { decodeToken, formatDuration, tokenLifetimeSeconds } from '~/lib/auth-token';
import type { RequestModel } from '~/lib/network-model';
import { cookieFlow, flowHop } from '~/lib/server-flows';
import {
	describeFailure,
	fieldErrors,
	type FailureText,
	type RequestFailure,
} from '~/lib/request-error';
import { simulatedServerRange } from '~/lib/simulated-server';
import type { Schema } from '~/lib/url-state';
import { formatMs, plural } from '../demo-kit/format';

/** The URL-state prefix of this demo (`?auth-views=10`). */
export const urlPrefix = 'auth-';

export const authSchema = {
	views: { kind: 'integer', label: 'Page views', min: 1, max: 20, default: 5 },
} as const satisfies Schema;

export interface Row {
	label: string;
	value: string;
	note?: string;
}

/** The token, part by part; `issuedAtMs` is when the browser received it. */
export function tokenRows(token: string, issuedAtMs: number | undefined, nowMs: number): Row[] {
	const decoded = decodeToken(token);
	if (!decoded.ok) return [{ label: 'Token', value: `Cannot decode it: ${decoded.problem}.` }];
	const { header, payload, signature, exp } = decoded.token;
	const rows: Row[] = [
		{ label: 'Header', value: JSON.stringify(header) },
		{ label: 'Payload', value: JSON.stringify(payload) },
	];
	if (exp !== undefined) {
		rows.push({
			label: 'exp',
			value: `${exp}: ${new Date(exp * 1000).toUTCString()}`,
			note:
				exp * 1000 > nowMs
					? `in ${formatDuration(exp - nowMs / 1000)}; the SDK’s isValid checks only this`
					: 'expired: isValid is false',
		});
		if (issuedAtMs !== undefined) {
			const seconds = tokenLifetimeSeconds(exp, issuedAtMs);
			rows.push({
				label: 'Lifetime',
				// exp is the moment of issue cut down to a whole second, and the token arrives a little
				// later, so exp minus the arrival falls short of the duration by up to a second and
				// more: to the minute, it is the duration (rounding up to the second was off by one
				// whenever the issue fell in the last milliseconds of a second).
				value: `${formatDuration(seconds)} (${(Math.round(seconds / 60) * 60).toLocaleString('en')} s)`,
				note: 'exp minus the moment the token arrived, to the minute: the users collection’s auth-token duration',
			});
		}
	}
	rows.push({
		label: 'Signature',
		value: `${signature.slice(0, 8)}…`,
		note: 'not checked by the browser: only PocketBase holds the secret that signs it',
	});
	return rows;
}

export type AccountAction = 'create' | 'sign-in' | 'delete';

/** Failures of the account controls, in the words of what the reader did. */
export function accountFailure(
	failure: RequestFailure,
	action: AccountAction,
	authLimit: string
): FailureText {
	if (failure.status === 429) {
		return {
			title: 'Rate-limited (429): too many sign-ins from your address.',
			advice: `The playground allows ${authLimit} on each sign-in endpoint (the *:auth rule), counted per address. Wait a few seconds and try again.`,
		};
	}
	if (action === 'sign-in' && failure.status === 400) {
		return {
			title: 'Wrong e-mail or password (400).',
			advice: 'PocketBase says only “Failed to authenticate.”, never which of the two was wrong.',
		};
	}
	if (
		action === 'create' &&
		failure.status === 400 &&
		fieldErrors(failure.response).some((error) => error.startsWith('email:'))
	) {
		return {
			title: 'That e-mail is taken (400).',
			advice: 'Another account already uses it; “Create a throwaway account” picks a new one.',
		};
	}
	return describeFailure(failure);
}

export function sessionText(email: string | undefined): string {
	return email
		? `Signed in as ${email}, in your browser (LocalAuthStore). A throwaway account: the playground deletes it within about an hour, or delete it now below.`
		: 'You are not signed in.';
}

export type RuleProbe = 'list' | 'view' | 'create';

/** What each probe means, and what the owner-only rules make of it. */
export function ruleProbeText(probe: RuleProbe): { action: string; expected: string } {
	switch (probe) {
		case 'list':
			return {
				action: 'List the other user’s notes (filter owner = their id)',
				expected: 'the list rule filters them out: 200 with no items',
			};
		case 'view':
			return {
				action: 'View the other user’s note by its id',
				expected: 'the view rule hides it: 404, as if it did not exist',
			};
		case 'create':
			return {
				action: 'Create a note owned by the other user',
				expected: 'the create rule refuses it: 400',
			};
	}
}

/** The real answer to a probe, in one line. */
export function ruleAnswer(status: number, items?: number): string {
	if (status === 200) return `200${items === undefined ? '' : `, ${plural(items, 'item')}`}`;
	return `${status}`;
}

export interface CookieView {
	header: string;
	name: string;
	attributes: string[];
	sizeText: string;
	overLimit: boolean;
	recordText: string;
	/** Whose record the cookie carries (its id), or '' */
	recordId: string;
}

/** The Set-Cookie the server answers with, described. */
export function cookieView(header: string): CookieView | undefined {
	const cookie = parseSetCookie(header);
	if (!cookie) return undefined;
	const data = authCookieData(cookie);
	const record = data?.record ?? null;
	const fields = record ? Object.keys(record) : [];
	return {
		header,
		name: cookie.name,
		attributes: cookie.attributes.map((a) =>
			a.value === undefined ? a.name : `${a.name}=${a.value}`
		),
		sizeText: `${cookie.bytes.toLocaleString('en')} of ${cookieLimitBytes.toLocaleString('en')} bytes`,
		overLimit: cookie.bytes > cookieLimitBytes,
		recordText: !record
			? 'no record: signed out'
			: recordTrimmed(record) && fields.length < 10
				? `trimmed by the SDK to ${fields.join(', ')}: the full record would pass ${cookieLimitBytes} bytes`
				: `the whole record (${fields.length} fields), under the limit, so the SDK kept it`,
		recordId: typeof record?.['id'] === 'string' ? record['id'] : '',
	};
}

/**
 * The page views' server hop: the cookie flow on a server beside PocketBase, whose two calls
 * (the refresh and the query) are both made for real.
 */
export function pageViewHop(): RequestModel {
	return flowHop(cookieFlow, { measuredCalls: 2 });
}

export interface PageViewSample {
	refreshMs: number;
	queryMs: number;
	hopMs: number;
}

/** One page view through the server, line by line. */
export function pageViewLines(
	sample: PageViewSample
): { kind: 'measured' | 'modelled' | 'none'; text: string }[] {
	return [
		{ kind: 'none', text: 'new PocketBase(): a new SDK instance for this request' },
		{
			kind: 'none',
			text: 'pb.authStore.loadFromCookie(cookie): reads the cookie, verifies nothing',
		},
		{
			kind: 'measured',
			text: `await authRefresh(): ${formatMs(sample.refreshMs)} (measured), the extra call`,
		},
		{
			kind: 'measured',
			text: `the page’s query, your notes: ${formatMs(sample.queryMs)} (measured)`,
		},
		{ kind: 'none', text: 'pb.authStore.exportToCookie(): the Set-Cookie below' },
		{
			kind: 'modelled',
			text: `the hop to the server and back: ${formatMs(sample.hopMs)} (modelled)`,
		},
	];
}

export interface PathTotals {
	calls: number;
	/** The sum of the page views' times (measured, plus the modelled hop on the server path). */
	totalMs: number;
	failures: number;
}

/** The comparison table over N page views. */
export function comparisonRows(
	views: number,
	direct: PathTotals,
	server: PathTotals,
	apiLimit: string
): { label: string; direct: string; server: string }[] {
	return [
		{
			label: 'Calls PocketBase receives',
			direct: `${direct.calls} (one query per view)`,
			server: `${server.calls} (authRefresh + query per view)`,
		},
		{
			label: `Time for ${plural(views, 'page view')}`,
			direct: `${formatMs(direct.totalMs)} (measured)`,
			server: `${formatMs(server.totalMs)} (measured + modelled)`,
		},
		{
			label: 'Rate-limit bucket',
			direct: `your address, rule /api/ (${apiLimit})`,
			server: `the server’s address (in ${simulatedServerRange}), rule /api/ (${apiLimit}), shared by all its users`,
		},
		{
			label: 'Failed calls',
			direct: String(direct.failures),
			server: String(server.failures),
		},
	];
}

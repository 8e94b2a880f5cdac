import { BaseAuthStore } from 'pocketbase';
import { describe, expect, it } from 'vitest';
import {
	accountFailure,
	comparisonRows,
	cookieView,
	pageViewHop,
	pageViewLines,
	ruleAnswer,
	sessionText,
	tokenRows,
} from './auth-state-view';

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const exp = 1_800_000_000;
const token = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ id: 'u1', exp, type: 'auth' })}.c2lnbmF0dXJlLXBhcnQ`;
const failure = (status: number, response: unknown = {}) => ({
	status,
	message: 'm',
	isAbort: false,
	response,
});

describe('the token rows', () => {
	it('show header, payload, exp, lifetime and an unchecked signature', () => {
		const issuedAt = (exp - 432_000) * 1000;
		const rows = tokenRows(token, issuedAt, issuedAt + 1000);
		expect(rows.map((r) => r.label)).toEqual(['Header', 'Payload', 'exp', 'Lifetime', 'Signature']);
		expect(rows[0]!.value).toBe('{"alg":"HS256","typ":"JWT"}');
		expect(rows[2]!.value).toBe(`${exp}: ${new Date(exp * 1000).toUTCString()}`);
		expect(rows[2]!.note).toMatch(/^in 5 days; the SDK’s isValid checks only this$/);
		expect(rows[3]!.value).toBe('5 days (432,000 s)');
		expect(rows[3]!.note).toMatch(/auth-token duration/);
		expect(rows[4]).toMatchObject({ value: 'c2lnbmF0…' });
		expect(rows[4]!.note).toMatch(/^not checked by the browser/);
	});

	it('give the duration when the token was issued in the last moment of a second and arrived in the next', () => {
		// Issued at x.998 s (exp = x + 432,000), arrived 7 ms later: exp minus arrival is 431,998.995 s.
		const arrivedAt = (exp - 432_000) * 1000 + 1005;
		expect(tokenRows(token, arrivedAt, arrivedAt)[3]!.value).toBe('5 days (432,000 s)');
	});

	it('leave the lifetime out when the moment of issue is unknown, and say when it expired', () => {
		const rows = tokenRows(token, undefined, exp * 1000 + 1);
		expect(rows.map((r) => r.label)).toEqual(['Header', 'Payload', 'exp', 'Signature']);
		expect(rows[2]!.note).toBe('expired: isValid is false');
		expect(tokenRows('garbage', undefined, 0)[0]!.value).toMatch(/^Cannot decode it/);
	});
});

describe('account failures', () => {
	it('name a wrong password, a taken e-mail and the sign-in limit', () => {
		expect(accountFailure(failure(400), 'sign-in', '2 per 3 s').title).toBe(
			'Wrong e-mail or password (400).'
		);
		const taken = failure(400, {
			data: { email: { code: 'validation_not_unique', message: 'Value must be unique.' } },
		});
		expect(accountFailure(taken, 'create', '2 per 3 s').title).toBe('That e-mail is taken (400).');
		const limited = accountFailure(failure(429), 'sign-in', '2 per 3 s');
		expect(limited.title).toMatch(/^Rate-limited \(429\)/);
		expect(limited.advice).toMatch(/2 per 3 s on each sign-in endpoint/);
		expect(accountFailure(failure(0), 'create', '').title).toBe('No answer from PocketBase.');
	});

	it('says who is signed in', () => {
		expect(sessionText(undefined)).toBe('You are not signed in.');
		expect(sessionText('a@example.com')).toMatch(/^Signed in as a@example\.com, in your browser/);
	});

	it('words the rules’ real answers', () => {
		expect(ruleAnswer(200, 0)).toBe('200, 0 items');
		expect(ruleAnswer(404)).toBe('404');
	});
});

describe('the cookie view', () => {
	/** The auth store of user u1 signed in, with the record's fields in the order PocketBase sends. */
	const signedIn = (email: string, collectionId: string, fields: Record<string, unknown>) => {
		const store = new BaseAuthStore();
		store.save(token, { id: 'u1', email, collectionId, collectionName: 'users', ...fields });
		return store;
	};
	const store = signedIn('a@example.com', '_pb_users_auth_', { name: '' });

	it('lists the attributes, the size against 4096 bytes and whose record it is', () => {
		const header = store.exportToCookie();
		const view = cookieView(header)!;
		expect(view.name).toBe('pb_auth');
		expect(view.attributes).toEqual([
			'Path=/',
			`Expires=${new Date(exp * 1000).toUTCString()}`,
			'HttpOnly',
			'Secure',
			'SameSite=Strict',
		]);
		expect(view.sizeText).toBe(`${new TextEncoder().encode(header).length} of 4,096 bytes`);
		expect(view.overLimit).toBe(false);
		expect(view.recordId).toBe('u1');
		expect(view.recordText).toBe(
			'the whole record (5 fields), under the limit, so the SDK kept it'
		);
	});

	it('says when the SDK trimmed a big record', () => {
		const big = signedIn('a@example.com', 'c', {
			verified: true,
			name: 'n'.repeat(5000),
			avatar: '',
		});
		const view = cookieView(big.exportToCookie())!;
		expect(view.recordText).toBe(
			'trimmed by the SDK to id, email, collectionId, collectionName, verified: the full record would pass 4096 bytes'
		);
		const full = signedIn('e', 'c', {
			name: 'n',
			avatar: '',
			created: '',
			updated: '',
		});
		expect(cookieView(full.exportToCookie())!.recordText).toBe(
			'the whole record (8 fields), under the limit, so the SDK kept it'
		);
		expect(cookieView(new BaseAuthStore().exportToCookie())!.recordText).toBe(
			'no record: signed out'
		);
		expect(cookieView('nonsense')).toBeUndefined();
	});
});

describe('page views', () => {
	it('label each step of the cookie flow as measured or modelled', () => {
		const lines = pageViewLines({ refreshMs: 3.24, queryMs: 2.5, hopMs: 2.5 });
		expect(lines.map((l) => l.kind)).toEqual([
			'none',
			'none',
			'measured',
			'measured',
			'none',
			'modelled',
		]);
		expect(lines[2]!.text).toBe('await authRefresh(): 3.2 ms (measured), the extra call');
		expect(lines[5]!.text).toBe('the hop to the server and back: 2.5 ms (modelled)');
		expect(pageViewHop().addedMs).toBeGreaterThan(0);
	});

	it('compare calls, time and rate-limit bucket', () => {
		const rows = comparisonRows(
			5,
			{ calls: 5, totalMs: 20, failures: 0 },
			{ calls: 10, totalMs: 55, failures: 1 },
			'300 per 10 s'
		);
		expect(rows.map((r) => [r.label, r.direct, r.server])).toEqual([
			['Calls PocketBase receives', '5 (one query per view)', '10 (authRefresh + query per view)'],
			['Time for 5 page views', '20 ms (measured)', '55 ms (measured + modelled)'],
			[
				'Rate-limit bucket',
				'your address, rule /api/ (300 per 10 s)',
				'the server’s address (in 2001:db8::/32), rule /api/ (300 per 10 s), shared by all its users',
			],
			['Failed calls', '0', '1'],
		]);
	});
});

import { getTokenPayload } from 'pocketbase';
import { describe, expect, it } from 'vitest';
import { decodeToken, formatDuration, tokenLifetimeSeconds } from './auth-token';

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const payload = {
	collectionId: '_pb_users_auth_',
	exp: 1_800_000_000,
	id: 'ck0ihwj05l0n0p4',
	refreshable: true,
	type: 'auth',
};
// The shape of a PocketBase 0.40 user token (HS256, no iat), with a made-up signature.
const token = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}.c2lnbmF0dXJl_-`;

describe('decodeToken', () => {
	it('reads header, payload and exp, as the SDK does', () => {
		const decoded = decodeToken(token);
		expect(decoded).toEqual({
			ok: true,
			token: {
				header: { alg: 'HS256', typ: 'JWT' },
				payload,
				signature: 'c2lnbmF0dXJl_-',
				exp: 1_800_000_000,
			},
		});
		expect(decoded.ok && decoded.token.payload).toEqual(getTokenPayload(token));
	});

	it('decodes base64url without padding and UTF-8 text', () => {
		const name = `${part({ alg: 'HS256' })}.${part({ name: 'Zoë ✓' })}.x`;
		expect(decodeToken(name)).toMatchObject({ ok: true, token: { payload: { name: 'Zoë ✓' } } });
	});

	it('refuses what is not a JWT, in words', () => {
		expect(decodeToken('abc')).toEqual({
			ok: false,
			problem: 'not a JWT: it needs three dot-separated parts',
		});
		expect(decodeToken('a.b.c')).toMatchObject({ ok: false });
		expect(decodeToken(`${part([1])}.${part(payload)}.x`)).toMatchObject({ ok: false });
	});
});

describe('token lifetime', () => {
	it('is exp minus the moment the token arrived', () => {
		const issuedAtMs = (payload.exp - 432_000) * 1000 + 260;
		expect(tokenLifetimeSeconds(payload.exp, issuedAtMs)).toBeCloseTo(431_999.74, 2);
		expect(formatDuration(tokenLifetimeSeconds(payload.exp, issuedAtMs))).toBe('5 days');
	});

	it('reads as days and hours, hours or minutes', () => {
		expect(formatDuration(86_400 + 7200)).toBe('1 day 2 hours');
		expect(formatDuration(3 * 3600)).toBe('3 hours');
		expect(formatDuration(60)).toBe('1 minute');
		expect(formatDuration(180)).toBe('3 minutes');
	});
});

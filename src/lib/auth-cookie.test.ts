import { BaseAuthStore, type RecordModel } from 'pocketbase';
import { describe, expect, it } from 'vitest';
import {
	authCookieData,
	cookieLimitBytes,
	cookieToSend,
	parseSetCookie,
	recordTrimmed,
	trimmedRecordFields,
} from './auth-cookie';

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const token = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ id: 'u1', exp: 1_800_000_000 })}.sig`;
const record = {
	id: 'u1',
	email: 'demo-1@example.com',
	collectionId: '_pb_users_auth_',
	collectionName: 'users',
	verified: false,
	name: '',
} as RecordModel;

function exported(withRecord: RecordModel) {
	const store = new BaseAuthStore();
	store.save(token, withRecord);
	return store.exportToCookie();
}

describe('the pb_auth cookie', () => {
	it('reads what the SDK’s exportToCookie writes: value, attributes, size', () => {
		const header = exported(record);
		const cookie = parseSetCookie(header)!;
		expect(cookie.name).toBe('pb_auth');
		expect(authCookieData(cookie)).toEqual({ token, record });
		expect(cookie.attributes.map((a) => a.name)).toEqual([
			'Path',
			'Expires',
			'HttpOnly',
			'Secure',
			'SameSite',
		]);
		expect(cookie.attributes.find((a) => a.name === 'Expires')?.value).toBe(
			new Date(1_800_000_000 * 1000).toUTCString()
		);
		expect(cookie.attributes.find((a) => a.name === 'SameSite')?.value).toBe('Strict');
		expect(cookie.bytes).toBe(new TextEncoder().encode(header).length);
		expect(cookie.bytes).toBeLessThan(cookieLimitBytes);
		expect(recordTrimmed(authCookieData(cookie)!.record)).toBe(false);
	});

	it('sees the record the SDK trimmed when the cookie would pass 4096 bytes', () => {
		const big = { ...record, name: 'x'.repeat(5000) } as RecordModel;
		const cookie = parseSetCookie(exported(big))!;
		const data = authCookieData(cookie)!;
		expect(Object.keys(data.record!).sort()).toEqual([...trimmedRecordFields].sort());
		expect(recordTrimmed(data.record)).toBe(true);
		expect(cookie.bytes).toBeLessThan(cookieLimitBytes);
	});

	it('reads a signed-out store’s cookie as no record, and refuses what is not a cookie', () => {
		const cookie = parseSetCookie(new BaseAuthStore().exportToCookie())!;
		expect(authCookieData(cookie)).toEqual({ token: '', record: null });
		expect(recordTrimmed(null)).toBe(false);
		expect(parseSetCookie('no-equals-sign')).toBeUndefined();
		expect(parseSetCookie('a=%E0%A4%A')).toBeUndefined();
		expect(authCookieData(parseSetCookie('a=1')!)).toBeUndefined();
	});
});

describe('cookieToSend', () => {
	it('keeps the name and value a browser sends back, not the attributes', () => {
		const store = new BaseAuthStore();
		store.save(token, record);
		const header = store.exportToCookie();
		const sent = cookieToSend(header);
		expect(sent).toMatch(/^pb_auth=[^;]+$/);
		const back = new BaseAuthStore();
		back.loadFromCookie(sent);
		expect(back.token).toBe(token);
		expect(cookieToSend('a=b; Path=/; HttpOnly')).toBe('a=b');
		expect(cookieToSend('a=b')).toBe('a=b');
		expect(cookieToSend('')).toBe('');
	});
});

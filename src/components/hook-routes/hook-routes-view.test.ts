import { describe, expect, it } from 'vitest';
import {
	answerLines,
	checkId,
	checkMinutes,
	checkText,
	comparison,
	directTimeText,
	hookHop,
	minutesAgo,
	proxyTimeText,
	routeOrder,
	routes,
	serverStats,
} from './hook-routes-view';

describe('hook route answers', () => {
	it('words each route’s own answer', () => {
		expect(answerLines('stats', { minutes: 60, notes: 12, authors: 5, yours: 1 })).toEqual([
			'In the last 60 minutes: 12 notes by 5 authors',
			'of them yours: 1',
		]);
		expect(answerLines('summary', { id: 'abc', characters: 1, words: 1, yourNotes: 2 })).toEqual([
			'Note abc: 1 character, 1 word',
			'you have 2 notes',
		]);
		expect(
			answerLines('receipt', { payload: '{"a":1}', algorithm: 'HMAC-SHA256', signature: 'ff' })
		).toEqual(['payload: {"a":1}', 'HMAC-SHA256 signature: ff']);
	});

	it('says when a body is not the route’s', () => {
		expect(answerLines('stats', { message: 'API is healthy.' })).toEqual([
			'The answer was not the route’s JSON.',
		]);
		expect(answerLines('receipt', null)).toEqual(['The answer was not the route’s JSON.']);
	});

	it('counts distinct authors in the server’s version', () => {
		expect(serverStats(5, 3, ['u1', 'u1', 'u2'], 2)).toEqual({
			minutes: 5,
			notes: 3,
			authors: 2,
			yours: 2,
		});
	});
});

describe('the server route’s input check matches the hook’s', () => {
	it('accepts 1 to 60 whole minutes only', () => {
		expect(checkMinutes('10')).toEqual({ ok: true, minutes: 10 });
		expect(checkMinutes('')).toEqual({
			ok: false,
			message: 'The minutes parameter is required: a whole number from 1 to 60.',
		});
		for (const bad of ['0', '61', 'ten', '1.5', '-1', '9999999']) {
			expect(checkMinutes(bad).ok, bad).toBe(false);
		}
		expect(checkMinutes('ten')).toMatchObject({
			message: expect.stringContaining('not "ten"') as string,
		});
	});

	it('accepts 1 to 200 characters of text', () => {
		expect(checkText('hi')).toEqual({ ok: true });
		expect(checkText('').ok).toBe(false);
		expect(checkText('a'.repeat(201)).ok).toBe(false);
		expect(checkText('a'.repeat(200)).ok).toBe(true);
	});

	it('accepts record ids only', () => {
		expect(checkId('abcdefghij12345')).toEqual({ ok: true });
		for (const bad of ['', 'abc', 'ABCDEFGHIJ12345', 'abcdefghij123456'])
			expect(checkId(bad).ok, bad).toBe(false);
	});

	it('writes the window’s start as PocketBase stores dates', () => {
		expect(minutesAgo(10, Date.parse('2026-01-01T10:00:00Z'))).toBe('2026-01-01 09:50:00.000Z');
	});
});

describe('timings', () => {
	it('models one more upstream round trip per server call', () => {
		for (const id of routeOrder) expect(routes[id].serverCalls.length).toBeGreaterThan(0);
		const one = hookHop(1).addedMs;
		const three = hookHop(3).addedMs;
		expect(one).toBeGreaterThan(0);
		expect(three).toBeGreaterThan(one);
		expect(hookHop(3).proxy.steps.map((s) => s.label)).toContain(
			'Server ↔ PocketBase, 3 calls one after another'
		);
	});

	it('labels measured and modelled parts', () => {
		expect(directTimeText(4.25)).toBe('4.3 ms (measured, 1 request to the hook)');
		expect(proxyTimeText(2.5, [1, 2, 3])).toBe(
			'8.5 ms (modelled hop 2.5 ms + 3 measured calls 1.0 ms + 2.0 ms + 3.0 ms)'
		);
		expect(comparison(4, 9)).toBe('Through the server: 5.0 ms slower than the hook.');
		expect(comparison(undefined, 9)).toBe('');
	});
});

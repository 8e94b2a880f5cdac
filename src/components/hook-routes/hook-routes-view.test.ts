import { describe, expect, it } from 'vitest';
import {
	answerLines,
	checkId,
	checkMinutes,
	checkText,
	comparison,
	directTimeText,
	failureText,
	hookHop,
	hookRequest,
	minutesAgo,
	proxyTimeText,
	routeOrder,
	routes,
	serverReceiptLines,
	serverStats,
	serverSummary,
	sessionText,
	signInFailedTitle,
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
	it('counts each server call once: measured, so the modelled hop does not add them again', () => {
		for (const id of routeOrder) expect(routes[id].serverCalls.length).toBeGreaterThan(0);
		const one = hookHop(1).addedMs;
		expect(one).toBeGreaterThan(0);
		// The demo makes all three calls for real and shows each measured time beside the hop.
		expect(hookHop(3).addedMs).toBe(one);
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

describe('the session line', () => {
	it('says who is signed in, or that the routes need someone', () => {
		expect(sessionText('demo-1@example.com')).toBe(
			'Signed in as demo-1@example.com (a throwaway user, deleted within about an hour).'
		);
		expect(sessionText(undefined)).toBe('The routes need a signed-in user. You are not signed in.');
		expect(signInFailedTitle('No answer from PocketBase.')).toBe(
			'Could not sign in. No answer from PocketBase.'
		);
	});
});

describe('the hook request for the reader’s input', () => {
	it('puts each route’s one field where the route reads it', () => {
		expect(hookRequest('stats', '10')).toEqual({
			path: '/api/demo/notes-stats',
			options: { method: 'GET', query: { minutes: '10' } },
		});
		expect(hookRequest('summary', 'abc/def')).toEqual({
			path: '/api/demo/notes/abc%2Fdef/summary',
			options: { method: 'GET' },
		});
		expect(hookRequest('receipt', 'hi')).toEqual({
			path: '/api/demo/signed-receipt',
			options: { method: 'POST', body: { text: 'hi' } },
		});
	});

	it('keeps an empty note id on the summary route', () => {
		expect(hookRequest('summary', '').path).toBe('/api/demo/notes/%20/summary');
	});
});

describe('the server’s own answers', () => {
	it('counts characters and words of the note it read', () => {
		expect(serverSummary('abc', '  three little  words ', 2)).toEqual({
			id: 'abc',
			characters: 22,
			words: 3,
			yourNotes: 2,
		});
		expect(serverSummary('abc', '', 0).words).toBe(0);
	});

	it('names the caller and signs nothing', () => {
		expect(serverReceiptLines('u1')).toEqual([
			'caller: u1 (checked with PocketBase)',
			'signature: none (see below)',
		]);
	});
});

describe('a failed side', () => {
	const failure = (status: number, message: string) => ({
		status,
		message,
		isAbort: false,
		response: { message },
	});

	it('names the server route when its own check refused the input', () => {
		expect(failureText(failure(400, 'The id must be a record id.'), true)).toEqual({
			title: 'The server route refused the request (400): The id must be a record id.',
			advice: 'It checks its input the same way as the hook, before any PocketBase call.',
		});
	});

	it('says the server route, like the hook, needs a signed-in user', () => {
		expect(failureText(failure(401, 'No one is signed in.'), true)).toEqual({
			title: 'The server route refused the request (401): No one is signed in.',
			advice: 'Like the hook, it needs a signed-in user: sign in as a throwaway user first.',
		});
	});

	it('says the hook checks its input first when it answered 400', () => {
		const text = failureText(failure(400, 'The text field is required.'), false);
		expect(text.title).toContain('The text field is required');
		expect(text.advice).toBe(
			'The route checks its input before doing any work, and says what it accepts.'
		);
	});

	it('words any other failure the usual way', () => {
		expect(failureText(failure(0, 'Failed to fetch'), false).title).toMatch(/No answer/);
	});
});

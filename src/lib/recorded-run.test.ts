import { describe, expect, it } from 'vitest';
import {
	demoRecordedLabel,
	recordedLabel,
	recordedPath,
	ReplayQueue,
	timingMarker,
	withCurrentTokens,
	withoutSignatures,
	type RecordedExchange,
} from './recorded-run';

const exchange = (method: string, path: string, body: string): RecordedExchange => ({
	method,
	path,
	status: 200,
	headers: {},
	body,
	startMs: 0,
	ms: 5,
	instrument: 'request',
});

const token = (claims: object) =>
	['eyJhbGciOiJIUzI1NiJ9', btoa(JSON.stringify(claims)).replace(/=+$/, ''), 'c2lnbmVk'].join('.');

describe('recordedLabel', () => {
	it('says the date and the PocketBase version', () => {
		expect(recordedLabel({ recordedAt: '2026-12-07T06:10:00Z', pocketbase: '0.40.4' })).toBe(
			'Recorded on 7 December 2026 against PocketBase 0.40.4'
		);
	});
});

describe('demoRecordedLabel', () => {
	const session = {
		recordedAt: '2026-12-07T06:10:00Z',
		pocketbase: '0.40.4',
		playground: 'sha256:0',
		demos: {
			'who-am-i': { page: '/problem/what-pocketbase-sees/' },
			'realtime-streams': { page: '/problem/realtime/', recordedAt: '2026-12-09T14:00:00Z' },
		},
	};

	it('gives a demo the session’s date, or its own when it was recorded again on its own', () => {
		expect(demoRecordedLabel(session, 'who-am-i')).toBe(
			'Recorded on 7 December 2026 against PocketBase 0.40.4'
		);
		expect(demoRecordedLabel(session, 'realtime-streams')).toBe(
			'Recorded on 9 December 2026 against PocketBase 0.40.4'
		);
	});
});

describe('recordedPath', () => {
	it('drops the origin and the unique timing marker, and keeps the rest of the query', () => {
		expect(
			recordedPath('http://127.0.0.1:8090/api/collections/notes/records?timing=abc&perPage=5')
		).toBe('/api/collections/notes/records?perPage=5');
	});
});

describe('timingMarker', () => {
	it('reads the marker a timed call put on its request', () => {
		expect(timingMarker('http://x/api/a?perPage=5&timing=abc')).toBe('abc');
		expect(timingMarker('http://x/api/a')).toBeUndefined();
	});
});

describe('ReplayQueue', () => {
	it('answers each request with the next recorded answer to the same method and path', () => {
		const queue = new ReplayQueue([
			exchange('GET', '/api/a', 'first'),
			exchange('POST', '/api/a', 'posted'),
			exchange('GET', '/api/a', 'second'),
		]);
		expect(queue.next('GET', 'http://x/api/a?timing=1')?.body).toBe('first');
		expect(queue.next('GET', 'http://x/api/a?timing=2')?.body).toBe('second');
		expect(queue.next('POST', 'http://x/api/a')?.body).toBe('posted');
	});

	it('hands the answers out again once all were used, so the run can be replayed', () => {
		const queue = new ReplayQueue([exchange('GET', '/api/a', 'only')]);
		queue.next('GET', 'http://x/api/a');
		expect(queue.next('GET', 'http://x/api/a')?.body).toBe('only');
	});

	it('matches a record path with another record id by its shape', () => {
		const queue = new ReplayQueue([
			exchange('GET', '/api/collections/notes/records/abcdefghij12345', 'note'),
		]);
		expect(queue.next('GET', 'http://x/api/collections/notes/records/zzzzzzzzzz99999')?.body).toBe(
			'note'
		);
	});

	it('keeps the simulated server’s answers apart from the browser’s', () => {
		const queue = new ReplayQueue([
			exchange('GET', '/api/a', 'browser'),
			{ ...exchange('GET', '/api/a', 'server'), server: true },
		]);
		expect(queue.next('GET', 'http://x/api/a', true)?.body).toBe('server');
		expect(queue.next('GET', 'http://x/api/a')?.body).toBe('browser');
	});

	it('has no answer for a request the run never sent', () => {
		const queue = new ReplayQueue([exchange('GET', '/api/a', 'a')]);
		expect(queue.next('DELETE', 'http://x/api/a')).toBeUndefined();
		expect(queue.next('GET', 'http://x/api/b')).toBeUndefined();
	});

	it('brings the stream events that followed the request it answers', () => {
		const create = exchange('POST', '/api/collections/notes/records', '{}');
		const event = { stream: 0, type: 'notes/*', data: '{}', id: '', afterRequest: 0, ms: 9 };
		const queue = new ReplayQueue([create], {
			opened: [{ path: '/api/realtime', startMs: 0 }],
			events: [event],
		});
		const answer = queue.next('POST', 'http://x/api/collections/notes/records?timing=1');
		expect(answer).toBe(create);
		expect(queue.streams.after(answer!)).toEqual([event]);
	});
});

describe('tokens', () => {
	it('are stored without their signature', () => {
		const body = JSON.stringify({ token: token({ id: 'u1', exp: 100 }) });
		const stored = withoutSignatures(body);
		expect(stored).not.toContain('c2lnbmVk');
		expect(stored).toContain('.recorded"');
	});

	it('are replayed with an expiry an hour from now, their other claims kept', () => {
		const replayed = withCurrentTokens(
			JSON.stringify({ token: token({ id: 'u1', exp: 100 }) }),
			5000
		);
		const claims = (JSON.parse(replayed) as { token: string }).token.split('.')[1] ?? '';
		expect(JSON.parse(atob(claims))).toEqual({ id: 'u1', exp: 8600 });
	});
});

describe('passwords', () => {
	it('are never kept in a recorded body; the rest of it is', () => {
		const body = JSON.stringify({
			email: 'a@example.com',
			password: 'p4ss-w0rd',
			passwordConfirm: 'p4ss-w0rd',
		});
		const stored = JSON.parse(withoutSignatures(body)) as Record<string, string>;
		expect(stored).toEqual({
			email: 'a@example.com',
			password: '(not kept)',
			passwordConfirm: '(not kept)',
		});
		expect(withoutSignatures('not json')).toBe('not json');
	});
});

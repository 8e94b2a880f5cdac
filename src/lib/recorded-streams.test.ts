import { describe, expect, it } from 'vitest';
import type { RecordedExchange } from './recorded-run';
import { anchorEvents, StreamCues, type RecordedStreams } from './recorded-streams';

const exchange = (path: string, startMs: number): RecordedExchange => ({
	method: 'POST',
	path,
	status: 200,
	headers: {},
	body: '{}',
	startMs,
	ms: 5,
	instrument: 'request',
});

const arrived = (stream: number, type: string, atMs: number) => ({
	stream,
	type,
	data: `{"at":${atMs}}`,
	id: `id-${atMs}`,
	atMs,
});

describe('anchorEvents', () => {
	const signIn = exchange('/api/collections/users/auth-with-password', 0);
	const subscribe = exchange('/api/realtime', 312);
	const create = exchange('/api/collections/notes/records', 900);

	it('ties the first event to its stream’s opening when the page sent nothing since', () => {
		expect(
			anchorEvents([signIn, subscribe], [{ startMs: 300 }], [arrived(0, 'PB_CONNECT', 310.4)])
		).toEqual([{ stream: 0, type: 'PB_CONNECT', data: '{"at":310.4}', id: 'id-310.4', ms: 10.4 }]);
	});

	it('ties an event to the last request sent before it, on every stream that got it', () => {
		const events = anchorEvents(
			[signIn, subscribe, create],
			[{ startMs: 300 }, { startMs: 500 }],
			[arrived(0, 'notes/*', 912.345), arrived(1, 'notes/*', 913)]
		);
		expect(events.map(({ stream, afterRequest, ms }) => ({ stream, afterRequest, ms }))).toEqual([
			{ stream: 0, afterRequest: 2, ms: 12.35 },
			{ stream: 1, afterRequest: 2, ms: 13 },
		]);
	});

	it('never ties an event to a request sent before its stream opened', () => {
		const [event] = anchorEvents(
			[signIn, subscribe],
			[{ startMs: 400 }],
			[arrived(0, 'PB_CONNECT', 404)]
		);
		expect(event?.afterRequest).toBeUndefined();
		expect(event?.ms).toBe(4);
	});
});

describe('StreamCues', () => {
	const signIn = exchange('/api/collections/users/auth-with-password', 0);
	const create = exchange('/api/collections/notes/records', 900);
	const streams: RecordedStreams = {
		opened: [
			{ path: '/api/realtime', startMs: 300 },
			{ path: '/api/realtime', startMs: 500 },
		],
		events: [
			{ stream: 0, type: 'PB_CONNECT', data: '{}', id: 'reader', ms: 5 },
			{ stream: 1, type: 'PB_CONNECT', data: '{}', id: 'user', ms: 6 },
			{ stream: 0, type: 'notes/*', data: '{}', id: '', afterRequest: 1, ms: 12 },
			{ stream: 1, type: 'notes/*', data: '{}', id: '', afterRequest: 1, ms: 13 },
		],
	};

	it('plays the run’s streams in the order they were opened, then again from the first', () => {
		const cues = new StreamCues([signIn, create], streams);
		expect(cues.opened()).toEqual({ stream: 0, events: [streams.events[0]] });
		expect(cues.opened()).toEqual({ stream: 1, events: [streams.events[1]] });
		expect(cues.opened()?.stream).toBe(0);
	});

	it('brings the events that followed a request when that request is replayed', () => {
		const cues = new StreamCues([signIn, create], streams);
		expect(cues.after(create)).toEqual([streams.events[2], streams.events[3]]);
		expect(cues.after(signIn)).toEqual([]);
		expect(cues.after(exchange('/api/collections/notes/records', 900))).toEqual([]);
	});

	it('opens no stream for a run that opened none', () => {
		const cues = new StreamCues([signIn], undefined);
		expect(cues.opened()).toBeUndefined();
		expect(cues.after(signIn)).toEqual([]);
	});
});

import type PocketBase from 'pocketbase';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StreamCues, type RecordedStreams } from '~/lib/recorded-streams';
import type { RecordedExchange } from '~/lib/recorded-run';
import { cueEvents, replayedStream, streamsThrough, watchStream } from './recorded-stream';

/** What the SDK does with its stream: listens by event name, reads data and lastEventId. */
function listen(source: EventTarget, type: string, heard: string[]) {
	source.addEventListener(type, (event) => {
		const { data, lastEventId } = event as MessageEvent<string>;
		heard.push(`${type} ${lastEventId} ${data}`);
	});
}

describe('streamsThrough', () => {
	it('opens the SDK’s stream with the transport’s opener, and puts the page’s EventSource back', () => {
		class PageEventSource {
			constructor(readonly url: string) {}
		}
		const page = PageEventSource as unknown as typeof EventSource;
		vi.stubGlobal('EventSource', page);
		// The SDK's realtime service, as far as the transport uses it.
		const realtime = {
			source: undefined as unknown,
			initConnect() {
				this.source = new EventSource('http://pb.test/api/realtime');
			},
		};
		const opened: [unknown, string][] = [];
		const stream = new EventTarget() as EventSource;
		streamsThrough({ realtime } as unknown as PocketBase, (native, url) => {
			opened.push([native, url]);
			return stream;
		});
		realtime.initConnect();
		expect(opened).toEqual([[page, 'http://pb.test/api/realtime']]);
		expect(realtime.source).toBe(stream);
		expect(globalThis.EventSource).toBe(page);
		vi.unstubAllGlobals();
	});

	it('says so when the SDK opens its stream another way', () => {
		expect(() => streamsThrough({ realtime: {} } as unknown as PocketBase, vi.fn())).toThrow(
			/opens its realtime stream another way/
		);
	});
});

describe('watchStream', () => {
	it('hands over each event once, under whichever names the SDK listens to', () => {
		const source = new EventTarget() as EventSource;
		const kept: string[] = [];
		watchStream(source, (event) => kept.push(`${event.type} ${event.data}`));
		const heard: string[] = [];
		listen(source, 'PB_CONNECT', heard);
		listen(source, 'notes/*', heard);
		listen(source, 'notes/*', heard);
		source.dispatchEvent(new MessageEvent('PB_CONNECT', { data: '{"clientId":"c1"}' }));
		source.dispatchEvent(new MessageEvent('notes/*', { data: '{"action":"create"}' }));
		expect(kept).toEqual(['PB_CONNECT {"clientId":"c1"}', 'notes/* {"action":"create"}']);
		expect(heard).toHaveLength(3);
	});
});

describe('a replayed stream', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	const create: RecordedExchange = {
		method: 'POST',
		path: '/api/collections/notes/records',
		status: 200,
		headers: {},
		body: '{}',
		startMs: 900,
		ms: 8,
		instrument: 'request',
	};
	const streams: RecordedStreams = {
		opened: [{ path: '/api/realtime', startMs: 300 }],
		events: [
			{ stream: 0, type: 'PB_CONNECT', data: '{"clientId":"c1"}', id: 'c1', ms: 5 },
			{ stream: 0, type: 'notes/*', data: '{"action":"create"}', id: '', afterRequest: 0, ms: 12 },
		],
	};

	it('delivers its opening’s events, then a request’s, each after its recorded delay', async () => {
		const cues = new StreamCues([create], streams);
		const stream = replayedStream(cues, 'http://pb.test/api/realtime');
		const heard: string[] = [];
		listen(stream, 'PB_CONNECT', heard);
		listen(stream, 'notes/*', heard);
		await vi.advanceTimersByTimeAsync(4);
		expect(heard).toEqual([]);
		await vi.advanceTimersByTimeAsync(1);
		expect(heard).toEqual(['PB_CONNECT c1 {"clientId":"c1"}']);
		cueEvents(cues, cues.after(create));
		await vi.advanceTimersByTimeAsync(12);
		expect(heard.at(-1)).toBe('notes/*  {"action":"create"}');
		stream.close();
	});

	it('hears only its own recording’s events', async () => {
		const mine = new StreamCues([create], streams);
		const stream = replayedStream(mine, 'http://pb.test/api/realtime');
		const heard: string[] = [];
		listen(stream, 'notes/*', heard);
		const other = new StreamCues([create], streams);
		replayedStream(other, 'http://pb.test/api/realtime').close();
		cueEvents(other, other.after(create));
		await vi.advanceTimersByTimeAsync(20);
		expect(heard).toEqual([]);
		stream.close();
	});

	it('stays silent once closed', async () => {
		const cues = new StreamCues([create], streams);
		const stream = replayedStream(cues, 'http://pb.test/api/realtime');
		const heard: string[] = [];
		listen(stream, 'PB_CONNECT', heard);
		stream.close();
		await vi.advanceTimersByTimeAsync(10);
		expect(heard).toEqual([]);
	});

	it('fails to connect, as a real one would, when the run opened no stream', async () => {
		const stream = replayedStream(new StreamCues([create], undefined), 'http://pb.test/x');
		const onerror = vi.fn();
		stream.onerror = onerror;
		await vi.advanceTimersByTimeAsync(1);
		expect(onerror).toHaveBeenCalledOnce();
	});
});

/**
 * The one `fetch` every live demo's requests to PocketBase go through (the kit's SDK clients
 * and the demos that send a request of their own). Live, it is the browser's fetch. While
 * `npm run record` records a demo's run, it also keeps each request and answer with its timing;
 * while a demo shows a recorded run, it answers each request with the recorded answer after the
 * recorded time, so the demo's own code and view show that run. A client's realtime stream goes
 * the same way (recorded-stream.ts): live, recorded with its events' timings, or played from the
 * recording. The connection's probe does not use it: the status panel always says whether
 * PocketBase really answers.
 */
import type PocketBase from 'pocketbase';
import type { SendOptions } from 'pocketbase';
import {
	recordedPath,
	ReplayQueue,
	timingMarker,
	withCurrentTokens,
	withoutSignatures,
	type RecordedExchange,
} from '~/lib/recorded-run';
import { anchorEvents, type ArrivedEvent, type RecordedStreams } from '~/lib/recorded-streams';
import { simulatedServerHeader } from '~/lib/simulated-server';
import { cueEvents, replayedStream, streamsThrough, watchStream } from './recorded-stream';
import { entryTiming } from './timing';

interface Recorder {
	started: number;
	exchanges: RecordedExchange[];
	/** When each request was sent, unrounded: an event and the request it caused can share a ms. */
	sent: Map<RecordedExchange, number>;
	opened: { path: string; startMs: number }[];
	arrived: ArrivedEvent[];
}

/** One recorded run: its requests and answers, and its realtime streams' events. */
export interface Recording {
	exchanges: RecordedExchange[];
	streams: RecordedStreams;
}

let recorder: Recorder | undefined;
let replay: ReplayQueue | undefined;
/** The recorded timing of each replayed request, by its timing marker, for timing.ts. */
const replayedTimings = new Map<string, Pick<RecordedExchange, 'ms' | 'instrument'>>();

/**
 * The time a replayed request took when it was recorded, and the instrument that measured it
 * (undefined for a live request): the kit's instrument reports that, as it did during the run.
 */
export function takeReplayedTiming(
	marker: string
): Pick<RecordedExchange, 'ms' | 'instrument'> | undefined {
	const timing = replayedTimings.get(marker);
	replayedTimings.delete(marker);
	return timing;
}

/** Fetches as the kit's clients do: live, recorded or replayed. */
export function transportFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
	if (replay) return answerFrom(replay, input, init);
	if (recorder) return recordInto(recorder, input, init);
	return fetch(input, init);
}

/** Opens a realtime stream as the kit's clients do: live, recorded or replayed. */
function openStream(native: typeof EventSource, url: string): EventSource {
	if (replay) return replayedStream(replay.streams, url);
	const source = new native(url);
	if (recorder) recordStream(recorder, source, url);
	return source;
}

/**
 * Sends every request of an SDK client through `transportFetch`, whatever its `beforeSend`
 * (demos set their own), and opens its realtime stream through `openStream`; a demo that passes
 * a fetch of its own calls `transportFetch` in it.
 */
export function viaTransport(client: PocketBase): PocketBase {
	const send = client.send.bind(client);
	client.send = <T>(path: string, options: SendOptions) =>
		send<T>(path, { ...options, fetch: options.fetch ?? transportFetch });
	streamsThrough(client, openStream);
	return client;
}

/** Replays from `queue` from now on (undefined: live again). */
export function replayFrom(queue: ReplayQueue | undefined): void {
	replay = queue;
}

/** Starts keeping every request and answer (for `npm run record`). */
export function startRecording(): void {
	recorder = {
		started: performance.now(),
		exchanges: [],
		sent: new Map(),
		opened: [],
		arrived: [],
	};
}

/**
 * Stops recording and hands over what was kept: the requests in the order they were sent, and
 * each stream event tied to what it followed.
 */
export function stopRecording(): Recording {
	const {
		exchanges = [],
		sent = new Map<RecordedExchange, number>(),
		opened = [],
		arrived = [],
	} = recorder ?? {};
	recorder = undefined;
	const sentAt = (exchange: RecordedExchange) => sent.get(exchange) ?? exchange.startMs;
	exchanges.sort((a, b) => sentAt(a) - sentAt(b));
	const starts = exchanges.map((exchange) => ({ startMs: sentAt(exchange) }));
	const rounded = opened.map(({ path, startMs }) => ({ path, startMs: Math.round(startMs) }));
	return {
		exchanges,
		streams: { opened: rounded, events: anchorEvents(starts, opened, arrived) },
	};
}

/** Keeps the stream's opening and every event it receives while this recording lasts. */
function recordStream(into: Recorder, source: EventSource, url: string) {
	const stream = into.opened.length;
	into.opened.push({ path: recordedPath(url), startMs: performance.now() - into.started });
	watchStream(source, (event) => {
		if (recorder !== into) return;
		into.arrived.push({
			stream,
			type: event.type,
			data: withoutSignatures(event.data),
			id: event.lastEventId,
			atMs: performance.now() - into.started,
		});
	});
}

function urlOf(input: RequestInfo | URL): string {
	return input instanceof Request ? input.url : String(input);
}

/** Whether the simulated server sent it (serverClientFactory marks its requests). */
function fromServer(init: RequestInit | undefined): boolean {
	return new Headers(init?.headers).has(simulatedServerHeader);
}

async function answerFrom(
	queue: ReplayQueue,
	input: RequestInfo | URL,
	init?: RequestInit
): Promise<Response> {
	const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
	const exchange = queue.next(method, urlOf(input), fromServer(init));
	if (!exchange) throw new TypeError(`This recorded run never sent ${method} to that address.`);
	// What followed it on the run's streams follows it now, as long after it is sent.
	cueEvents(queue.streams, queue.streams.after(exchange));
	await delay(exchange.ms, init?.signal ?? undefined);
	const marker = timingMarker(urlOf(input));
	if (marker) replayedTimings.set(marker, { ms: exchange.ms, instrument: exchange.instrument });
	const body = exchange.status === 204 ? null : withCurrentTokens(exchange.body, Date.now() / 1000);
	return new Response(body, { status: exchange.status, headers: exchange.headers });
}

function delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
	return new Promise((resolve, reject) => {
		if (signal?.aborted) return reject(signal.reason as Error);
		const timer = setTimeout(resolve, ms);
		signal?.addEventListener('abort', () => {
			clearTimeout(timer);
			reject(signal.reason as Error);
		});
	});
}

async function recordInto(
	into: Recorder,
	input: RequestInfo | URL,
	init?: RequestInit
): Promise<Response> {
	const url = urlOf(input);
	const sent = performance.now();
	const response = await fetch(input, init);
	const body = await response.clone().text();
	const wallClockMs = performance.now() - sent;
	// The kit's instrument (timing.ts) reads the browser's own timing of the request: keep that.
	const entry = (performance.getEntriesByName(url) as PerformanceResourceTiming[]).at(-1);
	const { ms, instrument } = entryTiming(entry, wallClockMs);
	const headers: Record<string, string> = {};
	response.headers.forEach((value, name) => (headers[name] = value));
	const exchange: RecordedExchange = {
		method: (init?.method ?? 'GET').toUpperCase(),
		...(fromServer(init) ? { server: true as const } : {}),
		path: recordedPath(url),
		...(typeof init?.body === 'string' ? { requestBody: withoutSignatures(init.body) } : {}),
		status: response.status,
		headers,
		body: withoutSignatures(body),
		startMs: Math.round(sent - into.started),
		ms: Math.round(ms * 100) / 100,
		instrument,
	};
	into.exchanges.push(exchange);
	into.sent.set(exchange, sent - into.started);
	return response;
}

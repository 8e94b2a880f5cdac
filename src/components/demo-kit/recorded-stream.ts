/**
 * The realtime half of the kit's transport (recorded-transport.ts): the event stream (SSE) an SDK
 * client opens for realtime goes where its requests go. Live, it is the browser's EventSource;
 * while `npm run record` records a run, every event it receives is kept with its time; while a
 * demo shows a recorded run, a stream that plays the recorded events, each after what it followed
 * (src/lib/recorded-streams.ts).
 */
import type PocketBase from 'pocketbase';
import type { RecordedEvent, StreamCues } from '~/lib/recorded-streams';

/** Opens a stream to `url`; `native` is the browser's own EventSource. */
export type StreamOpener = (native: typeof EventSource, url: string) => EventSource;

/**
 * Makes the client's realtime service open its streams with `open`. The SDK takes no EventSource
 * of ours: it calls the page's global one in `initConnect()`, synchronously, on connecting and on
 * each reconnect. So that call, and only it, sees `open` in the global's place.
 */
export function streamsThrough(client: PocketBase, open: StreamOpener): void {
	const realtime = client.realtime as unknown as { initConnect?: () => void };
	const initConnect = realtime.initConnect?.bind(realtime);
	if (!initConnect) throw new Error('This PocketBase SDK opens its realtime stream another way.');
	realtime.initConnect = () => {
		const native = globalThis.EventSource;
		globalThis.EventSource = function (url: string | URL) {
			return open(native, String(url));
		} as unknown as typeof EventSource;
		try {
			initConnect();
		} finally {
			globalThis.EventSource = native;
		}
	};
}

/**
 * Hands every event `source` receives to `keep`, once per event, whichever of its names the SDK
 * listens to (PB_CONNECT, then each subscription's topic): an event stream has no "any event".
 */
export function watchStream(source: EventSource, keep: (event: MessageEvent<string>) => void) {
	const watched = new Set<string>();
	const add = source.addEventListener.bind(source) as EventTarget['addEventListener'];
	const watching: EventTarget['addEventListener'] = (type, listener, options) => {
		if (!watched.has(type)) {
			watched.add(type);
			add(type, (event) => keep(event as MessageEvent<string>));
		}
		add(type, listener, options);
	};
	source.addEventListener = watching as EventSource['addEventListener'];
}

/** The streams playing each recording now, by the recorded stream each plays. */
const playing = new WeakMap<StreamCues, Map<number, Set<ReplayedStream>>>();

function playingOf(cues: StreamCues): Map<number, Set<ReplayedStream>> {
	const streams = playing.get(cues) ?? new Map<number, Set<ReplayedStream>>();
	playing.set(cues, streams);
	return streams;
}

/** A stream that answers with a recording's events: what the SDK uses of an EventSource. */
class ReplayedStream extends EventTarget {
	readonly url: string;
	readyState: number = 0;
	onerror: ((event: Event) => void) | null = null;
	readonly #same: Set<ReplayedStream> | undefined;

	constructor(url: string, cues: StreamCues, stream: number | undefined) {
		super();
		this.url = url;
		if (stream === undefined) {
			// The run never opened a stream: fail as a stream that cannot connect does.
			setTimeout(() => this.onerror?.(new Event('error')));
			return;
		}
		this.readyState = 1;
		const streams = playingOf(cues);
		this.#same = streams.get(stream) ?? new Set();
		streams.set(stream, this.#same.add(this));
	}

	close() {
		this.readyState = 2;
		this.#same?.delete(this);
	}
}

/** Opens a stream that plays the next of the recording's streams. */
export function replayedStream(cues: StreamCues, url: string): EventSource {
	const opened = cues.opened();
	const stream = new ReplayedStream(url, cues, opened?.stream);
	cueEvents(cues, opened?.events ?? []);
	return stream as unknown as EventSource;
}

/**
 * Delivers each of a recording's events, after its recorded delay from now, to the streams
 * playing its stream of that recording.
 */
export function cueEvents(cues: StreamCues, events: readonly RecordedEvent[]): void {
	for (const event of events) {
		setTimeout(() => {
			for (const stream of playingOf(cues).get(event.stream) ?? []) {
				const message = new MessageEvent(event.type, { data: event.data, lastEventId: event.id });
				stream.dispatchEvent(message);
			}
		}, event.ms);
	}
}

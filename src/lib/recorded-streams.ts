/**
 * A recorded run's realtime streams: the event streams (SSE) the run opened and the events each
 * received. An event is kept with what it followed, its stream's opening or the last request the
 * page sent before it (the create whose event it is), and how long after; a replay then delivers
 * it that long after the same request, so the replayed run keeps the recorded delays even when
 * the reader repeats a step. This module is the pure part: what is kept and which events a
 * replayed stream opening or request brings.
 */
import type { RecordedExchange } from './recorded-run';

/** One event a recorded stream received. */
export interface RecordedEvent {
	/** The stream that received it: the run's streams in the order they were opened, from 0. */
	stream: number;
	/** The event's name: PB_CONNECT, or the subscription's topic (`notes/*`). */
	type: string;
	data: string;
	/** The event's id; PocketBase's PB_CONNECT carries the stream's client id in it. */
	id: string;
	/** The request it followed, by its index in the run's exchanges; absent: its stream's opening. */
	afterRequest?: number;
	/** How long after that it arrived, in ms. */
	ms: number;
}

/** The streams of one recorded run. */
export interface RecordedStreams {
	/** Each stream the run opened, in order: its path, and when, in ms after the run began. */
	opened: { path: string; startMs: number }[];
	events: RecordedEvent[];
}

/** An event as the recorder saw it arrive, in ms after the run began. */
export interface ArrivedEvent {
	stream: number;
	type: string;
	data: string;
	id: string;
	atMs: number;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

/**
 * Ties each arrived event to the last thing the page sent before it: its stream's opening, or a
 * request (`exchanges` in the order they were sent, as the recording keeps them).
 */
export function anchorEvents(
	exchanges: readonly Pick<RecordedExchange, 'startMs'>[],
	opened: readonly { startMs: number }[],
	arrived: readonly ArrivedEvent[]
): RecordedEvent[] {
	return arrived.map(({ atMs, ...event }) => {
		const openedAt = opened[event.stream]?.startMs ?? 0;
		let afterRequest: number | undefined;
		exchanges.forEach(({ startMs }, index) => {
			if (startMs >= openedAt && startMs <= atMs) afterRequest = index;
		});
		const from = afterRequest === undefined ? openedAt : exchanges[afterRequest]!.startMs;
		return {
			...event,
			...(afterRequest === undefined ? {} : { afterRequest }),
			ms: round(Math.max(0, atMs - from)),
		};
	});
}

/**
 * Hands a replay the events of a recording's streams: each stream opened during the replay plays
 * the run's streams in turn (again from the first once every one was played, as a reader may
 * run the demo again), and each replayed request brings the events that followed it.
 */
export class StreamCues {
	readonly #streams: RecordedStreams;
	readonly #index = new Map<RecordedExchange, number>();
	#opened = 0;

	constructor(exchanges: readonly RecordedExchange[], streams: RecordedStreams | undefined) {
		this.#streams = streams ?? { opened: [], events: [] };
		exchanges.forEach((exchange, index) => this.#index.set(exchange, index));
	}

	/**
	 * A stream opened now: the recorded stream it plays and the events that followed that stream's
	 * opening, or undefined when the run opened none.
	 */
	opened(): { stream: number; events: RecordedEvent[] } | undefined {
		const count = this.#streams.opened.length;
		if (count === 0) return undefined;
		const stream = this.#opened++ % count;
		const events = this.#streams.events.filter(
			(event) => event.stream === stream && event.afterRequest === undefined
		);
		return { stream, events };
	}

	/** The events that followed this recorded request (one of the exchanges the cues were made with). */
	after(exchange: RecordedExchange): RecordedEvent[] {
		const index = this.#index.get(exchange);
		if (index === undefined) return [];
		return this.#streams.events.filter((event) => event.afterRequest === index);
	}
}

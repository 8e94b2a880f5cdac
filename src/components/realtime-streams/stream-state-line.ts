/**
 * The line that says what the reader's stream is doing; while it is interrupted, it counts the
 * time since it stopped, twice a second. It keeps the stream's reconnects and when it went down.
 */
import { streamText, type StreamState } from './realtime-streams-view';

export class StreamStateLine {
	#line: HTMLElement;
	#state: StreamState = { kind: 'off' };
	#ticker: ReturnType<typeof setInterval> | undefined;
	#reconnects = 0;
	#down: { ms: number; iso: string } | undefined;

	constructor(line: HTMLElement) {
		this.#line = line;
	}

	get state(): StreamState {
		return this.#state;
	}

	set state(state: StreamState) {
		this.#state = state;
		this.#line.dataset['state'] = state.kind;
		this.#show();
		clearInterval(this.#ticker);
		if (state.kind === 'interrupted') this.#ticker = setInterval(() => this.#show(), 500);
	}

	/** The reader subscribes: afresh, after a lost sign-in too, with no reconnect and no gap. */
	connecting() {
		this.#reconnects = 0;
		this.#down = undefined;
		this.state = { kind: 'connecting' };
	}

	/** The stream stopped while still subscribed; the SDK reconnects by itself. */
	interrupted() {
		this.#down = { ms: performance.now(), iso: new Date().toISOString() };
		this.state = { kind: 'interrupted', sinceMs: this.#down.ms };
	}

	/** PocketBase's PB_CONNECT; on a reconnect, returns since when the stream was down. */
	connected(clientId: string): { ms: number; iso: string } | undefined {
		const down = this.#down;
		if (down) this.#reconnects++;
		this.#down = undefined;
		this.state = { kind: 'connected', clientId, reconnects: this.#reconnects };
		return down;
	}

	#show() {
		this.#line.textContent = streamText(this.#state, performance.now());
	}
}

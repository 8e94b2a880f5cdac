/**
 * The line that says what the reader's stream is doing; while it is interrupted, it counts the
 * time since it stopped, twice a second.
 */
import { streamText, type StreamState } from './realtime-streams-view';

export class StreamStateLine {
	#line: HTMLElement;
	#state: StreamState = { kind: 'off' };
	#ticker: ReturnType<typeof setInterval> | undefined;

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

	#show() {
		this.#line.textContent = streamText(this.#state, performance.now());
	}
}

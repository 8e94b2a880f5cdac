/**
 * The diagram player's clock: a time on a list of hops, running or paused, and what each
 * control asks of it. No DOM and no animation frames: the element feeds it the time that
 * passed, so a test can step it by hand. Which hop is on show at a time is
 * ~/lib/diagram-timeline's arithmetic.
 */
import { frameAt, nextStep, timelineEnd, type Hop } from '~/lib/diagram-timeline';

/** After playing to the end, the last step stays on show this long (playback ms). */
export const holdMs = 1200;
/** The most one step of the clock advances (playback ms), so a background tab skips no step. */
export const maxStepMs = 100;

/** What the player shows depends on this much of the clock. */
export interface PlaybackState {
	readonly hops: readonly Hop[];
	/** The clock, in timeline ms; -1 before anything was played. */
	readonly time: number;
	readonly playing: boolean;
	/** Nothing highlighted: the diagram as drawn (at first, and after playing to the end). */
	readonly overview: boolean;
}

/** What a control asks for. `link`, when there, is the step whose address the page takes. */
export type Move = (
	| { kind: 'pause' }
	| { kind: 'play'; from: number; until?: number }
	| { kind: 'show'; index: number }
) & { link?: number };

/** The hop on show, as an index into the hops; -1 for none (the overview). */
export function currentHop(state: PlaybackState): number {
	return state.overview ? -1 : frameAt(state.hops, state.time).hop;
}

/**
 * What the control `action` (the button's data-action) asks for. Play pauses a running clock,
 * or plays on from where it stands (from the start after the end); Next plays the next hop's
 * trip; Back, and any step with reduced motion, shows the hop arrived at once.
 */
export function planMove(
	action: string,
	state: PlaybackState,
	reducedMotion: boolean
): Move | undefined {
	if (action === 'play') {
		if (state.playing) return { kind: 'pause' };
		const fromStart = state.overview || state.time >= timelineEnd(state.hops);
		return { kind: 'play', from: fromStart ? 0 : state.time };
	}
	if (action === 'restart') {
		return reducedMotion ? { kind: 'show', index: 0 } : { kind: 'play', from: 0 };
	}
	if (action !== 'next' && action !== 'back') return undefined;
	const current = currentHop(state);
	const index = nextStep(current, state.hops.length, action === 'next' ? 1 : -1);
	const hop = state.hops[index];
	if (!hop) return undefined;
	if (action === 'next' && index !== current && !reducedMotion) {
		return { kind: 'play', from: hop.start, until: hop.start + hop.duration, link: hop.message };
	}
	return { kind: 'show', index, link: hop.message };
}

/** The clock itself. A run's promise settles when the run ends or another takes its place. */
export class Playback implements PlaybackState {
	#hops: readonly Hop[] = [];
	/** Playback ms per timeline ms at 1× speed. */
	#scale = 1;
	#time = -1;
	/** Where the clock stops; null while paused. */
	#stopAt: number | null = null;
	#overview = true;
	/** The current run goes to the end (and then back to the overview), not to one hop. */
	#toEnd = false;
	#settle: (() => void) | undefined;
	/** The reader's speed: 0.5, 1 or 2. */
	speed = 1;

	get hops(): readonly Hop[] {
		return this.#hops;
	}
	get time(): number {
		return this.#time;
	}
	get playing(): boolean {
		return this.#stopAt !== null;
	}
	get overview(): boolean {
		return this.#overview;
	}

	/** Puts new hops on the clock, at `scale` playback ms per timeline ms: paused, overview. */
	load(hops: readonly Hop[], scale: number) {
		this.pause();
		this.#settleRun();
		this.#hops = hops;
		this.#scale = scale;
		this.#time = -1;
		this.#overview = true;
	}

	/** Runs from `from` to `until` (by default the end, held a moment, then the overview). */
	play(from: number, until?: number): Promise<void> {
		this.pause();
		this.#settleRun();
		this.#toEnd = until === undefined;
		this.#time = from;
		this.#stopAt = until ?? timelineEnd(this.#hops) + holdMs / this.#scale;
		this.#overview = false;
		return new Promise((resolve) => (this.#settle = resolve));
	}

	/** Stops the clock where it is; says whether it was running. */
	pause(): boolean {
		const wasPlaying = this.playing;
		this.#stopAt = null;
		return wasPlaying;
	}

	/** Shows hop `index` arrived, paused; false if there is no such hop. */
	show(index: number): boolean {
		this.pause();
		const hop = this.#hops[index];
		if (!hop) return false;
		this.#overview = false;
		this.#time = hop.start + hop.duration;
		return true;
	}

	/** Moves the clock on by `elapsedMs` of the page's time; false once it has stopped. */
	advance(elapsedMs: number): boolean {
		const stopAt = this.#stopAt;
		if (stopAt === null) return false;
		this.#time += (Math.min(elapsedMs, maxStepMs) * this.speed) / this.#scale;
		if (this.#time < stopAt) return true;
		this.#time = stopAt;
		this.#stopAt = null;
		if (this.#toEnd) this.#overview = true;
		this.#settleRun();
		return false;
	}

	#settleRun() {
		const settle = this.#settle;
		this.#settle = undefined;
		settle?.();
	}
}

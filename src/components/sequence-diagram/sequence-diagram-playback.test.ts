import { describe, expect, it } from 'vitest';
import { storyGapMs, storyHopMs, storyTimeline, type Hop } from '~/lib/diagram-timeline';
import {
	currentHop,
	holdMs,
	maxStepMs,
	Playback,
	planMove,
	type PlaybackState,
} from './sequence-diagram-playback';

/** Advances the clock in frames of `frameMs` until it stops. */
function runOut(clock: Playback, frameMs = 16) {
	while (clock.advance(frameMs));
}

/** Advances the clock by `ms` of page time, in frames of 20 ms. */
function runFor(clock: Playback, ms: number) {
	for (let left = ms; left > 0; left -= 20) clock.advance(Math.min(20, left));
}

/** A replay of the last two arrows of a four-arrow diagram, so hop and message differ. */
const replay: Hop[] = [
	{ message: 2, start: 0, duration: 10, kind: 'measured' },
	{ message: 3, start: 10, duration: 30, kind: 'modelled' },
];

describe('the playback clock', () => {
	it('starts paused on the overview, before any time', () => {
		const clock = new Playback();
		clock.load(storyTimeline(3), 1);
		expect(clock).toMatchObject({ time: -1, playing: false, overview: true });
		expect(currentHop(clock)).toBe(-1);
	});

	it('plays the story hop by hop, holds the last step, then settles on the overview', async () => {
		const clock = new Playback();
		clock.load(storyTimeline(2), 1);
		let settled = false;
		const played = clock.play(0).then(() => (settled = true));
		expect(clock.playing).toBe(true);
		expect(currentHop(clock)).toBe(0);
		runFor(clock, storyHopMs + storyGapMs - 20);
		expect(currentHop(clock)).toBe(0);
		runFor(clock, 20);
		expect(currentHop(clock)).toBe(1);
		runOut(clock);
		expect(clock.time).toBe(2 * storyHopMs + storyGapMs + holdMs);
		expect(clock).toMatchObject({ playing: false, overview: true });
		await played;
		expect(settled).toBe(true);
	});

	it('never moves more than a short step at once, so a background tab skips no hop', () => {
		const clock = new Playback();
		clock.load(storyTimeline(3), 1);
		void clock.play(0);
		clock.advance(60_000);
		expect(clock.time).toBe(maxStepMs);
		expect(currentHop(clock)).toBe(0);
	});

	it('runs faster at 2× and stretches a short replay by its scale', () => {
		const clock = new Playback();
		clock.load(replay, 100);
		clock.speed = 2;
		void clock.play(0);
		clock.advance(50);
		expect(clock.time).toBe(1);
	});

	it('plays one hop and stays on it, arrived, without going back to the overview', async () => {
		const clock = new Playback();
		clock.load(replay, 1);
		const played = clock.play(10, 40);
		runOut(clock);
		await played;
		expect(clock).toMatchObject({ time: 40, playing: false, overview: false });
		expect(currentHop(clock)).toBe(1);
	});

	it('settles a run another run replaced, and the new one does not start on the overview', async () => {
		const clock = new Playback();
		clock.load(replay, 1);
		const first = clock.play(0);
		clock.advance(5);
		const second = clock.play(0, 10);
		await first;
		expect(clock).toMatchObject({ time: 0, playing: true, overview: false });
		clock.load(storyTimeline(4), 1);
		await second;
		expect(clock).toMatchObject({ time: -1, playing: false, overview: true });
	});

	it('pauses where it is, and says whether it was running', () => {
		const clock = new Playback();
		clock.load(replay, 1);
		expect(clock.pause()).toBe(false);
		void clock.play(0);
		clock.advance(12);
		expect(clock.pause()).toBe(true);
		expect(clock.advance(12)).toBe(false);
		expect(clock).toMatchObject({ time: 12, playing: false, overview: false });
	});

	it('shows a hop arrived, paused; a hop that is not there changes nothing', () => {
		const clock = new Playback();
		clock.load(replay, 1);
		void clock.play(0);
		expect(clock.show(1)).toBe(true);
		expect(clock).toMatchObject({ time: 40, playing: false, overview: false });
		expect(clock.show(5)).toBe(false);
		expect(clock.time).toBe(40);
	});
});

function state(partial: Partial<PlaybackState>): PlaybackState {
	return { hops: replay, time: -1, playing: false, overview: true, ...partial };
}

describe('what a control asks of the clock', () => {
	it('Play pauses a running clock, and otherwise plays on from where it stands', () => {
		expect(planMove('play', state({ playing: true, overview: false, time: 5 }), false)).toEqual({
			kind: 'pause',
		});
		expect(planMove('play', state({ overview: false, time: 5 }), false)).toEqual({
			kind: 'play',
			from: 5,
		});
	});

	it('Play starts over from the overview, or once the replay has ended', () => {
		expect(planMove('play', state({ time: 40 }), false)).toEqual({ kind: 'play', from: 0 });
		expect(planMove('play', state({ overview: false, time: 40 }), false)).toEqual({
			kind: 'play',
			from: 0,
		});
	});

	it('Restart plays from the start, or with reduced motion shows the first hop at once', () => {
		expect(planMove('restart', state({}), false)).toEqual({ kind: 'play', from: 0 });
		expect(planMove('restart', state({}), true)).toEqual({ kind: 'show', index: 0 });
	});

	it('Next plays the next hop’s trip and links to its arrow', () => {
		expect(planMove('next', state({}), false)).toEqual({
			kind: 'play',
			from: 0,
			until: 10,
			link: 2,
		});
		expect(planMove('next', state({ overview: false, time: 5 }), false)).toEqual({
			kind: 'play',
			from: 10,
			until: 40,
			link: 3,
		});
	});

	it('Next with reduced motion, or on the last hop, shows the hop at once', () => {
		expect(planMove('next', state({}), true)).toEqual({ kind: 'show', index: 0, link: 2 });
		expect(planMove('next', state({ overview: false, time: 40 }), false)).toEqual({
			kind: 'show',
			index: 1,
			link: 3,
		});
	});

	it('Back shows the hop before at once; from the overview, the last one', () => {
		expect(planMove('back', state({ overview: false, time: 20 }), false)).toEqual({
			kind: 'show',
			index: 0,
			link: 2,
		});
		expect(planMove('back', state({}), false)).toEqual({ kind: 'show', index: 1, link: 3 });
	});

	it('asks nothing for another button, or of a clock without hops', () => {
		expect(planMove('copy-link', state({}), false)).toBeUndefined();
		expect(planMove('next', state({ hops: [] }), false)).toBeUndefined();
	});
});

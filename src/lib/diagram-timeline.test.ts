import { describe, expect, it } from 'vitest';
import {
	clampStep,
	describeStep,
	formatMs,
	frameAt,
	hopLabel,
	nextStep,
	parseStepFragment,
	playbackScale,
	replayMaxMs,
	replayMinMs,
	stepFragment,
	storyTimeline,
	timelineEnd,
	validateTimeline,
} from './diagram-timeline';

describe('storyTimeline', () => {
	it('plays the messages one after another with a pause between', () => {
		const hops = storyTimeline(3, 900, 500);
		expect(hops.map((h) => [h.message, h.start, h.duration])).toEqual([
			[0, 0, 900],
			[1, 1400, 900],
			[2, 2800, 900],
		]);
		expect(timelineEnd(hops)).toBe(3700);
		expect(hops.every((h) => h.kind === undefined)).toBe(true);
	});
});

describe('clampStep and nextStep', () => {
	it('keeps steps inside the diagram', () => {
		expect(clampStep(-3, 4)).toBe(0);
		expect(clampStep(9, 4)).toBe(3);
		expect(clampStep(2.7, 4)).toBe(2);
		expect(clampStep(0, 0)).toBe(-1);
	});

	it('steps forward and back, stopping at the ends', () => {
		expect(nextStep(0, 4, 1)).toBe(1);
		expect(nextStep(3, 4, 1)).toBe(3);
		expect(nextStep(0, 4, -1)).toBe(0);
		expect(nextStep(2, 4, -1)).toBe(1);
	});

	it('enters from "no step" at the first step going forward and the last going back', () => {
		expect(nextStep(-1, 4, 1)).toBe(0);
		expect(nextStep(-1, 4, -1)).toBe(3);
	});
});

describe('step fragments', () => {
	it('round-trips a 1-based step link to a 0-based step', () => {
		expect(stepFragment('direct-flow', 2)).toBe('#direct-flow/step-3');
		expect(parseStepFragment('#direct-flow/step-3', 'direct-flow', 4)).toEqual({ step: 2 });
	});

	it('recognises a link to the diagram itself', () => {
		expect(parseStepFragment('#direct-flow', 'direct-flow', 4)).toEqual({ step: null });
	});

	it('clamps steps past either end', () => {
		expect(parseStepFragment('#proxy-flow/step-99', 'proxy-flow', 4)).toEqual({ step: 3 });
		expect(parseStepFragment('#proxy-flow/step-0', 'proxy-flow', 4)).toEqual({ step: 0 });
	});

	it('ignores other diagrams, other anchors and garbage', () => {
		expect(parseStepFragment('#proxy-flow/step-2', 'direct-flow', 4)).toBeNull();
		expect(parseStepFragment('#direct-flow-2/step-2', 'direct-flow', 4)).toBeNull();
		expect(parseStepFragment('#direct-flow/step-x', 'direct-flow', 4)).toBeNull();
		expect(parseStepFragment('#overview', 'direct-flow', 4)).toBeNull();
		expect(parseStepFragment('', 'direct-flow', 4)).toBeNull();
		expect(parseStepFragment('#%E0%A4%A', 'direct-flow', 4)).toBeNull();
	});

	it('accepts a percent-encoded slash', () => {
		expect(parseStepFragment('#direct-flow%2Fstep-2', 'direct-flow', 4)).toEqual({ step: 1 });
	});
});

describe('validateTimeline', () => {
	it('sorts entries by start and shifts them so the first starts at 0', () => {
		const timeline = validateTimeline(
			[
				{ message: 1, start: 140, duration: 20, kind: 'measured' },
				{ message: 0, start: 100, duration: 40, kind: 'modelled', label: 'to the server' },
			],
			4
		);
		expect(timeline).toEqual([
			{ message: 0, start: 0, duration: 40, kind: 'modelled', label: 'to the server' },
			{ message: 1, start: 40, duration: 20, kind: 'measured' },
		]);
	});

	it.each([
		[[], /non-empty array/],
		['nope', /non-empty array/],
		[
			[{ message: 4, start: 0, duration: 1, kind: 'measured' }],
			/entry 0: message must be an integer from 0 to 3/,
		],
		[[{ message: 0.5, start: 0, duration: 1, kind: 'measured' }], /message must be an integer/],
		[[{ message: 0, start: Number.NaN, duration: 1, kind: 'measured' }], /start must be/],
		[[{ message: 0, start: 0, duration: -1, kind: 'measured' }], /duration must be/],
		[[{ message: 0, start: 0, duration: 1, kind: 'guessed' }], /kind must be/],
		[[{ message: 0, start: 0, duration: 1, kind: 'modelled', label: 3 }], /label must be a string/],
		[[null], /entry 0: message/],
	])('rejects %j', (timeline, message) => {
		expect(() => validateTimeline(timeline, 4)).toThrow(message);
	});
});

describe('playbackScale', () => {
	it('stretches a fast request to the minimum replay length, keeping proportions', () => {
		const scale = playbackScale(150);
		expect(150 * scale).toBeCloseTo(replayMinMs);
		// A 30 ms hop and a 120 ms hop stay 1:4 after scaling.
		expect((120 * scale) / (30 * scale)).toBeCloseTo(4);
	});

	it('plays a request of a watchable length in real time', () => {
		expect(playbackScale(5000)).toBe(1);
	});

	it('squeezes a very slow request to the maximum length', () => {
		expect(60_000 * playbackScale(60_000)).toBeCloseTo(replayMaxMs);
	});

	it('does not divide by zero', () => {
		expect(playbackScale(0)).toBe(1);
	});
});

describe('frameAt', () => {
	const hops = storyTimeline(3, 1000, 0);

	it('has nothing on show before the first hop', () => {
		expect(frameAt(hops, -1)).toEqual({ hop: -1, progress: 0 });
	});

	it('reports the hop under way and how far its packet has gone', () => {
		expect(frameAt(hops, 0)).toEqual({ hop: 0, progress: 0 });
		expect(frameAt(hops, 1250)).toEqual({ hop: 1, progress: 0.25 });
	});

	it('keeps the last hop, arrived, after the end', () => {
		expect(frameAt(hops, 99_999)).toEqual({ hop: 2, progress: 1 });
	});

	it('shows the latest started hop when hops overlap, and treats a 0 ms hop as arrived', () => {
		const overlapping = [
			{ message: 0, start: 0, duration: 100 },
			{ message: 1, start: 20, duration: 0 },
		];
		expect(frameAt(overlapping, 30)).toEqual({ hop: 1, progress: 1 });
	});
});

describe('labels', () => {
	it('formats times for people', () => {
		expect(formatMs(0.84)).toBe('0.8 ms');
		expect(formatMs(42.4)).toBe('42 ms');
		expect(formatMs(1250)).toBe('1.25 s');
	});

	it('says how long a hop took and whether it was measured or modelled', () => {
		expect(hopLabel({ message: 0, start: 0, duration: 42.4, kind: 'measured' })).toBe(
			'42 ms, measured'
		);
		expect(
			hopLabel({ message: 0, start: 0, duration: 250, kind: 'modelled', label: 'cold start' })
		).toBe('cold start: 250 ms, modelled');
		expect(hopLabel({ message: 0, start: 0, duration: 250 })).toBe('');
	});

	it('describes a step for the live region', () => {
		const step = { from: 'Browser', to: 'PocketBase', text: 'GET /api/demo/whoami' };
		expect(describeStep(step, 0, 2)).toBe(
			'Step 1 of 2: Browser → PocketBase: GET /api/demo/whoami'
		);
		expect(describeStep(step, 0, 2, { message: 0, start: 0, duration: 12, kind: 'measured' })).toBe(
			'Step 1 of 2: Browser → PocketBase: GET /api/demo/whoami (12 ms, measured)'
		);
	});
});

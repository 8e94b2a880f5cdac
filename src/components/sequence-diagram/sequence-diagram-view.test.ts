import { describe, expect, it } from 'vitest';
import { storyTimeline, type Hop, type StepText } from '~/lib/diagram-timeline';
import type { PlaybackState } from './sequence-diagram-playback';
import { diagramView, readStep } from './sequence-diagram-view';

const steps: StepText[] = [
	{ from: 'Browser', to: 'App server', text: 'GET /whoami' },
	{ from: 'App server', to: 'PocketBase', text: 'GET /api/demo/whoami' },
	{ from: 'PocketBase', to: 'App server', text: '200: what PocketBase saw' },
	{ from: 'App server', to: 'Browser', text: "200: the server's answer" },
];

const replay: Hop[] = [
	{ message: 0, start: 0, duration: 40, kind: 'modelled', label: 'to the server' },
	{ message: 1, start: 43, duration: 6, kind: 'measured' },
	{ message: 2, start: 49, duration: 6, kind: 'measured' },
	{ message: 3, start: 58, duration: 40, kind: 'modelled' },
];

function at(time: number, partial: Partial<PlaybackState> = {}): PlaybackState {
	return { hops: replay, time, playing: true, overview: false, ...partial };
}

describe('the diagram at a moment', () => {
	it('before anything played: the diagram as drawn, nothing said, Play offered', () => {
		const view = diagramView(at(-1, { playing: false, overview: true }), steps, false);
		expect(view).toMatchObject({
			playWord: 'Play',
			hop: -1,
			active: undefined,
			packet: undefined,
			caption: '',
		});
		expect([...view.past]).toEqual([]);
		expect(view.labelled).toEqual([false, false, false, false]);
	});

	it('mid-hop: that arrow lit, the earlier ones passed, its packet part of the way', () => {
		const view = diagramView(at(46), steps, false);
		expect(view.playWord).toBe('Pause');
		expect(view.hop).toBe(1);
		expect(view.active).toBe(1);
		expect([...view.past]).toEqual([0]);
		expect(view.packet).toEqual({ message: 1, progress: 0.5, kind: 'measured' });
		expect(view.labelled).toEqual([true, true, false, false]);
		expect(view.caption).toBe(
			'Step 2 of 4: App server → PocketBase: GET /api/demo/whoami (6.0 ms, measured)'
		);
	});

	it('says a hop’s own label with its time', () => {
		expect(diagramView(at(10), steps, false).caption).toBe(
			'Step 1 of 4: Browser → App server: GET /whoami (to the server: 40 ms, modelled)'
		);
	});

	it('keeps the packet home once it has arrived, and always with reduced motion', () => {
		expect(diagramView(at(56), steps, false).packet).toBeUndefined();
		expect(diagramView(at(46), steps, true).packet).toBeUndefined();
		expect(diagramView(at(46), steps, true).active).toBe(1);
	});

	it('says a story step without a time', () => {
		const view = diagramView(at(100, { hops: storyTimeline(4) }), steps, false);
		expect(view.caption).toBe('Step 1 of 4: Browser → App server: GET /whoami');
		expect(view.packet).toMatchObject({ message: 0, kind: '' });
	});

	it('after playing to the end: the diagram as drawn, every label up, and says so', () => {
		const view = diagramView(at(200, { playing: false, overview: true }), steps, false);
		expect(view).toMatchObject({ active: undefined, hop: -1, packet: undefined });
		expect(view.labelled).toEqual([true, true, true, true]);
		expect(view.caption).toBe('Played all 4 steps.');
	});
});

describe('a step read from its list item', () => {
	it('splits sender, receiver and message, folding the markup’s white space', () => {
		expect(readStep('\n  App server → PocketBase:\n   GET /api/demo/whoami  ')).toEqual({
			from: 'App server',
			to: 'PocketBase',
			text: 'GET /api/demo/whoami',
		});
	});

	it('keeps a colon inside the message', () => {
		expect(readStep('PocketBase → Browser: 200: notes').text).toBe('200: notes');
	});

	it('gives empty parts for text that is not a step', () => {
		expect(readStep('not a step')).toEqual({ from: '', to: '', text: '' });
	});
});

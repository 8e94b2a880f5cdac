import { describe, expect, it } from 'vitest';
import { loadRenderedDiagram } from '../../scripts/diagram-cache';
import {
	directReplay,
	findDiagram,
	MissingArrowError,
	proxyReplay,
	resolveArrows,
	type ArrowEntry,
} from './diagram-replay';
import { validateTimeline, type TimelineEntry } from './diagram-timeline';

/** The arrows of a committed diagram, as its player lists them. */
const arrowsOf = (id: string) => loadRenderedDiagram(id).meta.steps;

const entry = (arrow: string, start = 0): ArrowEntry => ({
	arrow,
	start,
	duration: 1,
	kind: 'measured',
});

describe('diagram replays', () => {
	it('split a measured round trip into the direct flow’s two arrows', () => {
		const timeline = resolveArrows('direct-flow', arrowsOf('direct-flow'), directReplay(30));
		expect(timeline.map((e) => [e.message, e.start, e.duration, e.kind])).toEqual([
			[0, 0, 15, 'measured'],
			[1, 15, 15, 'measured'],
		]);
		expect(validateTimeline(timeline, 2)).toHaveLength(2);
	});

	it('put the modelled hop on the browser–server arrows and the real call in the middle', () => {
		const timeline = resolveArrows('proxy-flow', arrowsOf('proxy-flow'), proxyReplay(180, 20));
		expect(timeline.map((e) => [e.message, e.start, e.duration, e.kind])).toEqual([
			[0, 0, 90, 'modelled'],
			[1, 90, 10, 'measured'],
			[2, 100, 10, 'measured'],
			[3, 110, 90, 'modelled'],
		]);
		const end = timeline.at(-1)!;
		expect(end.start + end.duration).toBe(200);
		expect(validateTimeline(timeline, 4)).toHaveLength(4);
	});
});

describe('arrows named by their text', () => {
	// Spaces count once: a `<br/>` in the source is one space in the rendered text.
	const arrows = [
		{ text: 'GET /notes' },
		{ text: '200:  notes' },
		{ text: 'GET  /notes' },
		{ text: '200: notes' },
	];

	it('stay on their arrows when the diagram gains one before them', () => {
		const named = [entry('GET /notes'), entry('200: notes', 1)];
		expect(resolveArrows('d', arrows, named).map((e) => e.message)).toEqual([0, 1]);
		const grown = [{ text: 'a new first arrow' }, ...arrows];
		expect(resolveArrows('d', grown, named).map((e) => e.message)).toEqual([1, 2]);
	});

	it('take repeated arrows in the order they happen', () => {
		const named = ['GET /notes', '200: notes', 'GET /notes', '200: notes'].map((a) => entry(a));
		expect(resolveArrows('d', arrows, named).map((e) => e.message)).toEqual([0, 1, 2, 3]);
	});

	it('fail loudly, naming the diagram and the arrow, when one is missing', () => {
		expect(() => resolveArrows('d', arrows, [entry('DELETE /notes')])).toThrow(MissingArrowError);
		expect(() => resolveArrows('d', arrows, [entry('DELETE /notes')])).toThrow(
			/Diagram "d" has no arrow “DELETE \/notes”; its arrows are: “GET \/notes”/
		);
		const thrice = ['GET /notes', 'GET /notes', 'GET /notes'].map((a) => entry(a));
		expect(() => resolveArrows('d', arrows, thrice)).toThrow(/no further arrow “GET \/notes”/);
	});
});

describe('findDiagram', () => {
	const player = () => {
		const played: (readonly TimelineEntry[])[] = [];
		return {
			played,
			arrows: [
				{ from: 'B', to: 'PB', text: 'GET' },
				{ from: 'PB', to: 'B', text: '200' },
			],
			replay: (timeline: readonly TimelineEntry[]) => {
				played.push(timeline);
				return Promise.resolve();
			},
		};
	};

	it('finds only diagrams whose player has loaded', () => {
		const a = player();
		const root = {
			getElementById: (id: string) => (id === 'a' ? a : id === 'b' ? {} : null),
		};
		expect(findDiagram(root, 'a')).toBeDefined();
		expect(findDiagram(root, 'b')).toBeUndefined();
		expect(findDiagram(root, 'c')).toBeUndefined();
	});

	it('replays by name, and rejects a replay naming an arrow the diagram lacks', async () => {
		const a = player();
		const diagram = findDiagram({ getElementById: () => a }, 'a')!;
		await diagram.replay([entry('200', 5), entry('GET')]);
		expect(a.played[0]!.map((e) => [e.message, e.start])).toEqual([
			[1, 5],
			[0, 0],
		]);
		await expect(diagram.replay([entry('404')])).rejects.toThrow(MissingArrowError);
		expect(a.played).toHaveLength(1);
	});
});

import { describe, expect, it } from 'vitest';
import { directReplay, findDiagram, proxyReplay } from './diagram-replay';
import { validateTimeline } from './diagram-timeline';

describe('diagram replays', () => {
	it('split a measured round trip into its two arrows', () => {
		const timeline = directReplay(30);
		expect(timeline.map((e) => [e.message, e.start, e.duration, e.kind])).toEqual([
			[0, 0, 15, 'measured'],
			[1, 15, 15, 'measured'],
		]);
		expect(validateTimeline(timeline, 2)).toHaveLength(2);
	});

	it('put the modelled hop on the browser–server arrows and the real call in the middle', () => {
		const timeline = proxyReplay(180, 20);
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

	it('finds only diagrams that can replay', () => {
		const replay = () => Promise.resolve();
		const root = {
			getElementById: (id: string) => (id === 'a' ? { replay } : id === 'b' ? {} : null),
		};
		expect(findDiagram(root, 'a')).toBeDefined();
		expect(findDiagram(root, 'b')).toBeUndefined();
		expect(findDiagram(root, 'c')).toBeUndefined();
	});
});

/**
 * Turns a demo's timings into replays for the direct-flow and proxy-flow diagrams. A measured
 * round trip is one number, so each arrow of it gets half (said in its label); the proxy's
 * modelled hop is split the same way between the trip to the server and the trip back.
 */
import type { TimelineEntry } from './diagram-timeline';

/** direct-flow: 0 Browser → PocketBase, 1 PocketBase → Browser. */
export function directReplay(measuredMs: number): TimelineEntry[] {
	const half = measuredMs / 2;
	return [
		{ message: 0, start: 0, duration: half, kind: 'measured', label: 'half the round trip' },
		{ message: 1, start: half, duration: half, kind: 'measured', label: 'half the round trip' },
	];
}

/**
 * proxy-flow: 0 Browser → server, 1 server → PocketBase, 2 PocketBase → server,
 * 3 server → Browser.
 */
export function proxyReplay(modelledMs: number, measuredMs: number): TimelineEntry[] {
	const hop = Math.max(0, modelledMs) / 2;
	const call = measuredMs / 2;
	return [
		{ message: 0, start: 0, duration: hop, kind: 'modelled', label: 'half the server hop' },
		{ message: 1, start: hop, duration: call, kind: 'measured', label: 'half the real call' },
		{
			message: 2,
			start: hop + call,
			duration: call,
			kind: 'measured',
			label: 'half the real call',
		},
		{
			message: 3,
			start: hop + 2 * call,
			duration: hop,
			kind: 'modelled',
			label: 'half the server hop',
		},
	];
}

interface Replayable {
	replay(timeline: readonly TimelineEntry[]): Promise<void>;
}

/** The page's diagram with this id, if it is there and its player has loaded. */
export function findDiagram(
	root: { getElementById(id: string): unknown },
	id: string
): Replayable | undefined {
	const element = root.getElementById(id) as Partial<Replayable> | null;
	return element && typeof element.replay === 'function' ? (element as Replayable) : undefined;
}

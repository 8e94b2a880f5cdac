/**
 * Turns a demo's timings into replays of the page's request-flow diagrams. A replay names each
 * arrow by what it says in the diagram (its text in src/diagrams/<id>.mmd, `<br/>` read as a
 * space), never by its position, so adding an arrow to a diagram cannot shift a replay onto
 * the wrong ones; an arrow a replay names that the diagram lacks is an error, not a guess.
 *
 * A measured round trip is one number, so each arrow of it gets half (said in its label); the
 * proxy's modelled hop is split the same way between the trip to the server and the trip back.
 */
import type { StepText, TimelineEntry } from './diagram-timeline';

/** One arrow of a replay, named by its text in the diagram. */
export interface ArrowEntry extends Omit<TimelineEntry, 'message'> {
	arrow: string;
}

/** A replay names an arrow the diagram does not have. */
export class MissingArrowError extends Error {
	override name = 'MissingArrowError';
}

const words = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Finds each named arrow among the diagram's arrows (in the diagram's order). Two arrows may
 * say the same thing (two answers “200: Alice's notes”): each name takes the first one no
 * earlier entry took, so a replay names repeated arrows in the order they happen. Throws a
 * `MissingArrowError` naming the diagram and the arrow when one is not there.
 */
export function resolveArrows(
	diagram: string,
	arrows: readonly Pick<StepText, 'text'>[],
	entries: readonly ArrowEntry[]
): TimelineEntry[] {
	const used = new Set<number>();
	return entries.map(({ arrow, ...timing }) => {
		const name = words(arrow);
		const message = arrows.findIndex((step, i) => !used.has(i) && words(step.text) === name);
		if (message < 0) {
			const again = arrows.some((step) => words(step.text) === name);
			throw new MissingArrowError(
				`Diagram "${diagram}" has no ${again ? 'further ' : ''}arrow “${name}”; its arrows are: ${arrows.map((step) => `“${words(step.text)}”`).join(', ')}.`
			);
		}
		used.add(message);
		return { message, ...timing };
	});
}

/** direct-flow: the browser's request to PocketBase and its answer. */
export function directReplay(measuredMs: number): ArrowEntry[] {
	const half = measuredMs / 2;
	const label = 'half the round trip';
	return [
		{
			arrow: 'GET /api/demo/whoami + your auth token',
			start: 0,
			duration: half,
			kind: 'measured',
			label,
		},
		{ arrow: '200: what PocketBase saw', start: half, duration: half, kind: 'measured', label },
	];
}

/** proxy-flow: browser to server, server to PocketBase, and the two answers back. */
export function proxyReplay(modelledMs: number, measuredMs: number): ArrowEntry[] {
	const hop = Math.max(0, modelledMs) / 2;
	const call = measuredMs / 2;
	const hopLabel = 'half the server hop';
	const callLabel = 'half the real call';
	return [
		{
			arrow: 'GET /whoami + session cookie',
			start: 0,
			duration: hop,
			kind: 'modelled',
			label: hopLabel,
		},
		{
			arrow: 'GET /api/demo/whoami + forwarded token, if any',
			start: hop,
			duration: call,
			kind: 'measured',
			label: callLabel,
		},
		{
			arrow: '200: what PocketBase saw',
			start: hop + call,
			duration: call,
			kind: 'measured',
			label: callLabel,
		},
		{
			arrow: "200: the server's answer",
			start: hop + 2 * call,
			duration: hop,
			kind: 'modelled',
			label: hopLabel,
		},
	];
}

/** What a demo needs of a `<sequence-diagram>`: its arrows' text, and replaying by index. */
interface DiagramElement {
	arrows: readonly StepText[];
	replay(timeline: readonly TimelineEntry[]): Promise<void>;
}

/** A page's diagram, replayed by the names of its arrows. */
export interface NamedReplay {
	/** Rejects with a `MissingArrowError` when the diagram lacks an arrow the replay names. */
	replay(entries: readonly ArrowEntry[]): Promise<void>;
}

/** The page's diagram with this id, if it is there and its player has loaded. */
export function findDiagram(
	root: { getElementById(id: string): unknown },
	id: string
): NamedReplay | undefined {
	const element = root.getElementById(id) as Partial<DiagramElement> | null;
	if (!element || typeof element.replay !== 'function' || !Array.isArray(element.arrows)) {
		return undefined;
	}
	const diagram = element as DiagramElement;
	return {
		replay: async (entries) => diagram.replay(resolveArrows(id, diagram.arrows, entries)),
	};
}

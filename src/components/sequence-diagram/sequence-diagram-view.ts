/**
 * What the diagram player shows at a moment of its clock: which message is lit and which ones
 * were already passed, where the packet is, which hop labels are up, what the live region says
 * and what the play button reads. Pure: the element paints it.
 */
import { describeStep, frameAt, type StepText } from '~/lib/diagram-timeline';
import type { PlaybackState } from './sequence-diagram-playback';

export interface DiagramView {
	playing: boolean;
	/** The play button's word. */
	playWord: 'Play' | 'Pause';
	/** The hop on show, as an index into the hops; -1 for none. */
	hop: number;
	/** The message (0-based arrow) lit up; undefined shows the diagram as drawn. */
	active: number | undefined;
	/** Messages already played before the lit one, drawn less faded than those to come. */
	past: ReadonlySet<number>;
	/** The packet on its way along message `message`, `progress` (0…1) of the way; or none. */
	packet: { message: number; progress: number; kind: string } | undefined;
	/** For each hop, whether its time label is up (it has started). */
	labelled: readonly boolean[];
	/** What the live region says. */
	caption: string;
}

/** The view at the clock's time. The packet stays home with reduced motion. */
export function diagramView(
	state: PlaybackState,
	steps: readonly StepText[],
	reducedMotion: boolean
): DiagramView {
	const { hops, time, playing } = state;
	const frame = state.overview ? { hop: -1, progress: 1 } : frameAt(hops, time);
	const hop = hops[frame.hop];
	const step = hop && steps[hop.message];
	return {
		playing,
		playWord: playing ? 'Pause' : 'Play',
		hop: frame.hop,
		active: hop?.message,
		past: new Set(hops.slice(0, Math.max(0, frame.hop)).map((h) => h.message)),
		packet:
			hop && frame.progress < 1 && !reducedMotion
				? { message: hop.message, progress: frame.progress, kind: hop.kind ?? '' }
				: undefined,
		labelled: hops.map((h) => h.start <= time),
		caption: step
			? describeStep(step, hop.message, steps.length, hop.kind ? hop : undefined)
			: time > 0
				? `Played all ${steps.length} steps.`
				: '',
	};
}

/** A step as its list item says it, "Browser → App server: GET /whoami", white space folded. */
export function readStep(words: string): StepText {
	const folded = words.replace(/\s+/g, ' ').trim();
	const [, from = '', to = '', text = ''] = /^(.*?) → (.*?): (.*)$/.exec(folded) ?? [];
	return { from, to, text };
}

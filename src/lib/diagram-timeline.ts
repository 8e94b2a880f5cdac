/**
 * The arithmetic behind the sequence-diagram player: which message is active at a moment of
 * playback, how far its packet has travelled, how a demo's real timings are stretched into a
 * watchable replay, and how `#<diagram>/step-<n>` links map to steps. No DOM here.
 *
 * Times in a timeline are in milliseconds of the real (or modelled) request; the player turns
 * them into playback time with `playbackScale`.
 */

export type HopKind = 'measured' | 'modelled';

/** One message of a diagram, as a demo saw it happen. What `replay(timeline)` accepts. */
export interface TimelineEntry {
	/** 0-based index of the message in the diagram (the N-th arrow, top to bottom). */
	message: number;
	/** When the message left, in ms from the start of the request. */
	start: number;
	/** How long it took to arrive, in ms. */
	duration: number;
	kind: HopKind;
	/** Optional words before the time, e.g. "cold start". */
	label?: string;
}

/** A hop the player plays: a timeline entry, or a step of the diagram's own story (no kind). */
export interface Hop {
	message: number;
	start: number;
	duration: number;
	kind?: HopKind;
	label?: string;
}

/** What a demo can call on a `<sequence-diagram>` element. */
export interface SequenceDiagramApi {
	/** The diagram's arrows in order, so a replay can name them (`resolveArrows`). */
	readonly arrows: readonly StepText[];
	/** Replays the timeline to scale, labelling each hop; resolves when the replay ends. */
	replay(timeline: readonly TimelineEntry[]): Promise<void>;
}

/** Playback of the diagram's own story: how long a packet travels, and the pause after it. */
export const storyHopMs = 900;
export const storyGapMs = 500;

/** Replays are stretched (or squeezed) to last between these, at 1× speed. */
export const replayMinMs = 3000;
export const replayMaxMs = 12000;

/** The diagram's messages one after another, each `hopMs` long with `gapMs` between. */
export function storyTimeline(messageCount: number, hopMs = storyHopMs, gapMs = storyGapMs): Hop[] {
	return Array.from({ length: Math.max(0, messageCount) }, (_, message) => ({
		message,
		start: message * (hopMs + gapMs),
		duration: hopMs,
	}));
}

/** When the last hop arrives. */
export function timelineEnd(hops: readonly Hop[]): number {
	return hops.reduce((end, hop) => Math.max(end, hop.start + hop.duration), 0);
}

/**
 * Checks a demo's timeline against a diagram with `messageCount` messages. Returns a copy
 * sorted by start and shifted so the first hop starts at 0; throws a TypeError naming the
 * first bad entry.
 */
export function validateTimeline(timeline: unknown, messageCount: number): TimelineEntry[] {
	if (!Array.isArray(timeline) || timeline.length === 0) {
		throw new TypeError('A timeline is a non-empty array of { message, start, duration, kind }.');
	}
	const entries = timeline.map((entry: unknown, i): TimelineEntry => {
		const e = (entry ?? {}) as Record<string, unknown>;
		const { message, start, duration, kind, label } = e;
		const problem =
			typeof message !== 'number' ||
			!Number.isInteger(message) ||
			message < 0 ||
			message >= messageCount
				? `message must be an integer from 0 to ${messageCount - 1}`
				: typeof start !== 'number' || !Number.isFinite(start)
					? 'start must be a finite number of ms'
					: typeof duration !== 'number' || !Number.isFinite(duration) || duration < 0
						? 'duration must be a finite, non-negative number of ms'
						: kind !== 'measured' && kind !== 'modelled'
							? 'kind must be "measured" or "modelled"'
							: label !== undefined && typeof label !== 'string'
								? 'label must be a string'
								: '';
		if (problem) throw new TypeError(`Timeline entry ${i}: ${problem}.`);
		const valid: TimelineEntry = {
			message: message as number,
			start: start as number,
			duration: duration as number,
			kind: kind as HopKind,
		};
		if (typeof label === 'string') valid.label = label;
		return valid;
	});
	const first = Math.min(...entries.map((e) => e.start));
	return entries
		.map((e) => ({ ...e, start: e.start - first }))
		.sort((a, b) => a.start - b.start || a.message - b.message);
}

/**
 * Playback ms per timeline ms at 1× speed. Proportions are kept (the replay is to scale);
 * only the whole is stretched to at least `replayMinMs` or squeezed to at most `replayMaxMs`.
 */
export function playbackScale(totalMs: number, minMs = replayMinMs, maxMs = replayMaxMs): number {
	if (!(totalMs > 0)) return 1;
	return Math.min(Math.max(totalMs, minMs), maxMs) / totalMs;
}

export interface Frame {
	/** Index into the hops of the hop on show (the latest one that has started), or -1. */
	hop: number;
	/** 0 when its packet leaves, 1 when it has arrived. */
	progress: number;
}

/** What is on show at timeline time `t`. Hops must be sorted by start. */
export function frameAt(hops: readonly Hop[], t: number): Frame {
	let hop = -1;
	for (let i = 0; i < hops.length; i++) if ((hops[i]?.start ?? Infinity) <= t) hop = i;
	const current = hops[hop];
	if (!current) return { hop: -1, progress: 0 };
	const progress = current.duration > 0 ? (t - current.start) / current.duration : 1;
	return { hop, progress: Math.min(1, Math.max(0, progress)) };
}

/** A step index kept inside 0…count-1 (or -1, "no step", when there are none). */
export function clampStep(step: number, count: number): number {
	if (count <= 0) return -1;
	return Math.min(count - 1, Math.max(0, Math.trunc(step)));
}

/** The step after (or before) `step`. From "no step" (-1), forward is the first, back the last. */
export function nextStep(step: number, count: number, direction: 1 | -1): number {
	if (count <= 0) return -1;
	if (step < 0) return direction === 1 ? 0 : count - 1;
	return clampStep(step + direction, count);
}

/** The fragment that opens step `step` (0-based) of diagram `id`: `#id/step-<step+1>`. */
export function stepFragment(id: string, step: number): string {
	return `#${id}/step-${step + 1}`;
}

/**
 * Reads a location hash. `null` if it is not about diagram `id`; `{ step: null }` for `#id`;
 * `{ step }` (0-based, clamped to the diagram's steps) for `#id/step-<n>`.
 */
export function parseStepFragment(
	hash: string,
	id: string,
	count: number
): { step: number | null } | null {
	let fragment = hash.startsWith('#') ? hash.slice(1) : hash;
	try {
		fragment = decodeURIComponent(fragment);
	} catch {
		return null;
	}
	if (fragment === id) return { step: null };
	const match = /^(.+)\/step-(\d{1,4})$/.exec(fragment);
	if (!match || match[1] !== id) return null;
	return { step: clampStep(Number(match[2]) - 1, count) };
}

/** "0.8 ms", "42 ms", "1.25 s". */
export function formatMs(ms: number): string {
	if (ms < 10) return `${ms.toFixed(1)} ms`;
	if (ms < 1000) return `${Math.round(ms)} ms`;
	return `${(ms / 1000).toFixed(2)} s`;
}

/** "42 ms, measured" or "cold start: 250 ms, modelled"; empty for a story hop. */
export function hopLabel(hop: Hop): string {
	if (!hop.kind) return '';
	return `${hop.label ? `${hop.label}: ` : ''}${formatMs(hop.duration)}, ${hop.kind}`;
}

export interface StepText {
	from: string;
	to: string;
	text: string;
}

/** What the live region says: "Step 2 of 4: App server → PocketBase: GET … (42 ms, measured)". */
export function describeStep(step: StepText, index: number, count: number, hop?: Hop): string {
	const timing = hop ? hopLabel(hop) : '';
	return `Step ${index + 1} of ${count}: ${step.from} → ${step.to}: ${step.text}${timing ? ` (${timing})` : ''}`;
}

/**
 * What the race shows for a state: the scenario line, the summary table, the sentences, one
 * row per request, and which request of each path the diagrams replay. No DOM in here.
 */
import {
	presetFields,
	presetIds,
	raceHop,
	raceInterval,
	raceOperations,
	summarizeRace,
	withPreset,
	type RaceOperation,
	type RacePath,
	type RaceResult,
	type RaceSettings,
} from '~/lib/latency-race';
import { hopTerms, scenarioPresets } from '~/lib/network-model';
import { medianItem } from '~/lib/stats';
import { paramName, type Schema, type Settings } from '~/lib/url-state';
import { formatMs, formatRatio, plural } from '../demo-kit/format';
import type { Instrument } from '../demo-kit/timing';

/** The URL-state prefix of this demo; its settings are `race-…` parameters. */
export const urlPrefix = 'race-';

/** The race's settings; every one lives in the URL under `race-`. */
export const raceSchema = {
	operation: { kind: 'choice', label: 'Operation', options: raceOperations, default: 'list' },
	requests: { kind: 'integer', label: 'Requests per path', min: 1, max: 200, default: 20 },
	concurrency: { kind: 'integer', label: 'Concurrency', min: 1, max: 16, default: 4 },
	scenario: { kind: 'choice', label: 'Scenario', options: presetIds, default: 'same-datacenter' },
	browserServerRttMs: {
		kind: 'number',
		label: 'Browser ↔ server round trip (ms)',
		min: 0,
		max: 1000,
		default: 0,
		decimals: 1,
	},
	serverPocketBaseRttMs: {
		kind: 'number',
		label: 'Server ↔ PocketBase round trip (ms)',
		min: 0,
		max: 1000,
		default: 0,
		decimals: 1,
	},
	browserPocketBaseRttMs: {
		kind: 'number',
		label: 'Browser ↔ PocketBase round trip (ms)',
		min: 0,
		max: 1000,
		default: 0,
		decimals: 1,
	},
	handlerMs: {
		kind: 'number',
		label: 'Handler time (ms)',
		min: 0,
		max: 1000,
		default: 2,
		decimals: 1,
	},
	coldStartChance: {
		kind: 'number',
		label: 'Cold-start chance (0–1)',
		min: 0,
		max: 1,
		default: 0,
		decimals: 3,
	},
	coldStartMs: {
		kind: 'number',
		label: 'Cold start (ms)',
		min: 0,
		max: 10000,
		default: 300,
		decimals: 0,
	},
	seed: { kind: 'integer', label: 'Seed', min: 1, max: 999999, default: 1 },
} as const satisfies Schema;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Compiles only while the schema decodes to exactly the model's settings. */
export const schemaMatchesModel: Same<Settings<typeof raceSchema>, RaceSettings> = true;

export const operationNames: Record<RaceOperation, string> = {
	list: 'List public articles (20 per page)',
	view: 'View one public article',
	own: 'List my own notes (signed in)',
};

export const presetLabels = Object.fromEntries(
	presetIds.map((id) => [
		id,
		scenarioPresets.find((p) => p.id === id)?.name ?? 'Custom (your own numbers)',
	])
);

/**
 * Settings as a link opens them: the named preset's model fills every field the link does not
 * set itself, so `?race-scenario=…&race-cold-start-chance=0` means "that preset, no cold starts".
 * `prefix` is the copy's URL prefix (`race-` for the page's first race).
 */
export function initialSettings(
	decoded: RaceSettings,
	params: URLSearchParams,
	prefix: string
): RaceSettings {
	if (decoded.scenario === 'custom') return decoded;
	const preset = withPreset(decoded, decoded.scenario);
	const result = { ...preset };
	for (const key of presetFields) {
		if (params.has(paramName(key, prefix))) result[key] = decoded[key];
	}
	return result;
}

/** The scenario in one line, with the modelled hop and every term it is made of. */
export function scenarioText(settings: RaceSettings): string {
	const preset = scenarioPresets.find((p) => p.id === settings.scenario);
	const hop = raceHop(settings, false);
	const terms = hopTerms(hop)
		.map((t) => `${t.label} ${t.ms >= 0 ? '+' : '−'}${Math.abs(t.ms).toFixed(1)}`)
		.join(', ');
	const intro = preset ? preset.description : 'Your own numbers.';
	return `${intro} Modelled extra time per request through the server: ${hop.addedMs.toFixed(1)} ms${terms ? ` (${terms})` : ''}.`;
}

export const pathNames: Record<RacePath, string> = {
	direct: 'Direct (measured)',
	proxy: 'Through the server (measured + modelled)',
};

export interface SummaryRow {
	path: RacePath;
	/** Path name, median, p95, succeeded, failed. */
	cells: [string, string, string, string, string];
}

export function summaryRows(results: readonly RaceResult[]): SummaryRow[] {
	const summary = summarizeRace(results);
	return (['direct', 'proxy'] as const).map((path) => {
		const { ok, failed } = summary[path];
		return {
			path,
			cells: [
				pathNames[path],
				formatMs(ok.median),
				formatMs(ok.p95),
				String(ok.count),
				String(failed),
			],
		};
	});
}

/** "Proxied: 3 × No answer from PocketBase", one line per reason and path. */
export function failureLines(results: readonly RaceResult[]): string[] {
	const summary = summarizeRace(results);
	return (['direct', 'proxy'] as const).flatMap((path) =>
		summary[path].reasons.map(
			({ reason, count }) => `${path === 'direct' ? 'Direct' : 'Proxied'}: ${count} × ${reason}`
		)
	);
}

/** Where a run stands: its last results are shown as they come in, and once more at the end. */
export type RacePhase = 'running' | 'done' | 'cancelled';

/** "×1.30, 95 % interval ×1.12 to ×1.51 over 20 pairs: measurably slower through the server." */
function comparisonText(results: readonly RaceResult[], ratio: number, seed: number): string {
	const interval = raceInterval(results, seed);
	if (!interval) {
		return `${formatRatio(ratio)}; too few complete pairs for a 95 % interval, so no verdict`;
	}
	const range = `95 % interval ${formatRatio(interval.lower)} to ${formatRatio(interval.upper)} over ${plural(interval.pairs, 'pair')}`;
	const verdict = interval.spansOne
		? 'no measurable difference'
		: `measurably ${interval.lower > 1 ? 'slower' : 'faster'} through the server`;
	return `${formatRatio(ratio)}, ${range}: ${verdict}`;
}

/**
 * The headline under the results. While the run goes, the ratio so far; at the end, the ratio
 * with its 95 % interval (a bootstrap over the pairs, seeded with the run's seed) and whether
 * the two paths differ at all.
 */
export function outcomeText(
	results: readonly RaceResult[],
	phase: RacePhase,
	seed: number
): string {
	const summary = summarizeRace(results);
	const ratio = summary.medianRatio;
	const failed = summary.direct.failed + summary.proxy.failed;
	const medians = `through the server: ${formatMs(summary.proxy.ok.median)}, direct: ${formatMs(summary.direct.ok.median)}`;
	return [
		phase === 'cancelled' ? 'Cancelled; the requests that finished are shown.' : '',
		ratio === undefined
			? 'Not enough successful requests on both paths to compare.'
			: phase === 'running'
				? `Median so far ${medians} (${formatRatio(ratio)}); the 95 % interval follows when the run ends.`
				: `Median ${medians} (${comparisonText(results, ratio, seed)}).`,
		failed ? `${plural(failed, 'request')} failed; the reasons are listed below.` : '',
	]
		.filter(Boolean)
		.join(' ');
}

const instrumentWords: Record<Instrument, string> = {
	request: 'from the moment the request was sent to its last byte, as your browser recorded it',
	fetch:
		'as the whole fetch your browser recorded, CORS preflight included (this PocketBase sends no Timing-Allow-Origin, so your browser hides the finer timings)',
	'wall-clock':
		'with the clock around the call, because the browser kept no record of the request (no answer came)',
};

/** Which instrument measured the real calls: the same on both paths, said plainly. */
export function instrumentText(results: readonly RaceResult[]): string {
	const counts = new Map<Instrument, number>();
	for (const r of results) counts.set(r.instrument, (counts.get(r.instrument) ?? 0) + 1);
	const parts = [...counts].map(([instrument, count]) =>
		counts.size === 1
			? instrumentWords[instrument]
			: `${plural(count, 'request')} ${instrumentWords[instrument]}`
	);
	return parts.length === 0
		? ''
		: `Both paths’ real calls are timed the same way: ${parts.join('; ')}.`;
}

/**
 * One table row per request, in the order they started. `fine`: the page's clock records 5 µs
 * steps (demo-kit/timing.ts, `fineClock`), so measured and total times get hundredths of a
 * millisecond (a total is the measured time plus the model's exact hop; the bench reads it).
 */
export function requestRows(results: readonly RaceResult[], fine = false): string[][] {
	return [...results]
		.sort((a, b) => a.startMs - b.startMs)
		.map((r) => [
			String(r.index + 1),
			r.path === 'direct' ? 'direct' : `proxied${r.cold ? ' (cold start)' : ''}`,
			formatMs(r.startMs),
			formatMs(r.measuredMs, { fine }),
			formatMs(r.modelledMs),
			formatMs(r.totalMs, { fine }),
			r.failure ?? 'OK',
		]);
}

/** The successful request at each path's median, whose timings the diagrams replay. */
export function replayPicks(results: readonly RaceResult[]): {
	direct: RaceResult | undefined;
	proxy: RaceResult | undefined;
} {
	const pick = (path: RacePath) =>
		medianItem(
			results.filter((r) => r.path === path && r.failure === undefined),
			(r) => r.totalMs
		);
	return { direct: pick('direct'), proxy: pick('proxy') };
}

export function progressText(done: number, total: number, state: RacePhase) {
	if (state === 'cancelled') return `Cancelled after ${done} of ${total} requests.`;
	if (state === 'done') return `Done: ${total} requests.`;
	return `${done} of ${total} requests done`;
}

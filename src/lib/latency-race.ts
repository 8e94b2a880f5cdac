/**
 * The live race of the double-hops page, without the DOM: its settings (and their place in
 * the URL), the order it sends requests in, the modelled server hop for each proxied request,
 * and the summary of a finished run.
 */
import {
	coldStartDraws,
	defaultScenario,
	hopParams,
	modelHop,
	scenarioPresets,
	type HopModel,
	type HopParams,
} from './network-model';
import { ratioInterval, type RatioInterval } from './ratio-interval';
import { mulberry32 } from './seeded-random';
import type { Instrument } from './simulated-server';
import { summarize, type Summary } from './stats';

export const raceOperations = ['list', 'view', 'own'] as const;
export type RaceOperation = (typeof raceOperations)[number];

export const presetIds = [...scenarioPresets.map((p) => p.id), 'custom'] as const;
export type PresetId = (typeof presetIds)[number];

/**
 * The race's settings (their bounds and place in the URL are the demo's schema,
 * src/components/latency-race/latency-race-view.ts).
 */
// A type, not an interface: the settings form's types need its implicit index signature.
export type RaceSettings = {
	operation: RaceOperation;
	/** Requests per path. */
	requests: number;
	concurrency: number;
	scenario: PresetId;
	browserServerRttMs: number;
	serverPocketBaseRttMs: number;
	browserPocketBaseRttMs: number;
	handlerMs: number;
	coldStartChance: number;
	coldStartMs: number;
	seed: number;
};

export function isPresetField(key: string): key is (typeof presetFields)[number] {
	return (presetFields as readonly string[]).includes(key);
}

/** A preset's modelled numbers, written into the settings the reader can then adjust. */
export function withPreset(settings: RaceSettings, id: PresetId): RaceSettings {
	const preset = scenarioPresets.find((p) => p.id === id);
	if (!preset) return { ...settings, scenario: 'custom' };
	const params = hopParams(preset.scenario);
	const round = (ms: number) => Math.round(ms * 10) / 10;
	return {
		...settings,
		scenario: id,
		browserServerRttMs: round(params.browserServerRttMs),
		serverPocketBaseRttMs: round(params.serverPocketBaseRttMs),
		browserPocketBaseRttMs: round(params.browserPocketBaseRttMs),
		handlerMs: params.handlerMs,
		coldStartChance: params.coldStartChance,
		coldStartMs: params.coldStartMs,
	};
}

/** The fields a preset fills in (and that make the setup "custom" when the reader edits them). */
export const presetFields = [
	'browserServerRttMs',
	'serverPocketBaseRttMs',
	'browserPocketBaseRttMs',
	'handlerMs',
	'coldStartChance',
	'coldStartMs',
] as const;

/** The race's settings as the shared model's parameters (the rest at the model's defaults). */
export function raceHopParams(settings: RaceSettings): HopParams {
	return {
		...hopParams(defaultScenario),
		browserServerRttMs: settings.browserServerRttMs,
		serverPocketBaseRttMs: settings.serverPocketBaseRttMs,
		browserPocketBaseRttMs: settings.browserPocketBaseRttMs,
		handlerMs: settings.handlerMs,
		coldStartChance: settings.coldStartChance,
		coldStartMs: settings.coldStartMs,
	};
}

/** The modelled server hop of one proxied request of the race. */
export function raceHop(settings: RaceSettings, cold: boolean): HopModel {
	return modelHop(raceHopParams(settings), cold);
}

/** The run's seeded cold starts, so the same settings give the same run. */
export function raceColdStarts(settings: RaceSettings): () => boolean {
	return coldStartDraws(settings.coldStartChance, settings.seed);
}

export type RacePath = 'direct' | 'proxy';

export interface RaceJob {
	path: RacePath;
	/** 0-based request number within its path. */
	index: number;
}

/**
 * Request i of each path is sent as a pair, the pair's order drawn by a seeded coin. Both paths
 * then meet the same moments of the network and of PocketBase, and, at any concurrency, take
 * each place in a burst equally often: a fixed order would always put one path first (or in
 * the middle of a burst of four), which shifts its median.
 */
export function planJobs(requests: number, seed: number): RaceJob[] {
	const coin = mulberry32(seed);
	const jobs: RaceJob[] = [];
	for (let index = 0; index < requests; index++) {
		const first: RacePath = coin() < 0.5 ? 'direct' : 'proxy';
		jobs.push({ path: first, index });
		jobs.push({ path: first === 'direct' ? 'proxy' : 'direct', index });
	}
	return jobs;
}

/**
 * Runs `worker` over `jobs`, at most `concurrency` at a time, in order. Stops starting new
 * jobs when `signal` aborts; jobs already running finish or abort on their own.
 */
export async function runPool<J>(
	jobs: readonly J[],
	concurrency: number,
	worker: (job: J) => Promise<void>,
	signal?: AbortSignal
): Promise<void> {
	let next = 0;
	const lane = async () => {
		while (next < jobs.length && !signal?.aborted) {
			const job = jobs[next++]!;
			await worker(job);
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, jobs.length)) }, lane));
}

export interface RaceResult {
	path: RacePath;
	index: number;
	/** Milliseconds after the run started. */
	startMs: number;
	totalMs: number;
	/** The real PocketBase call: measured. */
	measuredMs: number;
	/** The server hop: modelled (0 on the direct path). */
	modelledMs: number;
	cold: boolean;
	/** What timed the real call; the same instrument on both paths (see demo-kit/timing.ts). */
	instrument: Instrument;
	/**
	 * The same call as the earlier instruments read it, kept so `npm run bench` can show what
	 * they measured: the whole fetch (preflight included) and the clock around the SDK call.
	 */
	wholeFetchMs: number | undefined;
	wallClockMs: number;
	/** HTTP status; 0 when no answer came. */
	status: number;
	/** Why it failed, in reader-facing words (undefined on success). */
	failure?: string;
}

export interface PathSummary {
	ok: Summary;
	failed: number;
	/** Failure reasons with their counts, most common first. */
	reasons: { reason: string; count: number }[];
}

export interface RaceSummary {
	direct: PathSummary;
	proxy: PathSummary;
	/** Median proxied time ÷ median direct time, when both exist. */
	medianRatio: number | undefined;
}

function summarizePath(results: readonly RaceResult[]): PathSummary {
	const ok = results.filter((r) => r.failure === undefined).map((r) => r.totalMs);
	const counts = new Map<string, number>();
	for (const r of results) {
		if (r.failure !== undefined) counts.set(r.failure, (counts.get(r.failure) ?? 0) + 1);
	}
	const reasons = [...counts].map(([reason, count]) => ({ reason, count }));
	reasons.sort((a, b) => b.count - a.count);
	return { ok: summarize(ok), failed: results.length - ok.length, reasons };
}

export function summarizeRace(results: readonly RaceResult[]): RaceSummary {
	const direct = summarizePath(results.filter((r) => r.path === 'direct'));
	const proxy = summarizePath(results.filter((r) => r.path === 'proxy'));
	const medianRatio =
		direct.ok.median && proxy.ok.median !== undefined
			? proxy.ok.median / direct.ok.median
			: undefined;
	return { direct, proxy, medianRatio };
}

/**
 * The proxied ÷ direct ratio of medians with its 95 % interval, bootstrapped over the pairs
 * both of whose requests succeeded (a pair shares its moment: see `planJobs`). Seeded with the
 * run's seed, so the same run always shows the same interval.
 */
export function raceInterval(
	results: readonly RaceResult[],
	seed: number
): RatioInterval | undefined {
	const ok = (path: RacePath) =>
		new Map(
			results
				.filter((r) => r.path === path && r.failure === undefined)
				.map((r) => [r.index, r.totalMs])
		);
	const direct = ok('direct');
	const proxy = ok('proxy');
	const pairs = [...direct].flatMap(([index, first]) => {
		const second = proxy.get(index);
		return second === undefined ? [] : [{ first, second }];
	});
	return ratioInterval(pairs, { seed });
}

import { describe, expect, it } from 'vitest';
import {
	planJobs,
	raceColdStarts,
	raceHop,
	raceInterval,
	runPool,
	summarizeRace,
	withPreset,
	type RaceResult,
	type RaceSettings,
} from './latency-race';
import { modelRequest, scenarioPresets } from './network-model';

const defaults: RaceSettings = {
	operation: 'list',
	requests: 20,
	concurrency: 4,
	scenario: 'same-datacenter',
	browserServerRttMs: 0,
	serverPocketBaseRttMs: 0,
	browserPocketBaseRttMs: 0,
	handlerMs: 2,
	coldStartChance: 0,
	coldStartMs: 300,
	seed: 1,
};

describe('presets', () => {
	it('fill in the network model’s legs, so the hop equals the model’s added latency', () => {
		for (const preset of scenarioPresets) {
			const settings = withPreset(defaults, preset.id);
			const modelled = modelRequest(preset.scenario).addedMs;
			expect(raceHop(settings, false).addedMs).toBeCloseTo(modelled, 0);
		}
	});

	it('make a co-located server cost only its handler and a datacenter round trip', () => {
		const hop = raceHop(withPreset(defaults, 'same-datacenter'), false);
		expect(hop.addedMs).toBeGreaterThan(0);
		expect(hop.addedMs).toBeLessThan(5);
		const far = raceHop(withPreset(defaults, 'serverless-other-region'), false);
		expect(far.addedMs).toBeGreaterThan(100);
	});

	it('add the cold start, and the fresh instance’s new PocketBase connection, to cold requests only', () => {
		const settings = withPreset(defaults, 'serverless-other-region');
		expect(raceHop(settings, true).addedMs - raceHop(settings, false).addedMs).toBeCloseTo(
			settings.coldStartMs + 2 * settings.serverPocketBaseRttMs,
			9
		);
	});
});

describe('running', () => {
	it('sends request i of both paths as a pair, in a seeded random order', () => {
		const jobs = planJobs(200, 7);
		expect(jobs).toHaveLength(400);
		for (let i = 0; i < 200; i++) {
			expect(new Set([jobs[2 * i]?.path, jobs[2 * i + 1]?.path])).toEqual(
				new Set(['direct', 'proxy'])
			);
			expect([jobs[2 * i]?.index, jobs[2 * i + 1]?.index]).toEqual([i, i]);
		}
		expect(planJobs(200, 7)).toEqual(jobs);
		expect(planJobs(200, 8)).not.toEqual(jobs);
	});

	it('puts each path in each place of a burst about equally often', () => {
		// At concurrency 4, places 0–3 of each group of four start together.
		const jobs = planJobs(2000, 1);
		for (let place = 0; place < 4; place++) {
			const inPlace = jobs.filter((_, i) => i % 4 === place);
			const direct = inPlace.filter((j) => j.path === 'direct').length / inPlace.length;
			expect(direct).toBeGreaterThan(0.45);
			expect(direct).toBeLessThan(0.55);
		}
	});

	it('never runs more than the concurrency at once, and stops starting jobs on abort', async () => {
		let running = 0;
		let peak = 0;
		const done: number[] = [];
		const controller = new AbortController();
		await runPool(
			[1, 2, 3, 4, 5, 6, 7, 8],
			3,
			async (job) => {
				running++;
				peak = Math.max(peak, running);
				await new Promise((r) => setTimeout(r, 5));
				running--;
				done.push(job);
				if (job === 4) controller.abort();
			},
			controller.signal
		);
		expect(peak).toBe(3);
		expect(done.length).toBeLessThan(8);
	});

	it('draws the same cold starts for the same seed', () => {
		const settings = { ...defaults, coldStartChance: 0.3, seed: 7 };
		const a = raceColdStarts(settings);
		const b = raceColdStarts(settings);
		const first = Array.from({ length: 50 }, a);
		expect(Array.from({ length: 50 }, b)).toEqual(first);
		expect(first.filter(Boolean).length).toBeGreaterThan(5);
		expect(first.filter(Boolean).length).toBeLessThan(30);
	});
});

/** A finished request of the race; `failure` makes it a failed one. */
const raceResult = (
	path: 'direct' | 'proxy',
	index: number,
	totalMs: number,
	failure?: string
): RaceResult => ({
	path,
	index,
	startMs: 0,
	totalMs,
	measuredMs: totalMs,
	modelledMs: 0,
	cold: false,
	instrument: 'request',
	wholeFetchMs: undefined,
	wallClockMs: 0,
	status: failure ? 429 : 200,
	...(failure ? { failure } : {}),
});

describe('summarizeRace', () => {
	const result = (path: 'direct' | 'proxy', totalMs: number, failure?: string) =>
		raceResult(path, 0, totalMs, failure);

	it('gives medians, the ratio, and failures by reason', () => {
		const summary = summarizeRace([
			result('direct', 10),
			result('direct', 20),
			result('direct', 30),
			result('proxy', 40),
			result('proxy', 60),
			result('proxy', 0, 'Rate-limited (429)'),
			result('proxy', 0, 'Rate-limited (429)'),
			result('proxy', 0, 'No answer'),
		]);
		expect(summary.direct.ok.median).toBe(20);
		expect(summary.proxy.ok.median).toBe(50);
		expect(summary.medianRatio).toBe(2.5);
		expect(summary.proxy.failed).toBe(3);
		expect(summary.proxy.reasons).toEqual([
			{ reason: 'Rate-limited (429)', count: 2 },
			{ reason: 'No answer', count: 1 },
		]);
	});
});

describe('raceInterval', () => {
	it('pairs request i of each path, and leaves out a pair with a failed request', () => {
		const times = [3.1, 2.9, 3.4, 3.0, 3.2, 2.8];
		const run = times.flatMap((ms, i) => [
			raceResult('direct', i, ms),
			raceResult('proxy', i, ms * 2),
		]);
		run.push(raceResult('direct', 6, 3), raceResult('proxy', 6, 0, 'Rate-limited (429)'));
		const interval = raceInterval(run, 1);
		expect(interval?.pairs).toBe(6);
		// Every pair is exactly twice as slow through the server, so every draw says 2.
		expect(interval).toMatchObject({ ratio: 2, lower: 2, upper: 2, spansOne: false });
		expect(raceInterval(run.slice(0, 4), 1)).toBeUndefined();
	});
});

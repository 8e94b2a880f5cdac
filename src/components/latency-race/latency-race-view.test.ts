import { describe, expect, it } from 'vitest';
import { withPreset, type RaceResult } from '~/lib/latency-race';
import { decodeSettings, defaultSettings, encodeSettings } from '~/lib/url-state';
import {
	failureLines,
	initialSettings,
	instrumentText,
	outcomeText,
	progressText,
	replayPicks,
	requestRows,
	scenarioText,
	raceSchema,
	summaryRows,
	urlPrefix,
} from './latency-race-view';

const defaults = defaultSettings(raceSchema);
let index = 0;
const result = (
	path: 'direct' | 'proxy',
	totalMs: number,
	extra: Partial<RaceResult> = {}
): RaceResult => ({
	path,
	index: index++,
	startMs: index,
	totalMs,
	measuredMs: path === 'direct' ? totalMs : totalMs - 2.5,
	modelledMs: path === 'direct' ? 0 : 2.5,
	cold: false,
	instrument: 'request',
	wholeFetchMs: undefined,
	wallClockMs: 0,
	status: extra.failure ? 0 : 200,
	...extra,
});

describe('the scenario line', () => {
	it('states the preset and every term of the modelled hop', () => {
		const text = scenarioText(withPreset(defaults, 'same-datacenter'));
		expect(text).toContain('beside PocketBase');
		expect(text).toMatch(/Modelled extra time per request through the server: 2\.\d ms/);
		expect(text).toContain('not made −');
	});

	it('says 0.0 ms and lists no terms when every cost is zero', () => {
		const zero = {
			...defaults,
			scenario: 'custom' as const,
			browserServerRttMs: 0,
			serverPocketBaseRttMs: 0,
			browserPocketBaseRttMs: 0,
			handlerMs: 0,
		};
		expect(scenarioText(zero)).toBe(
			'Your own numbers. Modelled extra time per request through the server: 0.0 ms.'
		);
	});
});

describe('results', () => {
	const run = [
		result('direct', 7.9),
		result('direct', 8.1),
		result('direct', 12),
		result('proxy', 10.3),
		result('proxy', 10.7),
		result('proxy', 0, { failure: 'No answer from PocketBase' }),
	];

	it('summarise each path with its median, p95 and counts', () => {
		const [direct, proxy] = summaryRows(run);
		expect(direct).toEqual({
			path: 'direct',
			cells: ['Direct (measured)', '8.1 ms', '12 ms', '3', '0'],
		});
		expect(proxy?.cells).toEqual([
			'Through the server (measured + modelled)',
			'11 ms',
			'11 ms',
			'2',
			'1',
		]);
	});

	it('give a headline with the ratio so far while running, and the failures by path', () => {
		expect(outcomeText(run, 'running', 1)).toBe(
			'Median so far through the server: 11 ms, direct: 8.1 ms (×1.30); the 95 % interval follows when the run ends. 1 request failed; the reasons are listed below.'
		);
		expect(outcomeText(run, 'cancelled', 1)).toMatch(
			/^Cancelled; the requests that finished are shown\./
		);
		expect(outcomeText([result('direct', 5)], 'done', 1)).toBe(
			'Not enough successful requests on both paths to compare.'
		);
		expect(failureLines(run)).toEqual(['Proxied: 1 × No answer from PocketBase']);
	});

	/** `count` pairs, request i of each path at the given times. */
	const pairs = (count: number, directMs: (i: number) => number, proxyMs: (i: number) => number) =>
		Array.from({ length: count }, (_, i) => [
			result('direct', directMs(i), { index: i }),
			result('proxy', proxyMs(i), { index: i }),
		]).flat();

	it('at the end, give the ratio with its 95 % interval and say whether the paths differ', () => {
		const slower = outcomeText(
			pairs(
				20,
				(i) => 3 + (i % 5) * 0.1,
				(i) => 6 + (i % 5) * 0.1
			),
			'done',
			1
		);
		expect(slower).toMatch(
			/^Median through the server: 6\.2 ms, direct: 3\.2 ms \(×1\.94, 95 % interval ×1\.\d\d to ×\d\.\d\d over 20 pairs: measurably slower through the server\)\.$/
		);
		const even = outcomeText(
			pairs(
				20,
				(i) => 3 + (i % 5) * 0.1,
				(i) => 3 + ((i + 2) % 5) * 0.1
			),
			'done',
			1
		);
		expect(even).toMatch(
			/\(×1\.00, 95 % interval ×0\.\d\d to ×1\.\d\d over 20 pairs: no measurable difference\)\.$/
		);
		const faster = outcomeText(
			pairs(
				20,
				() => 8,
				(i) => 4 + (i % 3) * 0.1
			),
			'done',
			1
		);
		expect(faster).toContain('measurably faster through the server');
	});

	it('give no verdict with too few complete pairs', () => {
		expect(outcomeText(run, 'done', 1)).toBe(
			'Median through the server: 11 ms, direct: 8.1 ms (×1.30; too few complete pairs for a 95 % interval, so no verdict). 1 request failed; the reasons are listed below.'
		);
	});

	it('show the same interval for the same run and seed', () => {
		const noisy = pairs(
			30,
			(i) => 3 + ((i * 7) % 11) * 0.1,
			(i) => 3.2 + ((i * 5) % 13) * 0.1
		);
		expect(outcomeText(noisy, 'done', 9)).toBe(outcomeText(noisy, 'done', 9));
	});

	it('list every request in the order it started, with a dash where nothing was measured', () => {
		const rows = requestRows([
			result('proxy', 20, { startMs: 5, cold: true, index: 0 }),
			result('direct', 4, { startMs: 1, index: 1 }),
		]);
		expect(rows[0]).toEqual(['2', 'direct', '1.0 ms', '4.0 ms', '0 ms', '4.0 ms', 'OK']);
		expect(rows[1]?.[1]).toBe('proxied (cold start)');
		expect(requestRows([result('direct', Number.NaN, { measuredMs: Number.NaN })])[0]?.[3]).toBe(
			'–'
		);
	});

	it('give measured and total times in hundredths when the page’s clock records 5 µs steps', () => {
		const fine = requestRows([result('direct', 2.346, { index: 0 })], true)[0];
		expect([fine?.[3], fine?.[5]]).toEqual(['2.35 ms', '2.35 ms']);
		const coarse = requestRows([result('direct', 2.346, { index: 0 })])[0];
		expect([coarse?.[3], coarse?.[5]]).toEqual(['2.3 ms', '2.3 ms']);
	});

	it('say which instrument timed the calls, and warn when it was not the same for all', () => {
		expect(instrumentText(run)).toContain('from the moment the request was sent');
		const mixed = instrumentText([
			result('direct', 5),
			result('proxy', 0, { instrument: 'wall-clock' }),
		]);
		expect(mixed).toContain('1 request from the moment');
		expect(mixed).toContain('1 request with the clock around the call');
		expect(instrumentText([])).toBe('');
	});

	it('replay the successful request at each path’s median', () => {
		const picks = replayPicks(run);
		expect(picks.direct?.totalMs).toBe(8.1);
		expect(picks.proxy?.totalMs).toBe(10.3);
		expect(replayPicks([]).direct).toBeUndefined();
	});

	it('count progress in plain words', () => {
		expect(progressText(3, 12, 'running')).toBe('3 of 12 requests done');
		expect(progressText(12, 12, 'done')).toBe('Done: 12 requests.');
		expect(progressText(5, 12, 'cancelled')).toBe('Cancelled after 5 of 12 requests.');
	});
});

describe('settings in the URL', () => {
	it('round-trip, and a link with its own legs keeps them', () => {
		const custom = { ...withPreset(defaults, 'edge-near-reader'), browserServerRttMs: 12.5 };
		const params = encodeSettings(raceSchema, custom, urlPrefix);
		const decoded = decodeSettings(raceSchema, params, urlPrefix);
		expect(decoded.problems).toEqual([]);
		expect(initialSettings(decoded.value, params, urlPrefix)).toEqual(custom);
	});

	it('report out-of-range input and keep the bounds', () => {
		const params = new URLSearchParams(
			'race-requests=5000&race-concurrency=0&race-browser-server-rtt-ms=-4'
		);
		const decoded = decodeSettings(raceSchema, params, urlPrefix);
		expect(decoded.value.requests).toBeLessThanOrEqual(200);
		expect(decoded.value.concurrency).toBeGreaterThanOrEqual(1);
		expect(decoded.value.browserServerRttMs).toBeGreaterThanOrEqual(0);
		expect(decoded.problems).toHaveLength(3);
	});

	it('a preset in a link fills only what the link leaves out', () => {
		const params = new URLSearchParams(
			'race-scenario=serverless-other-region&race-cold-start-chance=0'
		);
		const decoded = decodeSettings(raceSchema, params, urlPrefix);
		const settings = initialSettings(decoded.value, params, urlPrefix);
		expect(settings.coldStartChance).toBe(0);
		expect(settings.browserServerRttMs).toBe(
			withPreset(decoded.value, 'serverless-other-region').browserServerRttMs
		);
	});

	it('a second copy’s link keeps its own legs, under its own prefix', () => {
		const params = new URLSearchParams(
			'race-cold-start-chance=0.5&race.b.scenario=serverless-other-region&race.b.cold-start-chance=0'
		);
		const decoded = decodeSettings(raceSchema, params, 'race.b.');
		expect(decoded.problems).toEqual([]);
		expect(initialSettings(decoded.value, params, 'race.b.').coldStartChance).toBe(0);
	});

	it('a preset named in a link without legs gets the preset’s legs', () => {
		const params = new URLSearchParams('race-scenario=serverless-other-region');
		const decoded = decodeSettings(raceSchema, params, urlPrefix);
		expect(initialSettings(decoded.value, params, urlPrefix)).toEqual(
			withPreset(decoded.value, 'serverless-other-region')
		);
	});
});

import { describe, expect, it } from 'vitest';
import { greatCircleKm, type Coordinates } from './geo';
import { locationById, sameDatacenterRttMs, type LocationId } from './locations';
import {
	addedLatencyByPlacement,
	coldStartDraws,
	defaultScenario,
	expectedAddedMs,
	floorRttMs,
	hopParams,
	hopTerms,
	modelHop,
	modelRequest,
	newConnectionRoundTrips,
	realisticRttMs,
	routeFactorReferences,
	scenarioLegs,
	scenarioPresets,
	type Scenario,
} from './network-model';

const preset = (id: string): Scenario => {
	const found = scenarioPresets.find((p) => p.id === id);
	if (!found) throw new Error(`no preset ${id}`);
	return found.scenario;
};

/**
 * Published round trips between cloud regions: AWS inter-region P50 over one year
 * (CloudPing, Jun 2024 – May 2025; a TCP connect, so one round trip). Coordinates are the
 * cities the providers name for the regions. `floor` is the fibre floor computed for the same
 * distance independently of this code, to the 0.1 ms it was published with.
 */
const extraCities: Record<string, Coordinates> = {
	cle: { lat: 41.4993, lon: -81.6944 }, // us-east-2, "Cleveland" in Vercel's list
	pdx: { lat: 45.5152, lon: -122.6784 }, // us-west-2, "Portland"
	arn: { lat: 59.3293, lon: 18.0686 }, // eu-north-1, Stockholm
	kix: { lat: 34.6937, lon: 135.5023 }, // ap-northeast-3, Osaka
};
const where = (id: string): Coordinates => extraCities[id] ?? locationById(id as LocationId);

const publishedPairs: [from: string, to: string, floorMs: number, measuredMs: number][] = [
	['iad', 'cle', 4.4, 14.7],
	['iad', 'sfo', 38.0, 63.9],
	['iad', 'pdx', 36.6, 64.3],
	['iad', 'lhr', 58.0, 77.7],
	['iad', 'fra', 64.1, 93.1],
	['iad', 'gru', 75.1, 115.2],
	['iad', 'hnd', 106.5, 149.4],
	['iad', 'bom', 125.9, 192.3],
	['iad', 'syd', 153.5, 199.7],
	['iad', 'sin', 152.0, 219.1],
	['iad', 'cpt', 124.9, 228.1],
	['lhr', 'fra', 6.2, 17.9],
	['arn', 'fra', 11.6, 22.8],
	['fra', 'bom', 64.3, 129.1],
	['fra', 'sin', 100.5, 160.6],
	['fra', 'hnd', 91.4, 227.1],
	['fra', 'gru', 96.3, 203.9],
	['fra', 'cpt', 92.0, 156.1],
	['sfo', 'hnd', 81.0, 108.2],
	['pdx', 'hnd', 76.4, 98.0],
	['bom', 'sin', 38.2, 63.4],
	['sin', 'hnd', 52.0, 70.7],
	['sin', 'syd', 61.8, 94.7],
	['hnd', 'syd', 76.7, 107.4],
	['hnd', 'kix', 3.8, 9.7],
];

const km = (a: string, b: string) => greatCircleKm(where(a), where(b));
const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	const mid = s.length >> 1;
	return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

describe('the physical floor', () => {
	it('is 2 × distance ÷ 204.19 km/ms: about 1 ms per 100 km', () => {
		expect(floorRttMs(0)).toBe(0);
		expect(floorRttMs(1000)).toBeCloseTo(9.795, 3);
	});

	it.each(publishedPairs)('%s – %s matches the published floor (%f ms)', (a, b, floor) => {
		expect(Math.abs(floorRttMs(km(a, b)) - floor)).toBeLessThanOrEqual(0.1);
	});

	it('lies below every published measurement', () => {
		for (const [a, b, , measured] of publishedPairs) {
			expect(floorRttMs(km(a, b))).toBeLessThan(measured);
		}
	});
});

describe('the default route factor against published round trips', () => {
	const errors = publishedPairs.map(([a, b, , measured]) => {
		const modelled = realisticRttMs(km(a, b), defaultScenario);
		return { pair: `${a}–${b}`, relative: (modelled - measured) / measured };
	});

	it('lands 20 of the 25 pairs within 20 %, and all but one within 30 %', () => {
		expect(errors.filter((e) => Math.abs(e.relative) <= 0.2).length).toBeGreaterThanOrEqual(20);
		const outliers = errors.filter((e) => Math.abs(e.relative) > 0.3);
		// Frankfurt–Tokyo cannot follow its great circle (it would cross Russia): the model
		// under-predicts it, which makes a Europe–Japan hop look cheaper than it is.
		expect(outliers.map((e) => e.pair)).toEqual(['fra–hnd']);
		expect(outliers[0]!.relative).toBeLessThan(0);
	});

	it('is unbiased in the median and off by about a tenth in the typical pair', () => {
		expect(Math.abs(median(errors.map((e) => e.relative)))).toBeLessThan(0.05);
		expect(median(errors.map((e) => Math.abs(e.relative)))).toBeLessThan(0.12);
	});

	it('is the proxy-friendly choice: the public-Internet factor 2.1 overshoots these pairs', () => {
		const publicInternet = routeFactorReferences.find((r) => r.factor === 2.1);
		expect(publicInternet).toBeDefined();
		const overshoot = publishedPairs.map(
			([a, b, , measured]) =>
				realisticRttMs(km(a, b), { routeFactor: 2.1, pathOverheadMs: 0 }) / measured - 1
		);
		expect(median(overshoot)).toBeGreaterThan(0.2);
	});
});

describe('modelRequest', () => {
	it('adds little when the server shares PocketBase’s datacenter', () => {
		const scenario = preset('same-datacenter');
		const request = modelRequest(scenario);
		expect(request.legs.serverPocketBase.rttMs).toBe(sameDatacenterRttMs);
		expect(request.legs.browserServer).toEqual(request.legs.browserPocketBase);
		expect(request.addedMs).toBeCloseTo(sameDatacenterRttMs + scenario.handlerMs, 9);
		expect(request.addedMs).toBeLessThan(5);
	});

	it('adds both long legs when a serverless function sits in another region', () => {
		const scenario = preset('serverless-other-region');
		const { legs, addedMs, proxy, direct } = modelRequest(scenario);
		expect(direct.totalMs).toBeCloseTo(legs.browserPocketBase.rttMs, 9);
		expect(proxy.totalMs).toBeCloseTo(
			legs.browserServer.rttMs + scenario.handlerMs + legs.serverPocketBase.rttMs,
			9
		);
		// London → Ashburn → Falkenstein instead of London → Falkenstein.
		expect(addedMs).toBeGreaterThan(100);
	});

	it('charges every extra sequential PocketBase call a full server ↔ PocketBase round trip', () => {
		const scenario = preset('edge-near-reader');
		const one = modelRequest(scenario);
		const two = modelRequest({ ...scenario, upstreamCalls: 2 });
		expect(one.addedMs).toBeLessThan(10);
		expect(two.addedMs - one.addedMs).toBeCloseTo(one.legs.serverPocketBase.rttMs, 9);
		expect(two.proxy.steps.at(-1)?.label).toContain('2 calls');
	});

	it('lets an edge function near the reader win on a brand-new connection', () => {
		const scenario: Scenario = { ...preset('edge-near-reader'), browserConnection: 'new' };
		const request = modelRequest(scenario);
		const connect = request.direct.steps.find((s) => s.kind === 'connect');
		expect(connect?.ms).toBeCloseTo(
			newConnectionRoundTrips * request.legs.browserPocketBase.rttMs,
			9
		);
		expect(request.addedMs).toBeLessThan(0);
	});

	it('charges only the direct path when the page’s own server connection is already open', () => {
		const scenario = preset('same-datacenter');
		const reused = modelRequest(scenario);
		const firstCall = modelRequest({ ...scenario, browserConnection: 'pocketbase-new' });
		expect(firstCall.proxy.totalMs).toBe(reused.proxy.totalMs);
		expect(firstCall.direct.totalMs - reused.direct.totalMs).toBeCloseTo(
			newConnectionRoundTrips * reused.legs.browserPocketBase.rttMs,
			9
		);
		expect(firstCall.addedMs).toBeLessThan(0);
	});

	it('makes the server reconnect to PocketBase without keep-alive and after a cold start', () => {
		const scenario = preset('serverless-other-region');
		const sp = scenarioLegs(scenario).serverPocketBase.rttMs;
		const warm = modelRequest(scenario).addedMs;
		const noKeepAlive = modelRequest({ ...scenario, serverKeepAlive: false }).addedMs;
		const cold = modelRequest(scenario, true);
		expect(noKeepAlive - warm).toBeCloseTo(2 * sp, 9);
		expect(cold.cold).toBe(true);
		expect(cold.addedMs - warm).toBeCloseTo(scenario.coldStartMs + 2 * sp, 9);
	});

	it('charges a CORS preflight to the direct path only', () => {
		const scenario = preset('same-datacenter');
		const plain = modelRequest(scenario);
		const withPreflight = modelRequest({ ...scenario, directPreflight: true });
		expect(withPreflight.proxy.totalMs).toBe(plain.proxy.totalMs);
		expect(withPreflight.direct.totalMs - plain.direct.totalMs).toBeCloseTo(
			plain.legs.browserPocketBase.rttMs,
			9
		);
	});

	it('treats a server in PocketBase’s city, but not its datacenter, as a short city path', () => {
		const scenario = { ...defaultScenario, server: 'fsn' as const, pocketbase: 'fsn' as const };
		expect(scenarioLegs(scenario).serverPocketBase.rttMs).toBe(scenario.pathOverheadMs);
	});
});

describe('cold starts', () => {
	const scenario: Scenario = { ...preset('serverless-other-region'), coldStartChance: 0.1 };

	it('replay exactly from the same seed', () => {
		const run = (seed: number) => Array.from({ length: 200 }, coldStartDraws(0.1, seed));
		expect(run(1234)).toEqual(run(1234));
		expect(run(99)).not.toEqual(run(1234));
	});

	it('happen at about the configured rate, and never at chance 0', () => {
		const draws = Array.from({ length: 5000 }, coldStartDraws(0.1, 7));
		const rate = draws.filter(Boolean).length / draws.length;
		expect(rate).toBeGreaterThan(0.08);
		expect(rate).toBeLessThan(0.12);
		expect(Array.from({ length: 500 }, coldStartDraws(0, 7)).some(Boolean)).toBe(false);
	});

	it('average to the expected added latency', () => {
		const draws = coldStartDraws(scenario.coldStartChance, 42);
		const samples = Array.from({ length: 20_000 }, () => modelRequest(scenario, draws()).addedMs);
		const mean = samples.reduce((sum, ms) => sum + ms, 0) / samples.length;
		expect(Math.abs(mean - expectedAddedMs(scenario))).toBeLessThan(5);
	});
});

describe('modelHop, the one server-hop model', () => {
	it('is what a scenario models, through its geography', () => {
		for (const { scenario } of scenarioPresets) {
			expect(modelHop(hopParams(scenario))).toEqual(
				(({ legs: _legs, ...hop }) => hop)(modelRequest(scenario))
			);
		}
	});

	it('adds nothing when every modelled cost is zero (the A/A setup)', () => {
		const zero = {
			...hopParams(defaultScenario),
			browserServerRttMs: 0,
			serverPocketBaseRttMs: 0,
			browserPocketBaseRttMs: 0,
			handlerMs: 0,
			coldStartMs: 0,
		};
		expect(modelHop(zero).addedMs).toBe(0);
		expect(modelHop(zero, true).addedMs).toBe(0);
	});

	it('lists what the proxy adds and what it saves, summing to the hop', () => {
		const hop = modelHop(hopParams(preset('serverless-other-region')));
		const terms = hopTerms(hop);
		expect(terms.some((t) => t.ms < 0 && t.label.endsWith('not made'))).toBe(true);
		expect(terms.reduce((sum, t) => sum + t.ms, 0)).toBeCloseTo(hop.addedMs, 9);
	});
});

describe('addedLatencyByPlacement', () => {
	it('lists every city and the same datacenter, with one shared direct time', () => {
		const rows = addedLatencyByPlacement(defaultScenario);
		expect(rows.at(-1)?.placement).toBe('same-dc');
		expect(new Set(rows.map((r) => r.directMs)).size).toBe(1);
		expect(rows.find((r) => r.placement === 'iad')?.name).toBe('Ashburn, VA');
	});

	it('finds the same datacenter cheapest for every reader and PocketBase location', () => {
		const ids = ['lhr', 'syd', 'gru', 'fsn'] as const;
		for (const reader of ids) {
			for (const pocketbase of ids) {
				const rows = addedLatencyByPlacement({ ...defaultScenario, reader, pocketbase });
				const cheapest = rows.reduce((a, b) => (b.warmAddedMs < a.warmAddedMs ? b : a));
				expect(cheapest.placement).toBe('same-dc');
			}
		}
	});

	it('weights cold starts by their probability', () => {
		const scenario = { ...defaultScenario, coldStartChance: 0.5, coldStartMs: 100 };
		const [row] = addedLatencyByPlacement(scenario, ['iad']);
		expect(row!.coldAddedMs).toBeGreaterThan(row!.warmAddedMs + 100);
		expect(row!.expectedAddedMs).toBeCloseTo((row!.warmAddedMs + row!.coldAddedMs) / 2, 9);
	});
});

describe('presets', () => {
	it('are the three setups the page discusses, each described in one line', () => {
		expect(scenarioPresets.map((p) => p.id)).toEqual([
			'same-datacenter',
			'serverless-other-region',
			'edge-near-reader',
		]);
		for (const p of scenarioPresets) expect(p.description).not.toContain('\n');
	});
});

/**
 * The network model behind the "extra hop" demos: how long a request takes when the browser
 * calls PocketBase directly, and when it goes through an app server first.
 *
 * Everything here is modelled, never measured, and every input is a visible parameter:
 *
 * - Floor: a round trip can be no faster than light in fibre over the great-circle distance,
 *   there and back: 2 × distance ÷ 204.19 km/ms.
 * - Realistic round trip: floor × route factor + a fixed overhead per path. Cables do not follow
 *   great circles, and routers, peering and the far end's network stack add a roughly fixed
 *   cost that dominates short links.
 * - Same datacenter: a fixed sub-millisecond round trip instead of the formula.
 * - Per request: new connections cost extra round trips (TCP, then TLS 1.3), a serverless
 *   handler can hit a cold start, and the handler may call PocketBase more than once.
 *
 * PocketBase's own processing time is left out: it is the same on both paths, so it cannot
 * change the difference between them. Bandwidth is left out too: the responses the demos use
 * are a few kilobytes, which fit in a TCP connection's first flight.
 */
import {
	distanceKm,
	locations,
	placementName,
	sameDatacenter,
	sameDatacenterRttMs,
	type LocationId,
	type ServerPlacement,
} from './locations';
import { mulberry32 } from './seeded-random';

/**
 * Speed of light in standard single-mode fibre (Corning SMF-28, group index 1.4682 at
 * 1550 nm): 299,792.458 km/s ÷ 1.4682 ≈ 204.19 km/ms, 4.9 µs per km. The rule of thumb
 * "200 km per ms" (Grigorik, High Performance Browser Networking, ch. 1; Microsoft's Azure
 * TCP/IP tuning guide) is the same figure rounded down, which would make every floor 2 % higher.
 */
export const fibreSpeedKmPerMs = 204.19;

/**
 * Default route factor: how much longer than the fibre floor a real round trip is.
 *
 * 1.5 is the median factor of the intercontinental pairs in the providers' own published
 * round-trip tables (AWS inter-region P50 from CloudPing, Jun 2024 – May 2025; IBM Cloud VPC
 * monthly averages, 2024): 1.52 for pairs over 5,000 km, 1.3–1.8 for most. Together with
 * `defaultPathOverheadMs` it reproduces 20 of 25 published city-pair RTTs within 20 %
 * (network-model.test.ts checks this).
 *
 * It is deliberately the low end: the public Internet between ordinary networks is slower,
 * about 2.1 × the floor in the median (Bozkurt et al., "Dissecting Latency in the Internet's
 * Fiber Infrastructure", arXiv:1811.10737, 2018; and Bozkurt et al., "Why Is the Internet so
 * Slow?!", PAM 2017: minimum ping 3.1 × c-latency, i.e. 3.1 ÷ 1.5 over the fibre floor). A
 * lower factor makes every extra hop cheaper, so the default favours the server-side proxy.
 */
export const defaultRouteFactor = 1.5;

/**
 * Fixed cost of every network path, in ms, added after the route factor. Short links in the
 * same tables sit 5–15 ms above their floor whatever their length (London–Frankfurt: floor
 * 6.2 ms, measured 13–18 ms), and CloudPing's same-region TCP connects inside AWS take 1.2–8.2 ms
 * (P50).
 * A purely multiplicative factor under-predicts short links and over-predicts long ones.
 */
export const defaultPathOverheadMs = 5;

/**
 * Round trips a new HTTPS connection costs before its first request can be sent: one for the
 * TCP handshake (RFC 9293) and one for a full TLS 1.3 handshake (RFC 8446). TLS 1.2 needs two
 * for TLS alone; QUIC folds both into one.
 */
export const newConnectionRoundTrips = 2;

export interface RouteFactorReference {
	factor: number;
	/** A few words for a button. */
	shortName: string;
	/** What a path with this factor looks like. */
	meaning: string;
	source: string;
}

/** Published route factors a reader can compare the setting with. */
export const routeFactorReferences: readonly RouteFactorReference[] = [
	{
		factor: 1,
		shortName: 'fibre floor',
		meaning: 'The physical floor: fibre laid straight along the great circle',
		source: 'Speed of light in SMF-28 fibre (Corning, group index 1.4682)',
	},
	{
		factor: 1.3,
		shortName: 'best US conduits',
		meaning: 'Shortest paths through existing US fibre conduits, if routing used them',
		source: 'Bozkurt et al., arXiv:1811.10737 (2018)',
	},
	{
		factor: 1.5,
		shortName: 'cloud backbones (default)',
		meaning: 'Cloud provider backbones between regions, intercontinental (the default)',
		source: 'AWS inter-region P50 via CloudPing (2024–25), IBM Cloud VPC tables (2024)',
	},
	{
		factor: 2.1,
		shortName: 'public Internet',
		meaning: 'The public Internet, median of minimum round trips',
		source: 'Bozkurt et al., arXiv:1811.10737 (2018); Bozkurt et al., PAM 2017',
	},
];

export type BrowserConnection = 'reused' | 'new' | 'pocketbase-new';

/** Everything the model needs for one setup. All times are in milliseconds. */
export interface Scenario {
	reader: LocationId;
	server: ServerPlacement;
	pocketbase: LocationId;
	/** Multiplies the fibre floor of every path between two cities. */
	routeFactor: number;
	/** Added to every path between two cities (not to the same-datacenter round trip). */
	pathOverheadMs: number;
	/** The server's own work per request: routing, cookies, serialising the answer. */
	handlerMs: number;
	/** Chance that a request lands on a fresh server instance, 0–1. */
	coldStartChance: number;
	/** Time a fresh instance takes before the handler runs. */
	coldStartMs: number;
	/**
	 * PocketBase calls the handler makes one after another for one request. 2 models the
	 * common SvelteKit hook that calls `authRefresh()` before every request of a signed-in
	 * user. The direct path makes the one call it needs.
	 */
	upstreamCalls: number;
	/**
	 * Whether the server reuses its connection to PocketBase between requests. Default true:
	 * the JS SDK calls Node's built-in fetch (undici), which keeps an idle connection for its
	 * `keepAliveTimeout`, 4 s by default, so a server with steady traffic reuses it. A server
	 * that calls PocketBase less often than that, and a cold instance, connect afresh.
	 */
	serverKeepAlive: boolean;
	/**
	 * Which browser connections are already open when the request starts:
	 * - `reused`: both, as after the page's first few requests (default);
	 * - `new`: neither; each path first opens one (to the server, or to PocketBase);
	 * - `pocketbase-new`: the connection to the server is open because the page itself came
	 *   from it, while PocketBase, another origin, needs a new one: the first data call after a
	 *   server-rendered page loads, unless the page preconnects to PocketBase.
	 */
	browserConnection: BrowserConnection;
	/**
	 * Whether the direct call waits for a CORS preflight first. The JS SDK sends
	 * `Content-Type: application/json`, which needs one; PocketBase sends no
	 * `Access-Control-Max-Age` by default, so browsers reuse a preflight for 5 s only. The proxy
	 * path is same-origin and never pays it. Default false (calls in quick succession).
	 */
	directPreflight: boolean;
}

export const defaultScenario: Scenario = {
	reader: 'lhr',
	server: sameDatacenter,
	pocketbase: 'fsn',
	routeFactor: defaultRouteFactor,
	pathOverheadMs: defaultPathOverheadMs,
	handlerMs: 2,
	coldStartChance: 0,
	coldStartMs: 300,
	upstreamCalls: 1,
	serverKeepAlive: true,
	browserConnection: 'reused',
	directPreflight: false,
};

export interface ScenarioPreset {
	id: 'same-datacenter' | 'serverless-other-region' | 'edge-near-reader';
	name: string;
	/** One honest line: what the setup is and what it costs. */
	description: string;
	scenario: Scenario;
}

export const scenarioPresets: readonly ScenarioPreset[] = [
	{
		id: 'same-datacenter',
		name: 'Server in the same datacenter as PocketBase',
		description:
			'A long-running Node server beside PocketBase in Falkenstein, reader in London: the extra hop is a sub-millisecond round trip inside the datacenter; what remains is the handler’s time and one more thing to run.',
		scenario: { ...defaultScenario, reader: 'lhr', server: sameDatacenter, pocketbase: 'fsn' },
	},
	{
		id: 'serverless-other-region',
		name: 'Serverless function in another region',
		description:
			'Functions left in Vercel’s default region (iad1, Washington, D.C.) with PocketBase in Falkenstein, reader in London: every request crosses the Atlantic twice, and 1 % hit a 300 ms cold start.',
		scenario: {
			...defaultScenario,
			reader: 'lhr',
			server: 'iad',
			pocketbase: 'fsn',
			// AWS: cold starts "typically occur in under 1 % of invocations". 300 ms sits between a
			// hello-world Node Lambda's init (averages of 114–147 ms in lambda-perf's
			// data/2026-08-22.json) and a Next.js page's cold TTFB on Vercel (0.87–1.55 s, or
			// 0.76–1.13 s with bytecode caching: Vercel's bytecode-caching post, June 2024).
			coldStartChance: 0.01,
			coldStartMs: 300,
		},
	},
	{
		id: 'edge-near-reader',
		name: 'Edge function near the reader, PocketBase far away',
		description:
			'An edge function in Sydney beside the reader, PocketBase in Falkenstein: the long leg is paid either way, so one call adds little, but each further call the handler makes (an auth refresh, say) crosses the world again.',
		scenario: {
			...defaultScenario,
			reader: 'syd',
			server: 'syd',
			pocketbase: 'fsn',
			// Cloudflare Workers: an isolate starts in under 5 ms (2020), and 99.9–99.99 % of
			// requests find a warm one (2025).
			coldStartChance: 0.001,
			coldStartMs: 5,
		},
	},
];

/** Lowest possible round trip over `km` of fibre, in ms. */
export function floorRttMs(km: number): number {
	return (2 * km) / fibreSpeedKmPerMs;
}

/** Modelled round trip over a real route between two points `km` apart, in ms. */
export function realisticRttMs(
	km: number,
	network: Pick<Scenario, 'routeFactor' | 'pathOverheadMs'>
): number {
	return floorRttMs(km) * network.routeFactor + network.pathOverheadMs;
}

/** One modelled network path. */
export interface Leg {
	/** Great-circle distance, km (0 inside one datacenter). */
	distanceKm: number;
	/** Physical floor of the round trip, ms. */
	floorMs: number;
	/** Modelled round trip, ms. */
	rttMs: number;
	/** True when both ends share a datacenter and the fixed in-datacenter round trip applies. */
	sameDatacenter: boolean;
}

export interface Legs {
	browserServer: Leg;
	serverPocketBase: Leg;
	browserPocketBase: Leg;
}

function cityLeg(a: LocationId, b: LocationId, scenario: Scenario): Leg {
	const km = distanceKm(a, b);
	return {
		distanceKm: km,
		floorMs: floorRttMs(km),
		rttMs: realisticRttMs(km, scenario),
		sameDatacenter: false,
	};
}

const inDatacenterLeg: Leg = {
	distanceKm: 0,
	floorMs: 0,
	rttMs: sameDatacenterRttMs,
	sameDatacenter: true,
};

/** The three paths of a scenario. */
export function scenarioLegs(scenario: Scenario): Legs {
	const browserPocketBase = cityLeg(scenario.reader, scenario.pocketbase, scenario);
	if (scenario.server === sameDatacenter) {
		// The server sits where PocketBase is, so the reader reaches it over the same route.
		return {
			browserServer: browserPocketBase,
			serverPocketBase: inDatacenterLeg,
			browserPocketBase,
		};
	}
	return {
		browserServer: cityLeg(scenario.reader, scenario.server, scenario),
		serverPocketBase: cityLeg(scenario.server, scenario.pocketbase, scenario),
		browserPocketBase,
	};
}

export type StepKind =
	| 'connect'
	| 'preflight'
	| 'round-trip'
	| 'cold-start'
	| 'handler'
	| 'upstream-connect'
	| 'upstream-round-trip';

export interface PathStep {
	kind: StepKind;
	/** What happens, in words a reader understands. */
	label: string;
	ms: number;
}

export interface PathTiming {
	steps: PathStep[];
	/** Sum of the steps: time to the last byte, minus PocketBase's own processing. */
	totalMs: number;
}

/**
 * The numbers one proxied request is modelled from. Every demo's server hop comes from these
 * through `modelHop`, whether a demo fills them from geography (a scenario) or from the
 * reader's own round trips.
 */
export interface HopParams extends Pick<
	Scenario,
	| 'handlerMs'
	| 'coldStartChance'
	| 'coldStartMs'
	| 'upstreamCalls'
	| 'serverKeepAlive'
	| 'browserConnection'
	| 'directPreflight'
> {
	browserServerRttMs: number;
	serverPocketBaseRttMs: number;
	browserPocketBaseRttMs: number;
}

export interface HopModel {
	/** Whether this request hit a cold start. */
	cold: boolean;
	direct: PathTiming;
	proxy: PathTiming;
	/** How much longer the proxy path takes than the direct one (negative when faster). */
	addedMs: number;
}

export interface RequestModel extends HopModel {
	/** The round trips the scenario's geography gives. */
	legs: Legs;
}

function timing(steps: PathStep[]): PathTiming {
	const kept = steps.filter((step) => step.ms > 0);
	return { steps: kept, totalMs: kept.reduce((sum, step) => sum + step.ms, 0) };
}

/**
 * The one model of the server hop, used by every demo: both paths of one request, step by
 * step, and how much longer the proxy path takes. `cold` says whether this request met a
 * cold start (draw it with `coldStartDraws`).
 */
export function modelHop(params: HopParams, cold = false): HopModel {
	const bp = params.browserPocketBaseRttMs;
	const bs = params.browserServerRttMs;
	const sp = params.serverPocketBaseRttMs;
	const handshakes = newConnectionRoundTrips;

	const direct = timing([
		{
			kind: 'connect',
			label: 'Browser opens a connection to PocketBase (TCP + TLS 1.3)',
			ms: params.browserConnection === 'reused' ? 0 : handshakes * bp,
		},
		{
			kind: 'preflight',
			label: 'CORS preflight to PocketBase',
			ms: params.directPreflight ? bp : 0,
		},
		{ kind: 'round-trip', label: 'Browser ↔ PocketBase request and response', ms: bp },
	]);

	const upstreamConnects = cold || !params.serverKeepAlive;
	const proxy = timing([
		{
			kind: 'connect',
			label: 'Browser opens a connection to the server (TCP + TLS 1.3)',
			ms: params.browserConnection === 'new' ? handshakes * bs : 0,
		},
		{ kind: 'round-trip', label: 'Browser ↔ server request and response', ms: bs },
		{
			kind: 'cold-start',
			label: 'Cold start of a fresh server instance',
			ms: cold ? params.coldStartMs : 0,
		},
		{ kind: 'handler', label: 'Server handler’s own work', ms: params.handlerMs },
		{
			kind: 'upstream-connect',
			label: 'Server opens a connection to PocketBase (TCP + TLS 1.3)',
			ms: upstreamConnects ? handshakes * sp : 0,
		},
		{
			kind: 'upstream-round-trip',
			label:
				params.upstreamCalls === 1
					? 'Server ↔ PocketBase request and response'
					: `Server ↔ PocketBase, ${params.upstreamCalls} calls one after another`,
			ms: params.upstreamCalls * sp,
		},
	]);

	return { cold, direct, proxy, addedMs: proxy.totalMs - direct.totalMs };
}

/** A scenario's geography turned into the numbers `modelHop` takes. */
export function hopParams(scenario: Scenario): HopParams {
	const legs = scenarioLegs(scenario);
	return {
		browserServerRttMs: legs.browserServer.rttMs,
		serverPocketBaseRttMs: legs.serverPocketBase.rttMs,
		browserPocketBaseRttMs: legs.browserPocketBase.rttMs,
		handlerMs: scenario.handlerMs,
		coldStartChance: scenario.coldStartChance,
		coldStartMs: scenario.coldStartMs,
		upstreamCalls: scenario.upstreamCalls,
		serverKeepAlive: scenario.serverKeepAlive,
		browserConnection: scenario.browserConnection,
		directPreflight: scenario.directPreflight,
	};
}

/** Models one request of a scenario on both paths (warm unless `cold`). */
export function modelRequest(scenario: Scenario, cold = false): RequestModel {
	return { legs: scenarioLegs(scenario), ...modelHop(hopParams(scenario), cold) };
}

/** Average added latency over many requests, counting cold starts at their chance. */
export function expectedAddedMs(scenario: Scenario): number {
	const p = Math.min(1, Math.max(0, scenario.coldStartChance));
	const warm = modelRequest(scenario).addedMs;
	if (p === 0) return warm;
	return (1 - p) * warm + p * modelRequest(scenario, true).addedMs;
}

/**
 * A seeded source of cold starts: each call says whether the next request meets one, so
 * the same chance and seed give the same run.
 */
export function coldStartDraws(chance: number, seed: number): () => boolean {
	const random = mulberry32(seed);
	return () => chance > 0 && random() < chance;
}

/**
 * The model's terms for a reader: what the proxy path adds (positive) and what it saves
 * (the direct path's steps, negative), in the order they happen.
 */
export function hopTerms(model: HopModel): { label: string; ms: number }[] {
	return [
		...model.proxy.steps.map((step) => ({ label: step.label, ms: step.ms })),
		...model.direct.steps.map((step) => ({ label: `${step.label}, not made`, ms: -step.ms })),
	];
}

export interface PlacementRow {
	placement: ServerPlacement;
	name: string;
	/** Added latency of a request that finds the server warm. */
	warmAddedMs: number;
	/** Added latency of a request that hits a cold start. */
	coldAddedMs: number;
	/** Average over many requests. */
	expectedAddedMs: number;
	/** Direct round trip reader ↔ PocketBase (the same for every row). */
	directMs: number;
}

/** Every place the server could sit: each listed city, then the same datacenter as PocketBase. */
export const serverPlacements: readonly ServerPlacement[] = [
	...locations.map((location) => location.id),
	sameDatacenter,
];

/** The added latency of the proxy path for each server placement, everything else fixed. */
export function addedLatencyByPlacement(
	scenario: Scenario,
	placements: readonly ServerPlacement[] = serverPlacements
): PlacementRow[] {
	return placements.map((placement) => {
		const at = { ...scenario, server: placement };
		const warm = modelRequest(at);
		return {
			placement,
			name: placementName(placement),
			warmAddedMs: warm.addedMs,
			coldAddedMs: modelRequest(at, true).addedMs,
			expectedAddedMs: expectedAddedMs(at),
			directMs: warm.direct.totalMs,
		};
	});
}

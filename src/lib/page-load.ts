/**
 * The page-load path of the network model: how long a reader waits for the content of a page
 * on a first visit, and for the next interaction after it, when the page is rendered in the
 * browser, rendered by a server, or prebuilt.
 *
 * It grows `network-model.ts` instead of standing beside it: a new connection costs the same
 * `newConnectionRoundTrips`, and a next interaction is `modelHop()`'s direct or proxied request.
 * Everything here is modelled from round trips the caller supplies (measured in the reader's
 * browser, or from a scenario); nothing is measured here.
 *
 * What a first view pays, in order:
 * - **HTML**: a DNS lookup and a new connection to the host that serves the page, then one round
 *   trip for the document. A server-rendered page's document waits for the server's handler and
 *   its PocketBase calls, and then already holds the content.
 * - **Script**: a page rendered in the browser needs its JavaScript before it can ask for data:
 *   one more round trip to the same host, on the connection the HTML opened.
 * - **Second origin**: PocketBase on its own host name needs its own DNS lookup and connection
 *   (TCP + TLS 1.3). `<link rel="preconnect">` starts them when the HTML arrives, so they overlap
 *   the script's round trip, and the browser's work on the page and the script when the caller
 *   gives it (`browserWorkMs`).
 * - **Preflight**: the JS SDK sends `Content-Type: application/json` on every request, GETs
 *   included (js-sdk `src/Client.ts`, `initSendOptions`), which is not a CORS-safelisted value,
 *   so every cross-origin SDK call waits for an `OPTIONS` round trip first. PocketBase sends no
 *   `Access-Control-Max-Age`, so a browser keeps the answer for 5 s (the Fetch standard's
 *   default), and only for that one URL: a call to another record or filter pays again.
 * - **Data**: one round trip to PocketBase per call, one after another.
 *
 * Bandwidth, parsing and rendering are left out, as in the network model: they are the same work
 * on every path, or small beside a round trip. Not quite the same: a browser-rendered page also
 * compiles and runs its script. `npm run bench -- --only=calibration` measures both pages on a
 * shared 2-core machine (README, "The page-load model, calibrated"), where that work is not small.
 */
import { modelHop, newConnectionRoundTrips, type PathTiming } from './network-model';

/** How long a browser reuses a preflight answer that came without `Access-Control-Max-Age`. */
export const defaultPreflightCacheSeconds = 5;

export type PageKind = 'public-article' | 'my-notes';

export type Architecture =
	| 'browser-direct'
	| 'browser-preconnect'
	| 'browser-same-origin'
	| 'server-near'
	| 'server-far'
	| 'prebuilt';

/** Round trips and costs one page load is modelled from. All times are in milliseconds. */
export interface PageLoadParams {
	/** Browser ↔ the host that serves built pages and scripts (a static host or CDN). */
	browserSiteRttMs: number;
	/** Browser ↔ PocketBase. A server beside PocketBase is reached over the same route. */
	browserPocketBaseRttMs: number;
	/** Server ↔ PocketBase inside one datacenter. */
	nearServerPocketBaseRttMs: number;
	/** Browser ↔ a server far from PocketBase (a serverless region, say). */
	farBrowserServerRttMs: number;
	/** That far server ↔ PocketBase. */
	farServerPocketBaseRttMs: number;
	/** One DNS lookup of a host name the browser has not resolved yet. */
	dnsMs: number;
	/** The server's own work to render a page (routing, cookies, templates). */
	handlerMs: number;
	/**
	 * PocketBase calls a server makes one after another for the page. 2 for "my notes" when the
	 * server's hook calls `authRefresh()` before each request of a signed-in user.
	 */
	serverCalls: number;
	/**
	 * Round trips a new connection costs before its first request: `newConnectionRoundTrips`
	 * (TCP + TLS 1.3) unless set. Plain HTTP, as in the bench's calibration on loopback, pays
	 * the TCP handshake alone: 1.
	 */
	connectionRoundTrips?: number;
	/**
	 * The browser's own work between the HTML's first byte and the page's first PocketBase call,
	 * besides the script's round trip: parsing the HTML, then compiling and running the script.
	 * The content time leaves it out, as it leaves out all of the machine's work, but a
	 * preconnected handshake runs while the browser does it, so it hides that much more of the
	 * handshake. 0 unless given, which charges preconnect the most it can cost.
	 */
	browserWorkMs?: number;
}

export type PhaseKind = 'dns' | 'connect' | 'html' | 'script' | 'preflight' | 'data' | 'server';

export interface Phase {
	kind: PhaseKind;
	/** What happens, in words a reader understands. */
	label: string;
	ms: number;
}

export interface PageLoad {
	architecture: Architecture;
	page: PageKind;
	/** The first view, phase by phase, in the order the reader waits for them. */
	phases: Phase[];
	/** Sum of the phases: from the click on a link to the content on screen. */
	contentMs: number;
	/** The next interaction once the page is up, on its own path, when no preflight is due. */
	next: PathTiming;
	/**
	 * The same call when a cross-origin preflight is due: the browser caches preflights per URL,
	 * so a new record, filter or page, or the same URL 5 s later, pays one again.
	 */
	nextAfterCache: PathTiming;
}

export const architectureNames: Record<Architecture, string> = {
	'browser-direct': 'Rendered in the browser, PocketBase called directly',
	'browser-preconnect': 'Rendered in the browser, with preconnect to PocketBase',
	'browser-same-origin': 'Rendered in the browser, PocketBase on the app’s own origin',
	'server-near': 'Server-rendered, server beside PocketBase',
	'server-far': 'Server-rendered, server far from PocketBase',
	prebuilt: 'Prebuilt (static), live parts fetched directly',
};

export const architectures = Object.keys(architectureNames) as Architecture[];

function phase(kind: PhaseKind, label: string, ms: number): Phase {
	return { kind, label, ms };
}

/** Round trips a new connection costs on this page's links. */
function handshakes(p: PageLoadParams): number {
	return p.connectionRoundTrips ?? newConnectionRoundTrips;
}

/** What a new connection is, in the phase labels. */
function connectionWords(p: PageLoadParams): string {
	return handshakes(p) === newConnectionRoundTrips ? 'TCP + TLS 1.3' : 'TCP, no TLS';
}

function firstDocument(host: string, rttMs: number, p: PageLoadParams): Phase[] {
	return [
		phase('dns', `DNS lookup of ${host}`, p.dnsMs),
		phase('connect', `Connection to ${host} (${connectionWords(p)})`, handshakes(p) * rttMs),
		phase('html', `HTML from ${host}`, rttMs),
	];
}

/** The phases of fetching data from the browser once the page's script runs. */
function browserData(p: PageLoadParams, how: 'direct' | 'preconnect' | 'same-origin'): Phase[] {
	const bp = p.browserPocketBaseRttMs;
	if (how === 'same-origin') {
		return [phase('data', 'Data from PocketBase, same origin: no preflight', bp)];
	}
	const handshake = p.dnsMs + handshakes(p) * bp;
	// Preconnect starts the second origin's handshake when the HTML arrives, beside the script's
	// round trip and the browser's work on the page and the script.
	const overlap = p.browserSiteRttMs + (p.browserWorkMs ?? 0);
	const waited = how === 'preconnect' ? Math.max(0, handshake - overlap) : handshake;
	return [
		phase(
			'connect',
			how === 'preconnect'
				? 'Rest of the PocketBase handshake not hidden behind the script (preconnect)'
				: `DNS and connection to PocketBase, a second origin (${connectionWords(p)})`,
			waited
		),
		phase('preflight', 'CORS preflight (OPTIONS) to PocketBase', bp),
		phase('data', 'Data from PocketBase', bp),
	];
}

function nextDirect(p: PageLoadParams, preflight: boolean): PathTiming {
	return modelHop({
		browserServerRttMs: p.browserPocketBaseRttMs,
		serverPocketBaseRttMs: p.nearServerPocketBaseRttMs,
		browserPocketBaseRttMs: p.browserPocketBaseRttMs,
		handlerMs: p.handlerMs,
		coldStartChance: 0,
		coldStartMs: 0,
		upstreamCalls: 1,
		serverKeepAlive: true,
		browserConnection: 'reused',
		directPreflight: preflight,
	}).direct;
}

function nextViaServer(p: PageLoadParams, browserServerRttMs: number, spRttMs: number) {
	return modelHop({
		browserServerRttMs,
		serverPocketBaseRttMs: spRttMs,
		browserPocketBaseRttMs: p.browserPocketBaseRttMs,
		handlerMs: p.handlerMs,
		coldStartChance: 0,
		coldStartMs: 0,
		upstreamCalls: p.serverCalls,
		serverKeepAlive: true,
		browserConnection: 'reused',
		directPreflight: false,
	}).proxy;
}

function serverRendered(p: PageLoadParams, bsRttMs: number, spRttMs: number): Phase[] {
	const calls = p.serverCalls;
	return [
		phase('dns', 'DNS lookup of the app server', p.dnsMs),
		phase(
			'connect',
			`Connection to the app server (${connectionWords(p)})`,
			handshakes(p) * bsRttMs
		),
		phase('html', 'Request and response, browser ↔ server', bsRttMs),
		phase('server', 'Server’s own work (handler, render)', p.handlerMs),
		phase(
			'server',
			calls === 1
				? 'Server ↔ PocketBase, one call'
				: `Server ↔ PocketBase, ${calls} calls one after another`,
			calls * spRttMs
		),
	];
}

/** Models one page's first view and next interaction for one architecture. */
export function modelPageLoad(
	architecture: Architecture,
	page: PageKind,
	p: PageLoadParams
): PageLoad {
	let phases: Phase[];
	let next: PathTiming;
	let nextAfterCache: PathTiming;
	const script = phase('script', 'JavaScript from the same host', p.browserSiteRttMs);
	switch (architecture) {
		case 'browser-direct':
		case 'browser-preconnect':
			phases = [
				...firstDocument('the static host', p.browserSiteRttMs, p),
				script,
				...browserData(p, architecture === 'browser-direct' ? 'direct' : 'preconnect'),
			];
			next = nextDirect(p, false);
			nextAfterCache = nextDirect(p, true);
			break;
		case 'browser-same-origin':
			// One origin in front of both: the pages come from beside PocketBase, over its route.
			phases = [
				...firstDocument('the app’s origin', p.browserPocketBaseRttMs, p),
				phase('script', 'JavaScript from the same host', p.browserPocketBaseRttMs),
				...browserData(p, 'same-origin'),
			];
			next = nextDirect(p, false);
			nextAfterCache = next;
			break;
		case 'server-near':
			phases = serverRendered(p, p.browserPocketBaseRttMs, p.nearServerPocketBaseRttMs);
			next = nextViaServer(p, p.browserPocketBaseRttMs, p.nearServerPocketBaseRttMs);
			nextAfterCache = next;
			break;
		case 'server-far':
			phases = serverRendered(p, p.farBrowserServerRttMs, p.farServerPocketBaseRttMs);
			next = nextViaServer(p, p.farBrowserServerRttMs, p.farServerPocketBaseRttMs);
			nextAfterCache = next;
			break;
		case 'prebuilt':
			// A public article is in the built HTML; a signed-in reader's notes cannot be, so the
			// prebuilt shell fetches them as a browser-rendered page does.
			phases = [
				...firstDocument('the static host', p.browserSiteRttMs, p),
				...(page === 'public-article' ? [] : [script, ...browserData(p, 'direct')]),
			];
			next = nextDirect(p, false);
			nextAfterCache = nextDirect(p, true);
			break;
	}
	const kept = phases.filter((step) => step.ms > 0);
	return {
		architecture,
		page,
		phases: kept,
		contentMs: kept.reduce((sum, step) => sum + step.ms, 0),
		next,
		nextAfterCache,
	};
}

/** Every architecture for one page, in the order of `architectures`. */
export function comparePageLoads(page: PageKind, p: PageLoadParams): PageLoad[] {
	return architectures.map((architecture) => modelPageLoad(architecture, page, p));
}

/**
 * Whether a direct call pays a preflight: the browser keeps a preflight answer for `cacheSeconds`
 * (5 without `Access-Control-Max-Age`), per URL, so a call pays one unless the same URL was
 * preflighted less than that long ago.
 */
export function paysPreflight(
	secondsSinceLastPreflight: number | undefined,
	cacheSeconds = defaultPreflightCacheSeconds
): boolean {
	return secondsSinceLastPreflight === undefined || secondsSinceLastPreflight >= cacheSeconds;
}

/**
 * The first visit, measured and modelled: what the reader's browser recorded for this page's
 * load and for calls to PocketBase (phase by phase, each labelled measured), and the page-load
 * model's three architectures with those round trips plugged in (each labelled modelled).
 * No DOM, no network.
 */
import { sameDatacenterRttMs } from '~/lib/locations';
import { scenarioLegs, scenarioPresets } from '~/lib/network-model';
import {
	architectureNames,
	comparePageLoads,
	type Architecture,
	type PageKind,
	type PageLoad,
	type PageLoadParams,
} from '~/lib/page-load';
import { median } from '~/lib/stats';
import type { Settings } from '~/lib/url-state';
import { formatMs } from '../demo-kit/format';

export const urlPrefix = 'fv-';

/** The far server's legs by default: functions in iad1, PocketBase in Falkenstein, reader in London. */
const farLegs = scenarioLegs(
	scenarioPresets.find((preset) => preset.id === 'serverless-other-region')!.scenario
);

export const pageNames: Record<PageKind, string> = {
	'my-notes': '“My notes” (signed in)',
	'public-article': 'A public article',
};

export const firstVisitSchema = {
	page: {
		kind: 'choice',
		label: 'Page',
		options: ['my-notes', 'public-article'] as const,
		default: 'my-notes',
	},
	farBrowserServer: {
		kind: 'integer',
		label: 'Far server: round trip to the reader, ms',
		min: 0,
		max: 500,
		default: Math.round(farLegs.browserServer.rttMs),
	},
	farServerPocketBase: {
		kind: 'integer',
		label: 'Far server: round trip to PocketBase, ms',
		min: 0,
		max: 500,
		default: Math.round(farLegs.serverPocketBase.rttMs),
	},
	serverCalls: {
		kind: 'integer',
		label: 'Server’s PocketBase calls for “my notes”',
		min: 1,
		max: 5,
		default: 2,
	},
	handler: { kind: 'integer', label: 'Server handler, ms', min: 0, max: 500, default: 2 },
} as const;

export type FirstVisitSettings = Settings<typeof firstVisitSchema>;

/** The numbers of a Navigation or Resource Timing entry this demo reads. */
export type TimingEntry = Pick<
	PerformanceResourceTiming,
	| 'name'
	| 'startTime'
	| 'domainLookupStart'
	| 'domainLookupEnd'
	| 'connectStart'
	| 'secureConnectionStart'
	| 'connectEnd'
	| 'requestStart'
	| 'responseStart'
	| 'responseEnd'
	| 'transferSize'
	| 'decodedBodySize'
>;

/** One real call to PocketBase, as `timedCall` measured it. */
export interface CallSample {
	/** Request sent to last byte. */
	measuredMs: number;
	/** The whole fetch, a preflight and any wait for a connection included. */
	wholeFetchMs: number;
}

export interface Handshake {
	dnsMs: number;
	/** TCP and TLS together (TLS alone in `tlsMs`, 0 over plain http). */
	connectMs: number;
	tlsMs: number;
}

export interface Measurements {
	/** This page's own navigation: the HTML. */
	navigation: TimingEntry | undefined;
	/** The SDK's script, which a browser-rendered page needs before it can ask for data. */
	script: TimingEntry | undefined;
	/** The page's first request to PocketBase: the one that opened the connection. */
	firstPocketBase: TimingEntry | undefined;
	/** SDK calls, each to a URL not preflighted before. */
	preflighted: CallSample[];
	/** The same calls as simple requests (a safelisted Content-Type: no preflight). */
	simple: CallSample[];
	/**
	 * The calls came from a recorded run. It holds the calls to PocketBase only, so this page's
	 * own load (HTML, script, handshakes) is left out rather than mixed in live.
	 */
	recorded?: true;
}

export type Source = 'measured' | 'recorded' | 'not-seen';

export interface MeasuredRow {
	phase: string;
	ms: number | undefined;
	source: Source;
	/** How the number was taken, or why there is none. */
	how: string;
}

/** DNS, TCP and TLS of an entry that opened a connection; undefined when it reused one. */
export function handshakeOf(entry: TimingEntry | undefined): Handshake | undefined {
	if (!entry) return undefined;
	const dnsMs = Math.max(0, entry.domainLookupEnd - entry.domainLookupStart);
	const connectMs = Math.max(0, entry.connectEnd - entry.connectStart);
	if (dnsMs === 0 && connectMs === 0) return undefined;
	const tlsMs =
		entry.secureConnectionStart > 0
			? Math.max(0, entry.connectEnd - entry.secureConnectionStart)
			: 0;
	return { dnsMs, connectMs, tlsMs };
}

const wholeMedian = (samples: readonly CallSample[]) => median(samples.map((s) => s.wholeFetchMs));

/**
 * The preflight's cost: Chromium gives a preflight no Resource Timing entry of its own and folds
 * it into the request's, so it is the difference between the median preflighted and the median
 * simple fetch of the same URL on the same warm connection.
 */
export function preflightMs(m: Pick<Measurements, 'preflighted' | 'simple'>): number | undefined {
	const withPreflight = wholeMedian(m.preflighted);
	const without = wholeMedian(m.simple);
	if (withPreflight === undefined || without === undefined) return undefined;
	return Math.max(0, withPreflight - without);
}

/**
 * The round trip to PocketBase: every call, sent to last byte (PocketBase's work included). A
 * preflight comes before the request is sent, so both kinds of call count the same.
 */
export function pocketBaseRttMs(
	m: Pick<Measurements, 'preflighted' | 'simple'>
): number | undefined {
	return median([...m.preflighted, ...m.simple].map((s) => s.measuredMs));
}

/** The round trip to this site: its HTML's request sent to first byte. */
export function siteRttMs(navigation: TimingEntry | undefined): number | undefined {
	if (!navigation || navigation.requestStart <= 0) return undefined;
	return Math.max(0, navigation.responseStart - navigation.requestStart);
}

const measured = (phase: string, ms: number | undefined, how: string): MeasuredRow => ({
	phase,
	ms,
	source: ms === undefined ? 'not-seen' : 'measured',
	how,
});

/** A recorded run's measurements: its calls, and none of this page's own load. */
export function recordedMeasurements(
	preflighted: CallSample[],
	simple: CallSample[]
): Measurements {
	return {
		navigation: undefined,
		script: undefined,
		firstPocketBase: undefined,
		preflighted,
		simple,
		recorded: true,
	};
}

/** Why a recorded run shows none of this page's own load. */
export const notRecordedHow = 'not part of the recorded run, which holds its calls to PocketBase';

/** How a recorded run's call rows were taken: from the times its calls took when recorded. */
const recordedHows = [
	'preflighted minus simple call, medians of the recorded times',
	'the SDK’s list call, median of the recorded times',
	'a simple request, median of the recorded times',
	'an SDK call to a URL not preflighted yet, median of the recorded times',
];

/** Where each row's number came from, in the table's Source column. */
export function sourceText(row: MeasuredRow, recorded: boolean): string {
	if (row.source === 'measured') return 'measured in your browser';
	if (row.source === 'recorded') return 'as recorded';
	return recorded ? 'not in the recording' : 'not seen';
}

/**
 * The browser-rendered path's phases as this browser recorded them, in load order; from a
 * recorded run, its calls only, as recorded.
 */
export function measuredRows(m: Measurements): MeasuredRow[] {
	if (m.recorded) {
		return liveRows(recordedMeasurements(m.preflighted, m.simple)).map((row, i) => {
			const how = recordedHows[i - 4];
			if (how === undefined)
				return { ...row, ms: undefined, source: 'not-seen', how: notRecordedHow };
			return { ...row, source: row.ms === undefined ? 'not-seen' : 'recorded', how };
		});
	}
	return liveRows(m);
}

function liveRows(m: Measurements): MeasuredRow[] {
	const nav = m.navigation;
	const site = handshakeOf(nav);
	const pb = handshakeOf(m.firstPocketBase);
	const script = m.script;
	const scriptCached = script !== undefined && script.transferSize === 0;
	const data = median(m.preflighted.map((s) => s.measuredMs));
	return [
		measured(
			'Connection to this site (DNS, TCP, TLS)',
			nav ? (site ? site.dnsMs + site.connectMs : 0) : undefined,
			site ? 'this page’s Navigation Timing' : 'reused: your browser already had one open'
		),
		measured(
			'HTML of this page',
			nav ? nav.responseEnd - nav.requestStart : undefined,
			'Navigation Timing, request sent to last byte'
		),
		measured(
			'Script: the PocketBase SDK',
			script ? script.responseEnd - script.startTime : undefined,
			script
				? scriptCached
					? 'Resource Timing; served from your browser’s cache'
					: 'Resource Timing, whole fetch'
				: 'no entry for the SDK’s script'
		),
		measured(
			'Second origin: DNS, TCP and TLS to PocketBase',
			m.firstPocketBase ? (pb ? pb.dnsMs + pb.connectMs : 0) : undefined,
			m.firstPocketBase
				? pb
					? `the page’s first request to PocketBase (DNS ${formatMs(pb.dnsMs)}, connect ${formatMs(pb.connectMs)}${pb.tlsMs ? `, of which TLS ${formatMs(pb.tlsMs)}` : ', no TLS on this link'})`
					: 'reused: your browser already had a connection to PocketBase open'
				: 'no request to PocketBase recorded yet'
		),
		measured(
			'CORS preflight (OPTIONS)',
			preflightMs(m),
			'preflighted minus simple request, medians (Chromium gives the preflight no entry of its own)'
		),
		measured(
			'Data: the SDK’s list call',
			data,
			'Resource Timing, request sent to last byte, median'
		),
		measured(
			'Next call, no preflight due',
			wholeMedian(m.simple),
			'a simple request (as the same URL within 5 s, or same origin), whole fetch, median'
		),
		measured(
			'Next call to a new URL (preflighted)',
			wholeMedian(m.preflighted),
			'an SDK call to a URL not preflighted yet, whole fetch, median'
		),
	];
}

/** Time to content of the browser-rendered path: the sum of the phases before the data. */
export function measuredContentMs(rows: readonly MeasuredRow[]): number | undefined {
	const loadPhases = rows.slice(0, 6);
	if (loadPhases.some((row) => row.ms === undefined)) return undefined;
	return loadPhases.reduce((sum, row) => sum + (row.ms ?? 0), 0);
}

/** The model's inputs: the measured round trips, and the settings for what cannot be measured. */
export function modelParams(m: Measurements, settings: FirstVisitSettings): PageLoadParams {
	const bp = pocketBaseRttMs(m) ?? 0;
	return {
		browserSiteRttMs: siteRttMs(m.navigation) ?? bp,
		browserPocketBaseRttMs: bp,
		nearServerPocketBaseRttMs: sameDatacenterRttMs,
		farBrowserServerRttMs: settings.farBrowserServer,
		farServerPocketBaseRttMs: settings.farServerPocketBase,
		dnsMs: handshakeOf(m.firstPocketBase)?.dnsMs ?? 0,
		handlerMs: settings.handler,
		serverCalls: settings.page === 'my-notes' ? settings.serverCalls : 1,
	};
}

/** The model's inputs in one sentence, each saying where it came from. */
export function inputsText(p: PageLoadParams, recorded = false): string {
	const taken = recorded
		? `PocketBase ${formatMs(p.browserPocketBaseRttMs)} (as recorded: every call, sent to last byte), this site the same and DNS ${formatMs(p.dnsMs)} (this page’s load is not part of the recording)`
		: `this site ${formatMs(p.browserSiteRttMs)} (measured: this page’s HTML, request sent to first byte, the host’s own work included), PocketBase ${formatMs(p.browserPocketBaseRttMs)} (measured: every call, sent to last byte), DNS ${formatMs(p.dnsMs)} (measured)`;
	return `Model inputs: ${taken}; server beside PocketBase ${formatMs(p.nearServerPocketBaseRttMs)} to it, far server ${formatMs(p.farBrowserServerRttMs)} to you and ${formatMs(p.farServerPocketBaseRttMs)} to PocketBase, handler ${formatMs(p.handlerMs)}, ${p.serverCalls === 1 ? 'one PocketBase call' : `${p.serverCalls} PocketBase calls`} per server-rendered page (modelled).`;
}

export interface ModelRow {
	architecture: Architecture;
	name: string;
	contentMs: number;
	nextMs: number;
	nextAfterCacheMs: number;
	/** Phases for the bar, with their share of the longest row's time. */
	phases: { label: string; kind: string; ms: number; share: number }[];
	/** The bar's accessible description. */
	description: string;
}

export function modelRows(loads: readonly PageLoad[]): ModelRow[] {
	const longest = Math.max(1e-9, ...loads.map((load) => load.contentMs));
	return loads.map((load) => ({
		architecture: load.architecture,
		name: architectureNames[load.architecture],
		contentMs: load.contentMs,
		nextMs: load.next.totalMs,
		nextAfterCacheMs: load.nextAfterCache.totalMs,
		phases: load.phases.map((p) => ({ ...p, share: p.ms / longest })),
		description: `${formatMs(load.contentMs)} modelled: ${load.phases.map((p) => `${p.label} ${formatMs(p.ms)}`).join(', ')}.`,
	}));
}

export function compare(
	m: Measurements,
	settings: FirstVisitSettings
): { rows: ModelRow[]; inputs: string } {
	const params = modelParams(m, settings);
	return {
		rows: modelRows(comparePageLoads(settings.page, params)),
		inputs: inputsText(params, m.recorded === true),
	};
}

/** The plain verdict: who wins the first view and who wins the next interaction. */
export function verdict(rows: readonly ModelRow[], page: PageKind): string {
	const by = (a: Architecture) => rows.find((r) => r.architecture === a)!;
	const direct = by('browser-direct');
	const near = by('server-near');
	const fastest = rows.reduce((best, row) => (row.contentMs < best.contentMs ? row : best));
	const firstView =
		near.contentMs < direct.contentMs
			? `First view of ${pageNames[page]}: the server beside PocketBase beats the browser-rendered page by ${formatMs(direct.contentMs - near.contentMs)} (modelled), because the data comes with the HTML: no script to wait for, no second handshake, no preflight.`
			: `First view of ${pageNames[page]}: the browser-rendered page is no slower than the server beside PocketBase here (modelled).`;
	const next =
		direct.nextMs < near.nextMs
			? ` Next interaction: direct is ${formatMs(near.nextMs - direct.nextMs)} faster than the server beside PocketBase when no preflight is due (always with PocketBase on the app’s origin); a cross-origin call to a new URL pays a preflight, ${formatMs(direct.nextAfterCacheMs)} against the server’s ${formatMs(near.nextMs)}.`
			: ` Next interaction: the server beside PocketBase is no slower than direct here.`;
	return `${firstView}${next} Fastest first view: ${fastest.name.charAt(0).toLowerCase()}${fastest.name.slice(1)}.`;
}

/** The two tables' titles: what the numbers are, measured now or from the recorded run. */
export function tableTitles(recorded: boolean): { measured: string; model: string } {
	return recorded
		? {
				measured: 'Rendered in the browser: the recorded run’s calls to PocketBase, as recorded',
				model: 'Three architectures, modelled with the recorded round trip to PocketBase',
			}
		: {
				measured: 'Rendered in the browser: this page’s phases, measured in your browser',
				model:
					'Three architectures, modelled with the round trips measured above (site and PocketBase)',
			};
}

/** What the demo says while it measures, and when it is done. */
export function progressText(done: number, total: number): string {
	return `Measuring: ${done} of ${total} pairs of calls to PocketBase…`;
}

export function doneText(content: number | undefined, samples: number, recorded = false): string {
	if (recorded) {
		return `Done: ${samples} preflighted and ${samples} simple calls, as recorded; this page’s own load is not part of the recording, so its phases are not added up.`;
	}
	return `Done: ${samples} preflighted and ${samples} simple calls measured; the browser-rendered page’s phases add up to ${formatMs(content)} (measured in your browser).`;
}

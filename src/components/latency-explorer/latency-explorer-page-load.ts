/**
 * The explorer's second chart: a whole first page load, by architecture (src/lib/page-load.ts),
 * for the reader and PocketBase that the explorer's settings place. The request chart answers
 * "what does one call cost through a server?"; this one answers "how long until the page shows
 * its content, and what does the next click cost?", where a server beside PocketBase can win.
 * Output is HTML/SVG text with every dynamic value escaped; no DOM in here.
 */
import { locationById, sameDatacenterRttMs } from '~/lib/locations';
import { newConnectionRoundTrips, scenarioLegs } from '~/lib/network-model';
import {
	architectureNames,
	comparePageLoads,
	defaultPreflightCacheSeconds,
	type Architecture,
	type PageKind,
	type PageLoadParams,
	type Phase,
	type PhaseKind,
} from '~/lib/page-load';
import { escapeHtml, formatMs } from '../demo-kit/format';
import {
	axis,
	axisHeight,
	chartSvg,
	inset,
	niceStep,
	rowHeight,
	scenarioFromSettings,
	type ExplorerSettings,
} from './latency-explorer-view';

export const pageKindNames: Record<PageKind, string> = {
	'public-article': 'a public article',
	'my-notes': 'a signed-in reader’s notes',
};

/**
 * The colour key, in the order a first view meets the phases. The kinds pair up as on the first-visit
 * page's chart, with the same colours, so the two charts of one model read alike.
 */
export const phaseKeys: readonly { kind: PhaseKind; name: string }[] = [
	{ kind: 'dns', name: 'DNS lookups and new connections (TCP + TLS 1.3)' },
	{ kind: 'html', name: 'HTML and JavaScript' },
	{ kind: 'preflight', name: 'CORS preflight' },
	{ kind: 'server', name: 'Server’s own work and its PocketBase calls' },
	{ kind: 'data', name: 'Data from PocketBase' },
];

/**
 * The page-load model's inputs from the explorer's settings. The static host (or CDN) that serves
 * pages and scripts has an edge in the reader's city, and so does the reader's DNS resolver, which
 * answers from its cache in one round trip there. The far server is a server in the reader's
 * city (a serverless region near the reader, say), with PocketBase wherever it is.
 */
export function pageLoadParams(settings: ExplorerSettings): PageLoadParams {
	const scenario = scenarioFromSettings(settings);
	const local = scenarioLegs({ ...scenario, server: settings.reader });
	return {
		browserSiteRttMs: local.browserServer.rttMs,
		browserPocketBaseRttMs: local.browserPocketBase.rttMs,
		nearServerPocketBaseRttMs: sameDatacenterRttMs,
		farBrowserServerRttMs: local.browserServer.rttMs,
		farServerPocketBaseRttMs: local.serverPocketBase.rttMs,
		dnsMs: local.browserServer.rttMs,
		handlerMs: settings.handlerMs,
		serverCalls: settings.upstreamCalls,
	};
}

/** Names short enough to sit beside their value on a phone; the table has the full ones. */
const shortNames: Record<Exclude<Architecture, 'server-far'>, string> = {
	'browser-direct': 'Browser-rendered, direct',
	'browser-preconnect': 'Browser-rendered, preconnect',
	'browser-same-origin': 'Browser-rendered, same origin',
	'server-near': 'Server beside PocketBase',
	prebuilt: 'Prebuilt, live parts direct',
};

export interface PageLoadRow {
	architecture: Architecture;
	name: string;
	shortName: string;
	contentMs: number;
	nextMs: number;
	nextAfterCacheMs: number;
	phases: Phase[];
}

export interface PageLoadView {
	page: PageKind;
	/** Fastest first view first. */
	rows: PageLoadRow[];
	summary: string;
	parameters: string;
}

export function pageLoadView(settings: ExplorerSettings): PageLoadView {
	const params = pageLoadParams(settings);
	const reader = locationById(settings.reader).name;
	const pocketbase = locationById(settings.pocketbase).name;
	const rows = comparePageLoads(settings.page, params)
		.map((load): PageLoadRow => ({
			architecture: load.architecture,
			name:
				load.architecture === 'server-far'
					? `Server-rendered, server in ${reader}`
					: architectureNames[load.architecture],
			shortName:
				load.architecture === 'server-far' ? `Server in ${reader}` : shortNames[load.architecture],
			contentMs: load.contentMs,
			nextMs: load.next.totalMs,
			nextAfterCacheMs: load.nextAfterCache.totalMs,
			phases: load.phases,
		}))
		.sort((a, b) => a.contentMs - b.contentMs);

	const by = (architecture: Architecture) => rows.find((r) => r.architecture === architecture)!;
	const direct = by('browser-direct');
	const near = by('server-near');
	const firstView =
		near.contentMs < direct.contentMs
			? `the server beside PocketBase shows it ${formatMs(direct.contentMs - near.contentMs)} sooner than a browser-rendered page calling PocketBase directly (${formatMs(near.contentMs)} against ${formatMs(direct.contentMs)})`
			: `a browser-rendered page calling PocketBase directly shows it no later than the server beside PocketBase (${formatMs(direct.contentMs)} against ${formatMs(near.contentMs)})`;
	const summary =
		`Modelled first view of ${pageKindNames[settings.page]} for a reader in ${reader} with PocketBase in ${pocketbase}: ${firstView}; fastest is “${rows[0]!.name}” at ${formatMs(rows[0]!.contentMs)}. ` +
		`After that, a click costs ${formatMs(direct.nextMs)} direct (${formatMs(direct.nextAfterCacheMs)} when a preflight is due) and ${formatMs(near.nextMs)} through the server beside PocketBase.`;

	const parameters = [
		`static host, CDN edge and DNS resolver in ${reader}: ${formatMs(params.browserSiteRttMs)} round trip`,
		`reader ↔ PocketBase ${formatMs(params.browserPocketBaseRttMs)}`,
		`server beside PocketBase ${formatMs(params.nearServerPocketBaseRttMs)} to it`,
		`server in ${reader} ${formatMs(params.farServerPocketBaseRttMs)} to PocketBase`,
		`handler ${formatMs(params.handlerMs)}`,
		params.serverCalls === 1
			? '1 PocketBase call per server-rendered page'
			: `${params.serverCalls} PocketBase calls per server-rendered page, one after another`,
		`${newConnectionRoundTrips} round trips per new connection`,
		`preflight answers kept ${defaultPreflightCacheSeconds} s, per URL`,
	].join(' · ');

	return { page: settings.page, rows, summary, parameters };
}

/** One stacked bar per architecture: its first view, phase by phase, fastest first. */
export function renderPageLoadChart(view: PageLoadView, idPrefix: string): string {
	const hi = Math.max(1, ...view.rows.map((row) => row.contentMs));
	const step = niceStep(hi);
	const top = Math.ceil(hi / step) * step;
	const x = (ms: number) => inset + (ms / top) * (100 - 2 * inset);
	const pct = (value: number) => `${value.toFixed(3)}%`;
	const height = axisHeight + view.rows.length * rowHeight + 4;

	const ticks = axis(0, top, step, x, height);

	const bars = view.rows.map((row, i) => {
		const y = axisHeight + i * rowHeight;
		let start = 0;
		const segments = row.phases.map((phase) => {
			const from = x(start);
			start += phase.ms;
			return `<rect class="lx-phase lx-phase-${phase.kind}" x="${pct(from)}" y="${y + 26}" width="${pct(Math.max(x(start) - from, 0.2))}" height="12"><title>${escapeHtml(`${phase.label}: ${formatMs(phase.ms)}`)}</title></rect>`;
		});
		return [
			'<g class="lx-row">',
			`<text class="lx-name" x="${pct(inset)}" y="${y + 17}">${escapeHtml(row.shortName)}<title>${escapeHtml(row.name)}</title></text>`,
			`<text class="lx-value" x="${pct(100 - inset)}" y="${y + 17}" text-anchor="end">${escapeHtml(formatMs(row.contentMs))}</text>`,
			...segments,
			'</g>',
		].join('');
	});

	const title = `Modelled time to content of a first view of ${pageKindNames[view.page]}, by architecture`;
	return chartSvg({ idPrefix, title, summary: view.summary, height }, [...ticks, ...bars]);
}

/** The same numbers as a table, with every phase of each first view in words. */
export function renderPageLoadTable(view: PageLoadView): string {
	const head = [
		'Architecture',
		'First view, to content',
		'Next click',
		'Next click, preflight due',
		'Where the first view’s time goes',
	];
	const body = view.rows.map((row) => {
		const cells = [
			formatMs(row.contentMs),
			formatMs(row.nextMs),
			formatMs(row.nextAfterCacheMs),
			row.phases.map((phase) => `${phase.label} ${formatMs(phase.ms)}`).join('; '),
		];
		return `<tr><th scope="row">${escapeHtml(row.name)}</th>${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`;
	});
	return [
		'<table class="lx-table lx-page-table">',
		`<caption>All values modelled, for ${escapeHtml(pageKindNames[view.page])}.</caption>`,
		`<thead><tr>${head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>`,
		`<tbody>${body.join('')}</tbody>`,
		'</table>',
	].join('');
}

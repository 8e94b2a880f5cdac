/**
 * The pure core of the latency explorer: its settings (and their URL form), and the chart,
 * table and sentences it shows for them. The same functions render the chart into the page at
 * build time and again in the browser when a reader changes a setting, so the page reads the
 * same with or without JavaScript. Output is HTML/SVG text with every dynamic value escaped;
 * no DOM in here.
 */
import { locationById, locations, sameDatacenter, sameDatacenterRttMs } from '~/lib/locations';
import {
	addedLatencyByPlacement,
	defaultPathOverheadMs,
	defaultRouteFactor,
	defaultScenario,
	fibreSpeedKmPerMs,
	scenarioLegs,
	type BrowserConnection,
	type PlacementRow,
	type Scenario,
} from '~/lib/network-model';
import type { Schema, Settings } from '~/lib/url-state';
import { escapeHtml, formatDelta, formatMs } from '../demo-kit/format';

/** Query-parameter prefix, so the explorer's settings do not collide with other demos. */
export const urlPrefix = 'lx-';

const locationIds = locations.map((location) => location.id);

const browserConnections: readonly BrowserConnection[] = ['reused', 'new', 'pocketbase-new'];

/** How each browser-connection choice reads, in the form and in the parameter line. */
export const browserConnectionWords: Record<BrowserConnection, string> = {
	reused: 'browser connections already open',
	new: 'browser opens a new connection on both paths',
	'pocketbase-new': 'page’s server connection open, new one to PocketBase',
};

/** What the explorer charts: one request's added latency, or a whole first page load. */
export const chartNames = {
	request: 'One request through a server, by where the server sits',
	'page-load': 'A first page load, by architecture',
} as const;

export const explorerSchema = {
	chart: { kind: 'choice', label: 'Chart', options: ['request', 'page-load'], default: 'request' },
	page: {
		kind: 'choice',
		label: 'Page',
		options: ['my-notes', 'public-article'],
		default: 'my-notes',
	},
	reader: { kind: 'choice', label: 'Reader location', options: locationIds, default: 'lhr' },
	pocketbase: {
		kind: 'choice',
		label: 'PocketBase location',
		options: locationIds,
		default: 'fsn',
	},
	routeFactor: {
		kind: 'number',
		label: 'Route factor',
		min: 1,
		max: 4,
		decimals: 2,
		default: defaultRouteFactor,
	},
	pathOverheadMs: {
		kind: 'number',
		label: 'Fixed cost per path (ms)',
		min: 0,
		max: 50,
		decimals: 1,
		default: defaultPathOverheadMs,
	},
	handlerMs: {
		kind: 'number',
		label: 'Handler time (ms)',
		min: 0,
		max: 1000,
		decimals: 1,
		default: defaultScenario.handlerMs,
	},
	upstreamCalls: {
		kind: 'integer',
		label: 'PocketBase calls per request',
		min: 1,
		max: 5,
		default: 1,
	},
	serverKeepAlive: {
		kind: 'boolean',
		label: 'Server keeps its PocketBase connection open',
		default: true,
	},
	browserConnection: {
		kind: 'choice',
		label: 'Browser connections',
		options: browserConnections,
		default: 'reused',
	},
	directPreflight: { kind: 'boolean', label: 'Direct call needs a CORS preflight', default: false },
	coldStartChance: {
		kind: 'number',
		label: 'Cold-start chance',
		min: 0,
		max: 1,
		decimals: 3,
		default: 0,
	},
	coldStartMs: {
		kind: 'number',
		label: 'Cold-start time (ms)',
		min: 0,
		max: 5000,
		decimals: 0,
		default: 300,
	},
} as const satisfies Schema;

export type ExplorerSettings = Settings<typeof explorerSchema>;

/** The model scenario behind a set of explorer settings (the server placement varies per row). */
export function scenarioFromSettings(settings: ExplorerSettings): Scenario {
	return {
		...defaultScenario,
		reader: settings.reader,
		pocketbase: settings.pocketbase,
		routeFactor: settings.routeFactor,
		pathOverheadMs: settings.pathOverheadMs,
		handlerMs: settings.handlerMs,
		upstreamCalls: settings.upstreamCalls,
		serverKeepAlive: settings.serverKeepAlive,
		browserConnection: settings.browserConnection,
		directPreflight: settings.directPreflight,
		coldStartChance: settings.coldStartChance,
		coldStartMs: settings.coldStartMs,
	};
}

export interface ExplorerRow extends PlacementRow {
	browserServerMs: number;
	serverPocketBaseMs: number;
	/** Words after the name that place it: "reader’s city", "PocketBase’s city". */
	note: string;
}

export interface ExplorerView {
	rows: ExplorerRow[];
	/** Round trip reader ↔ PocketBase on the direct path, without connection setup. */
	directRttMs: number;
	/** One or two sentences with the headline numbers, for the live region and the chart. */
	summary: string;
	/** The model's parameters in words, shown under the chart. */
	parameters: string;
	showsColdStarts: boolean;
}

export function explorerView(settings: ExplorerSettings): ExplorerView {
	const scenario = scenarioFromSettings(settings);
	const rows = addedLatencyByPlacement(scenario)
		.map((row): ExplorerRow => {
			const legs = scenarioLegs({ ...scenario, server: row.placement });
			const isReader = row.placement === settings.reader;
			const isPocketBase = row.placement === settings.pocketbase;
			const note =
				isReader && isPocketBase
					? 'reader and PocketBase'
					: isReader
						? 'reader’s city'
						: isPocketBase
							? 'PocketBase’s city'
							: '';
			return {
				...row,
				// Short enough to sit beside its value on a phone.
				name: row.placement === sameDatacenter ? 'PocketBase’s datacenter' : row.name,
				browserServerMs: legs.browserServer.rttMs,
				serverPocketBaseMs: legs.serverPocketBase.rttMs,
				note,
			};
		})
		.sort((a, b) => a.warmAddedMs - b.warmAddedMs);

	const reader = locationById(settings.reader).name;
	const pocketbase = locationById(settings.pocketbase).name;
	const directRttMs = scenarioLegs(scenario).browserPocketBase.rttMs;
	const first = rows[0]!;
	const last = rows.at(-1)!;
	const placeName = (row: ExplorerRow) =>
		row.placement === sameDatacenter ? 'the same datacenter as PocketBase' : row.name;
	const summary =
		`Modelled: a reader in ${reader} reaches PocketBase in ${pocketbase} in ${formatMs(directRttMs)} per round trip. ` +
		`Compared with calling it directly, a warm request through a server is ${formatDelta(first.warmAddedMs)} with the server in ${placeName(first)}, ` +
		`and ${formatDelta(last.warmAddedMs)} with it in ${placeName(last)}.`;

	const showsColdStarts = settings.coldStartChance > 0;
	const parameters = [
		`fibre ${fibreSpeedKmPerMs} km/ms`,
		`route factor ${settings.routeFactor}`,
		`+${settings.pathOverheadMs} ms per path`,
		`${sameDatacenterRttMs} ms inside a datacenter`,
		`handler ${settings.handlerMs} ms`,
		settings.upstreamCalls === 1
			? '1 PocketBase call per request'
			: `${settings.upstreamCalls} PocketBase calls per request, one after another`,
		settings.serverKeepAlive
			? 'server keeps its connection open'
			: 'server reconnects every request',
		browserConnectionWords[settings.browserConnection],
		settings.directPreflight ? 'direct call waits for a CORS preflight' : 'no CORS preflight',
		showsColdStarts
			? `cold start ${settings.coldStartMs} ms for ${+(settings.coldStartChance * 100).toFixed(1)} % of requests`
			: 'no cold starts',
	].join(' · ');

	return { rows, directRttMs, summary, parameters, showsColdStarts };
}

/** Round tick steps (1, 2, 5 × 10ⁿ) giving at most `maxTicks` intervals over the span. */
export function niceStep(span: number, maxTicks = 4): number {
	const rough = Math.max(span, 1e-9) / maxTicks;
	const power = 10 ** Math.floor(Math.log10(rough));
	for (const m of [1, 2, 5, 10]) if (m * power >= rough) return m * power;
	return 10 * power;
}

export const rowHeight = 46;
export const axisHeight = 30;
/** Horizontal room kept free at both ends of the plot, in percent of the chart's width. */
export const inset = 1;

/**
 * A horizontal bar chart, one row per server placement, sorted from cheapest to dearest.
 * Horizontal positions are percentages, so the chart fills any width while its text keeps the
 * page's font size; names sit above their bars so they fit on a phone.
 */
export function renderChart(view: ExplorerView, idPrefix: string): string {
	const values = view.rows.flatMap((row) =>
		view.showsColdStarts ? [row.warmAddedMs, row.coldAddedMs] : [row.warmAddedMs]
	);
	let lo = Math.min(0, ...values);
	let hi = Math.max(0, ...values);
	const step = niceStep(hi - lo);
	lo = Math.floor(lo / step) * step;
	hi = Math.max(Math.ceil(hi / step) * step, lo + step);
	const x = (ms: number) => inset + ((ms - lo) / (hi - lo)) * (100 - 2 * inset);
	const pct = (value: number) => `${value.toFixed(3)}%`;
	const height = axisHeight + view.rows.length * rowHeight + 4;

	const ticks = axis(lo, hi, step, x, height);

	const bars = view.rows.map((row, i) => {
		const top = axisHeight + i * rowHeight;
		const zero = x(0);
		const warmEnd = x(row.warmAddedMs);
		const name = row.note ? `${row.name} (${row.note})` : row.name;
		const value = formatMs(row.warmAddedMs, { signed: true });
		const cold = view.showsColdStarts
			? `<rect class="lx-cold" x="${pct(Math.min(zero, x(row.coldAddedMs)))}" y="${top + 24}" width="${pct(Math.abs(x(row.coldAddedMs) - zero))}" height="16" rx="2"/>`
			: '';
		const highlight = row.placement === sameDatacenter ? ' lx-row-same-dc' : '';
		return [
			`<g class="lx-row${highlight}">`,
			`<text class="lx-name" x="${pct(inset)}" y="${top + 17}">${escapeHtml(name)}</text>`,
			`<text class="lx-value" x="${pct(100 - inset)}" y="${top + 17}" text-anchor="end">${escapeHtml(value)}</text>`,
			cold,
			`<rect class="lx-bar" x="${pct(Math.min(zero, warmEnd))}" y="${top + 26}" width="${pct(Math.max(Math.abs(warmEnd - zero), 0.4))}" height="12" rx="2"/>`,
			'</g>',
		].join('');
	});

	const title = 'Modelled added latency of the server-side path, by server location';
	return chartSvg({ idPrefix, title, summary: view.summary, height }, [...ticks, ...bars]);
}

/** The grid lines and labels of a chart's time axis, from `lo` to `hi` in `step`s. */
export function axis(
	lo: number,
	hi: number,
	step: number,
	x: (ms: number) => number,
	height: number
): string[] {
	const pct = (value: number) => `${value.toFixed(3)}%`;
	const ticks: string[] = [];
	for (let t = lo; t <= hi + step / 2; t += step) {
		const at = x(t);
		const anchor = at < 6 ? 'start' : at > 94 ? 'end' : 'middle';
		const label = t === hi ? formatMs(t) : formatMs(t).replace(' ms', '');
		ticks.push(
			`<line class="lx-grid${t === 0 ? ' lx-zero' : ''}" x1="${pct(at)}" x2="${pct(at)}" y1="${axisHeight - 6}" y2="${height}"/>`,
			`<text class="lx-tick" x="${pct(at)}" y="${axisHeight - 12}" text-anchor="${anchor}">${escapeHtml(label)}</text>`
		);
	}
	return ticks;
}

/** An explorer chart: an image named by its title and described by its summary sentence. */
export function chartSvg(
	{
		idPrefix,
		title,
		summary,
		height,
	}: { idPrefix: string; title: string; summary: string; height: number },
	parts: string[]
): string {
	return [
		`<svg class="lx-chart" width="100%" height="${height}" role="img" aria-labelledby="${idPrefix}-title ${idPrefix}-desc" xmlns="http://www.w3.org/2000/svg">`,
		`<title id="${idPrefix}-title">${escapeHtml(title)}</title>`,
		`<desc id="${idPrefix}-desc">${escapeHtml(summary)} The table below lists every value.</desc>`,
		...parts,
		'</svg>',
	].join('');
}

/** The same numbers as a table, for screen readers, copying and anyone who prefers one. */
export function renderTable(view: ExplorerView): string {
	const cold = view.showsColdStarts;
	const head = [
		'Server location',
		'Reader ↔ server RTT',
		'Server ↔ PocketBase RTT',
		'Added, warm request',
		...(cold ? ['Added, cold start', 'Added, average'] : []),
	];
	const body = view.rows.map((row) => {
		const name = row.note ? `${row.name} (${row.note})` : row.name;
		const cells = [
			formatMs(row.browserServerMs),
			formatMs(row.serverPocketBaseMs),
			formatMs(row.warmAddedMs, { signed: true }),
			...(cold
				? [
						formatMs(row.coldAddedMs, { signed: true }),
						formatMs(row.expectedAddedMs, { signed: true }),
					]
				: []),
		];
		return `<tr><th scope="row">${escapeHtml(name)}</th>${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`;
	});
	return [
		'<table class="lx-table">',
		`<caption>All values modelled. Direct reader ↔ PocketBase round trip: ${escapeHtml(formatMs(view.directRttMs))}.</caption>`,
		`<thead><tr>${head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>`,
		`<tbody>${body.join('')}</tbody>`,
		'</table>',
	].join('');
}

import { describe, expect, it } from 'vitest';
import { sameDatacenterRttMs } from '~/lib/locations';
import { architectures } from '~/lib/page-load';
import { defaultSettings } from '~/lib/url-state';
import {
	pageLoadParams,
	pageLoadView,
	renderPageLoadChart,
	renderPageLoadTable,
} from './latency-explorer-page-load';
import { explorerSchema, explorerView, type ExplorerSettings } from './latency-explorer-view';

const defaults = defaultSettings(explorerSchema);
const settings = (changes: Partial<ExplorerSettings>): ExplorerSettings => ({
	...defaults,
	...changes,
});

describe('the page-load model’s inputs from the explorer', () => {
	it('reaches PocketBase over the same route as the request chart’s direct call', () => {
		const s = settings({ reader: 'syd', pocketbase: 'fsn' });
		expect(pageLoadParams(s).browserPocketBaseRttMs).toBe(explorerView(s).directRttMs);
	});

	it('puts the static host near the reader and the far server in the reader’s city', () => {
		const p = pageLoadParams(settings({ reader: 'syd', pocketbase: 'fsn' }));
		expect(p.browserSiteRttMs).toBeLessThan(p.browserPocketBaseRttMs / 10);
		expect(p.farBrowserServerRttMs).toBe(p.browserSiteRttMs);
		// The far server pays the long leg instead of the reader.
		expect(p.farServerPocketBaseRttMs).toBeGreaterThan(p.browserPocketBaseRttMs / 2);
		expect(p.nearServerPocketBaseRttMs).toBe(sameDatacenterRttMs);
	});

	it('takes the handler time and the PocketBase calls from the request settings', () => {
		const p = pageLoadParams(settings({ handlerMs: 12, upstreamCalls: 3 }));
		expect(p.handlerMs).toBe(12);
		expect(p.serverCalls).toBe(3);
	});
});

describe('pageLoadView', () => {
	it('has every architecture once, fastest first view first', () => {
		const view = pageLoadView(defaults);
		expect(view.rows.map((r) => r.architecture).sort()).toEqual([...architectures].sort());
		const times = view.rows.map((r) => r.contentMs);
		expect(times).toEqual([...times].sort((a, b) => a - b));
	});

	it('gives a far reader’s first view of their notes to the server beside PocketBase, and says so', () => {
		const view = pageLoadView(settings({ reader: 'syd', pocketbase: 'fsn', page: 'my-notes' }));
		const by = (a: string) => view.rows.find((r) => r.architecture === a)!;
		expect(by('server-near').contentMs).toBeLessThan(by('browser-direct').contentMs);
		expect(view.summary).toContain('the server beside PocketBase shows it');
		// …while the next click is cheaper direct, with no server in the way.
		expect(by('browser-direct').nextMs).toBeLessThan(by('server-near').nextMs);
	});

	it('lets a server near the reader win the first view while it makes one or two calls', () => {
		// The first-visit page says so for Sydney and Falkenstein; this holds it to the model.
		const content = (upstreamCalls: number, a: string) =>
			pageLoadView(settings({ reader: 'syd', pocketbase: 'fsn', upstreamCalls })).rows.find(
				(r) => r.architecture === a
			)!.contentMs;
		for (const calls of [1, 2]) {
			expect(content(calls, 'server-far')).toBeLessThan(content(calls, 'server-near'));
		}
		expect(content(3, 'server-far')).toBeGreaterThan(content(3, 'server-near'));
	});

	it('serves a public article fastest prebuilt: the content is in the HTML', () => {
		const view = pageLoadView(settings({ page: 'public-article' }));
		expect(view.rows[0]!.architecture).toBe('prebuilt');
		const notes = pageLoadView(settings({ page: 'my-notes' }));
		const prebuiltNotes = notes.rows.find((r) => r.architecture === 'prebuilt')!;
		expect(prebuiltNotes.contentMs).toBeGreaterThan(view.rows[0]!.contentMs);
	});

	it('names the far server by the reader’s city', () => {
		const view = pageLoadView(settings({ reader: 'syd' }));
		expect(view.rows.map((r) => r.name)).toContain('Server-rendered, server in Sydney');
	});
});

describe('rendering', () => {
	const view = pageLoadView(settings({ reader: 'syd', pocketbase: 'fsn' }));

	it('draws one row per architecture, its phases side by side, labelled by the summary', () => {
		const svg = renderPageLoadChart(view, 'x-chart');
		expect(svg.match(/class="lx-row"/g)).toHaveLength(architectures.length);
		const phases = view.rows.reduce((n, row) => n + row.phases.length, 0);
		expect(svg.match(/class="lx-phase /g)).toHaveLength(phases);
		expect(svg).toContain('aria-labelledby="x-chart-title x-chart-desc"');
		expect(svg).toContain('CORS preflight');
	});

	it('tables every architecture with its first view, next clicks and phases', () => {
		const html = renderPageLoadTable(view);
		expect(html.match(/<tr><th scope="row">/g)).toHaveLength(architectures.length);
		expect(html).toContain('Next click, preflight due');
		expect(html).not.toContain('<script');
	});
});

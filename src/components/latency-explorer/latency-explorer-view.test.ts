import { describe, expect, it } from 'vitest';
import {
	urlPrefix,
	explorerSchema,
	explorerView,
	niceStep,
	renderChart,
	renderTable,
	scenarioFromSettings,
	type ExplorerSettings,
} from './latency-explorer-view';
import { modelRequest } from '~/lib/network-model';
import { decodeSettings, defaultSettings, encodeSettings } from '~/lib/url-state';

const defaults = defaultSettings(explorerSchema);

describe('explorer settings', () => {
	it('default to a reader in London and PocketBase in Falkenstein with the default model', () => {
		expect(defaults).toMatchObject({ reader: 'lhr', pocketbase: 'fsn', routeFactor: 1.5 });
	});

	it('survive a trip through the URL', () => {
		const settings: ExplorerSettings = {
			...defaults,
			reader: 'syd',
			routeFactor: 2.1,
			coldStartChance: 0.05,
			serverKeepAlive: false,
		};
		const params = encodeSettings(explorerSchema, settings, urlPrefix);
		expect(params.get('lx-route-factor')).toBe('2.1');
		expect(decodeSettings(explorerSchema, params, urlPrefix)).toEqual({
			value: settings,
			problems: [],
		});
	});

	it('become the model scenario', () => {
		const scenario = scenarioFromSettings({
			...defaults,
			coldStartChance: 0.2,
			coldStartMs: 800,
		});
		expect(scenario).toMatchObject({ coldStartChance: 0.2, coldStartMs: 800 });
		expect(scenario.reader).toBe('lhr');
	});
});

describe('explorerView', () => {
	it('ranks placements from cheapest to dearest, the same datacenter first', () => {
		const view = explorerView(defaults);
		expect(view.rows[0]!.placement).toBe('same-dc');
		const added = view.rows.map((row) => row.warmAddedMs);
		expect(added).toEqual([...added].sort((a, b) => a - b));
	});

	it('uses the model’s own numbers', () => {
		const view = explorerView(defaults);
		const iad = view.rows.find((row) => row.placement === 'iad')!;
		const model = modelRequest({ ...scenarioFromSettings(defaults), server: 'iad' });
		expect(iad.warmAddedMs).toBe(model.addedMs);
		expect(iad.browserServerMs).toBe(model.legs.browserServer.rttMs);
		expect(view.directRttMs).toBe(model.legs.browserPocketBase.rttMs);
	});

	it('marks the reader’s and PocketBase’s cities', () => {
		const view = explorerView(defaults);
		expect(view.rows.find((r) => r.placement === 'lhr')?.note).toBe('reader’s city');
		expect(view.rows.find((r) => r.placement === 'fsn')?.note).toBe('PocketBase’s city');
		const same = explorerView({ ...defaults, reader: 'fsn' });
		expect(same.rows.find((r) => r.placement === 'fsn')?.note).toBe('reader and PocketBase');
	});

	it('says what is modelled and with which parameters', () => {
		const view = explorerView({ ...defaults, routeFactor: 2.1, upstreamCalls: 2 });
		expect(view.summary).toMatch(/^Modelled: a reader in London reaches PocketBase in Falkenstein/);
		expect(view.summary).toContain(
			'ms slower with the server in the same datacenter as PocketBase'
		);
		expect(view.parameters).toContain('route factor 2.1');
		expect(view.parameters).toContain('2 PocketBase calls per request');
		expect(view.parameters).toContain('no cold starts');
	});
});

describe('renderChart', () => {
	it('draws one labelled bar per placement with an accessible name', () => {
		const view = explorerView(defaults);
		const svg = renderChart(view, 'lx1');
		expect(svg.match(/class="lx-bar"/g)).toHaveLength(view.rows.length);
		expect(svg).toContain('aria-labelledby="lx1-title lx1-desc"');
		expect(svg).toContain('Modelled added latency');
		expect(svg).toContain('PocketBase’s datacenter');
		expect(svg).not.toContain('NaN');
	});

	it('adds the cold-start outline only when cold starts can happen', () => {
		expect(renderChart(explorerView(defaults), 'a')).not.toContain('lx-cold');
		const withCold = explorerView({ ...defaults, coldStartChance: 0.01 });
		expect(renderChart(withCold, 'a').match(/class="lx-cold"/g)).toHaveLength(withCold.rows.length);
	});

	it('draws bars left of zero when the proxy path is faster', () => {
		// Edge server in the reader's city, fresh connections: the proxy wins.
		const view = explorerView({ ...defaults, reader: 'syd', browserConnection: 'new' });
		const syd = view.rows.find((row) => row.placement === 'syd')!;
		expect(syd.warmAddedMs).toBeLessThan(0);
		expect(renderChart(view, 'a')).toContain('class="lx-grid lx-zero"');
	});
});

describe('renderTable', () => {
	it('lists every placement with its values, labelled modelled', () => {
		const view = explorerView({ ...defaults, coldStartChance: 0.5 });
		const html = renderTable(view);
		expect(html.match(/<tr><th scope="row">/g)).toHaveLength(view.rows.length);
		expect(html).toContain('All values modelled');
		expect(html).toContain('Added, cold start');
	});
});

describe('chart axis', () => {
	it('picks round tick steps', () => {
		expect(niceStep(480)).toBe(200);
		expect(niceStep(30)).toBe(10);
		expect(niceStep(3)).toBe(1);
	});
});

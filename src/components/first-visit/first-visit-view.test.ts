import { describe, expect, it } from 'vitest';
import { defaultSettings } from '~/lib/url-state';
import {
	compare,
	doneText,
	firstVisitSchema,
	handshakeOf,
	measuredContentMs,
	measuredRows,
	modelParams,
	notRecordedHow,
	pocketBaseRttMs,
	preflightMs,
	siteRttMs,
	sourceText,
	tableTitles,
	verdict,
	type Measurements,
	type TimingEntry,
} from './first-visit-view';

const entry = (over: Partial<TimingEntry> = {}): TimingEntry => ({
	name: 'http://pb.test/api/health',
	startTime: 100,
	domainLookupStart: 100,
	domainLookupEnd: 100,
	connectStart: 100,
	secureConnectionStart: 0,
	connectEnd: 100,
	requestStart: 101,
	responseStart: 111,
	responseEnd: 112,
	transferSize: 500,
	decodedBodySize: 400,
	...over,
});

/** A page whose HTML took 12 ms, a PocketBase 20 ms away, preflights costing one round trip. */
const measurements: Measurements = {
	navigation: entry({
		startTime: 0,
		domainLookupStart: 1,
		domainLookupEnd: 3,
		connectStart: 3,
		secureConnectionStart: 8,
		connectEnd: 13,
		requestStart: 13,
		responseStart: 23,
		responseEnd: 25,
	}),
	script: entry({
		name: 'http://site.test/_astro/pocketbase.es.abc.js',
		startTime: 50,
		responseEnd: 61,
	}),
	firstPocketBase: entry({
		domainLookupStart: 100,
		domainLookupEnd: 104,
		connectStart: 104,
		secureConnectionStart: 124,
		connectEnd: 144,
	}),
	preflighted: [40, 41, 42, 90, 39].map((whole) => ({ measuredMs: 20, wholeFetchMs: whole })),
	simple: [21, 20, 22, 20, 60].map((whole) => ({ measuredMs: 20, wholeFetchMs: whole })),
};
const settings = defaultSettings(firstVisitSchema);

describe('reading the browser’s timings', () => {
	it('splits a new connection into DNS, connect and TLS, and calls a reused one reused', () => {
		expect(handshakeOf(measurements.firstPocketBase)).toEqual({
			dnsMs: 4,
			connectMs: 40,
			tlsMs: 20,
		});
		expect(handshakeOf(entry())).toBeUndefined();
		expect(handshakeOf(undefined)).toBeUndefined();
	});

	it('takes the preflight as the difference of the medians, never below zero', () => {
		expect(preflightMs(measurements)).toBe(41 - 21);
		expect(
			preflightMs({ preflighted: measurements.simple, simple: measurements.preflighted })
		).toBe(0);
		expect(preflightMs({ preflighted: [], simple: [] })).toBeUndefined();
	});

	it('takes the round trips from the simple calls and this page’s HTML', () => {
		expect(pocketBaseRttMs(measurements)).toBe(20);
		expect(siteRttMs(measurements.navigation)).toBe(10);
		expect(siteRttMs(undefined)).toBeUndefined();
	});
});

describe('measuredRows', () => {
	const rows = measuredRows(measurements);

	it('lists every phase of the browser-rendered load, each measured, in load order', () => {
		expect(rows.map((r) => [r.phase, r.ms])).toEqual([
			['Connection to this site (DNS, TCP, TLS)', 12],
			['HTML of this page', 12],
			['Script: the PocketBase SDK', 11],
			['Second origin: DNS, TCP and TLS to PocketBase', 44],
			['CORS preflight (OPTIONS)', 20],
			['Data: the SDK’s list call', 20],
			['Next call, no preflight due', 21],
			['Next call to a new URL (preflighted)', 41],
		]);
		expect(rows.every((r) => r.source === 'measured')).toBe(true);
		expect(rows[3]?.how).toContain('DNS 4.0 ms, connect 40 ms, of which TLS 20 ms');
		expect(rows[4]?.how).toContain('Chromium gives the preflight no entry of its own');
	});

	it('adds the load phases up to a time to content', () => {
		expect(measuredContentMs(rows)).toBe(12 + 12 + 11 + 44 + 20 + 20);
		expect(doneText(measuredContentMs(rows), 5)).toBe(
			'Done: 5 preflighted and 5 simple calls measured; the browser-rendered page’s phases add up to 119 ms (measured in your browser).'
		);
	});

	it('says so when a connection was reused or the script came from the cache', () => {
		const warm = measuredRows({
			...measurements,
			firstPocketBase: entry(),
			script: entry({ transferSize: 0 }),
		});
		expect(warm[3]).toMatchObject({
			ms: 0,
			how: 'reused: your browser already had a connection to PocketBase open',
		});
		expect(warm[2]?.how).toBe('Resource Timing; served from your browser’s cache');
	});

	it('marks what the browser did not record as not seen, and sums nothing then', () => {
		const bare = measuredRows({ ...measurements, script: undefined, navigation: undefined });
		expect(bare[0]).toMatchObject({ ms: undefined, source: 'not-seen' });
		expect(bare[2]).toMatchObject({ source: 'not-seen', how: 'no entry for the SDK’s script' });
		expect(measuredContentMs(bare)).toBeUndefined();
	});

	it('from a recorded run, shows its calls as recorded and none of this page’s own load', () => {
		// Even with this page's entries at hand, a recorded run never mixes them in.
		const rows = measuredRows({ ...measurements, recorded: true });
		expect(rows.slice(0, 4).map((r) => [r.ms, r.source, r.how])).toEqual(
			Array.from({ length: 4 }, () => [undefined, 'not-seen', notRecordedHow])
		);
		expect(rows.slice(4).every((r) => r.source === 'recorded' && r.ms !== undefined)).toBe(true);
		expect(rows.map((r) => sourceText(r, true))).toEqual([
			...Array.from({ length: 4 }, () => 'not in the recording'),
			...Array.from({ length: 4 }, () => 'as recorded'),
		]);
		expect(measuredContentMs(rows)).toBeUndefined();
		expect(doneText(measuredContentMs(rows), 5, true)).toMatch(
			/^Done: 5 preflighted and 5 simple calls, as recorded; this page’s own load is not part/
		);
		expect(tableTitles(true).measured).toContain('as recorded');
		expect(compare({ ...measurements, recorded: true }, settings).inputs).toMatch(
			/^Model inputs: PocketBase [\d.]+ ms \(as recorded: every call, sent to last byte\), this site the same/
		);
	});
});

describe('the modelled architectures', () => {
	it('plugs the measured round trips into the model', () => {
		expect(modelParams(measurements, settings)).toMatchObject({
			browserSiteRttMs: 10,
			browserPocketBaseRttMs: 20,
			dnsMs: 4,
			serverCalls: 2,
			farBrowserServerRttMs: settings.farBrowserServer,
		});
		expect(modelParams(measurements, { ...settings, page: 'public-article' }).serverCalls).toBe(1);
	});

	it('lists the model’s inputs, each saying measured or modelled', () => {
		expect(compare(measurements, settings).inputs).toBe(
			`Model inputs: this site 10 ms (measured: this page’s HTML, request sent to first byte, the host’s own work included), PocketBase 20 ms (measured: every call, sent to last byte), DNS 4.0 ms (measured); server beside PocketBase 0.5 ms to it, far server ${settings.farBrowserServer} ms to you and ${settings.farServerPocketBase} ms to PocketBase, handler 2.0 ms, 2 PocketBase calls per server-rendered page (modelled).`
		);
	});

	it('gives every architecture a time to content and both next interactions', () => {
		const { rows } = compare(measurements, settings);
		expect(rows.map((r) => r.architecture)).toEqual([
			'browser-direct',
			'browser-preconnect',
			'browser-same-origin',
			'server-near',
			'server-far',
			'prebuilt',
		]);
		const direct = rows[0]!;
		expect(direct.nextMs).toBe(20);
		expect(direct.nextAfterCacheMs).toBe(40);
		expect(Math.max(...rows.flatMap((r) => r.phases.map((p) => p.share)))).toBeLessThanOrEqual(1);
		expect(direct.description).toMatch(/^\d+ ms modelled: DNS lookup of the static host/);
	});

	it('says plainly that the server beside PocketBase wins the first view and direct the next', () => {
		const { rows } = compare(measurements, settings);
		const text = verdict(rows, 'my-notes');
		expect(text).toMatch(
			/^First view of “My notes” \(signed in\): the server beside PocketBase beats/
		);
		expect(text).toContain(
			'Next interaction: direct is 3.0 ms faster than the server beside PocketBase when no preflight is due'
		);
		expect(text).toContain(
			'a cross-origin call to a new URL pays a preflight, 40 ms against the server’s 23 ms'
		);
	});

	it('names the prebuilt page fastest for a public article', () => {
		const { rows } = compare(measurements, { ...settings, page: 'public-article' });
		expect(verdict(rows, 'public-article')).toContain(
			'Fastest first view: prebuilt (static), live parts fetched directly.'
		);
	});
});

import { describe, expect, it } from 'vitest';
import { newConnectionRoundTrips } from './network-model';
import {
	architectures,
	comparePageLoads,
	modelPageLoad,
	paysPreflight,
	type PageLoadParams,
} from './page-load';

/** A reader 20 ms from PocketBase and from the static host, a far server 90 ms away. */
const params: PageLoadParams = {
	browserSiteRttMs: 20,
	browserPocketBaseRttMs: 20,
	nearServerPocketBaseRttMs: 0.5,
	farBrowserServerRttMs: 90,
	farServerPocketBaseRttMs: 95,
	dnsMs: 10,
	handlerMs: 2,
	serverCalls: 1,
};
const handshake = newConnectionRoundTrips;

describe('modelPageLoad', () => {
	it('charges the browser-rendered page HTML, script, a second handshake, a preflight and data', () => {
		const load = modelPageLoad('browser-direct', 'public-article', params);
		expect(load.phases.map((p) => p.kind)).toEqual([
			'dns',
			'connect',
			'html',
			'script',
			'connect',
			'preflight',
			'data',
		]);
		// Site: DNS + handshake + HTML + script; PocketBase: DNS + handshake + preflight + data.
		expect(load.contentMs).toBeCloseTo(
			10 + handshake * 20 + 20 + 20 + 10 + handshake * 20 + 20 + 20
		);
	});

	it('sends the data with the first response from a server beside PocketBase', () => {
		const load = modelPageLoad('server-near', 'public-article', params);
		expect(load.phases.map((p) => p.kind)).not.toContain('preflight');
		expect(load.contentMs).toBeCloseTo(10 + handshake * 20 + 20 + 2 + 0.5);
	});

	it('lets a server beside PocketBase win the first view and direct win the next interaction', () => {
		const direct = modelPageLoad('browser-direct', 'my-notes', params);
		const near = modelPageLoad('server-near', 'my-notes', params);
		expect(near.contentMs).toBeLessThan(direct.contentMs);
		// Within 5 s of the last preflight, a direct call is one round trip; the server adds its
		// handler and the hop to PocketBase.
		expect(direct.next.totalMs).toBe(20);
		expect(near.next.totalMs).toBeCloseTo(20 + 2 + 0.5);
		expect(direct.next.totalMs).toBeLessThan(near.next.totalMs);
		// Once the preflight has expired, the direct call pays two round trips and loses.
		expect(direct.nextAfterCache.totalMs).toBe(40);
		expect(direct.nextAfterCache.steps.map((s) => s.kind)).toEqual(['preflight', 'round-trip']);
	});

	it('charges a far server its long legs on every view', () => {
		const far = modelPageLoad('server-far', 'public-article', params);
		expect(far.contentMs).toBeCloseTo(10 + handshake * 90 + 90 + 2 + 95);
		expect(far.next.totalMs).toBeCloseTo(90 + 2 + 95);
		const direct = modelPageLoad('browser-direct', 'public-article', params);
		expect(far.contentMs).toBeGreaterThan(direct.contentMs);
	});

	it('counts each PocketBase call a server makes for a signed-in page', () => {
		const two = modelPageLoad('server-far', 'my-notes', { ...params, serverCalls: 2 });
		expect(two.contentMs).toBeCloseTo(10 + handshake * 90 + 90 + 2 + 2 * 95);
		expect(two.phases.at(-1)?.label).toBe('Server ↔ PocketBase, 2 calls one after another');
	});

	it('hides the second handshake behind the script with preconnect, as far as it fits', () => {
		const hidden = modelPageLoad('browser-preconnect', 'public-article', {
			...params,
			browserSiteRttMs: 60,
		});
		expect(hidden.phases.find((p) => p.kind === 'connect' && p.label.includes('preconnect'))).toBe(
			undefined
		);
		const partly = modelPageLoad('browser-preconnect', 'public-article', params);
		const rest = partly.phases.find((p) => p.label.includes('preconnect'));
		expect(rest?.ms).toBeCloseTo(10 + handshake * 20 - 20);
		expect(partly.phases.map((p) => p.kind)).toContain('preflight');
	});

	it('drops the preflight and the second handshake when PocketBase shares the app’s origin', () => {
		const load = modelPageLoad('browser-same-origin', 'my-notes', params);
		expect(load.phases.map((p) => p.kind)).toEqual(['dns', 'connect', 'html', 'script', 'data']);
		expect(load.nextAfterCache.totalMs).toBe(20);
	});

	it('shows a prebuilt public article with its HTML, and fetches a reader’s notes directly', () => {
		const article = modelPageLoad('prebuilt', 'public-article', params);
		expect(article.phases.map((p) => p.kind)).toEqual(['dns', 'connect', 'html']);
		expect(article.contentMs).toBeCloseTo(10 + handshake * 20 + 20);
		const notes = modelPageLoad('prebuilt', 'my-notes', params);
		expect(notes.contentMs).toBeCloseTo(
			modelPageLoad('browser-direct', 'my-notes', params).contentMs
		);
	});

	it('charges plain HTTP one round trip per new connection, the TCP handshake alone', () => {
		const tcp = { ...params, dnsMs: 0, connectionRoundTrips: 1 };
		const direct = modelPageLoad('browser-direct', 'my-notes', tcp);
		// Site: handshake + HTML + script; PocketBase: handshake + preflight + data.
		expect(direct.contentMs).toBeCloseTo(6 * 20);
		expect(direct.phases[0]?.label).toBe('Connection to the static host (TCP, no TLS)');
		const near = modelPageLoad('server-near', 'my-notes', tcp);
		expect(near.contentMs).toBeCloseTo(20 + 20 + 2 + 0.5);
	});

	it('hides a preconnected handshake behind the browser’s work too, never below zero', () => {
		const tcp = { ...params, dnsMs: 0, connectionRoundTrips: 1, browserPocketBaseRttMs: 60 };
		const connect = (browserWorkMs?: number) =>
			modelPageLoad('browser-preconnect', 'my-notes', {
				...tcp,
				...(browserWorkMs === undefined ? {} : { browserWorkMs }),
			}).phases.find((p) => p.kind === 'connect' && p.label.includes('PocketBase'))?.ms ?? 0;
		// A 60 ms handshake behind the script's 20 ms round trip, then behind 25 ms of work.
		expect(connect()).toBeCloseTo(40);
		expect(connect(25)).toBeCloseTo(15);
		expect(connect(100)).toBe(0);
		// The work itself is not charged: the content time counts round trips only.
		const direct = (browserWorkMs: number) =>
			modelPageLoad('browser-direct', 'my-notes', { ...tcp, browserWorkMs }).contentMs;
		expect(direct(100)).toBeCloseTo(direct(0));
	});

	it('leaves out phases that cost nothing (a cached DNS answer)', () => {
		const load = modelPageLoad('server-near', 'public-article', { ...params, dnsMs: 0 });
		expect(load.phases.map((p) => p.kind)).not.toContain('dns');
	});
});

describe('comparePageLoads', () => {
	it('models every architecture once, in order', () => {
		const rows = comparePageLoads('my-notes', params);
		expect(rows.map((r) => r.architecture)).toEqual(architectures);
		expect(rows.every((r) => r.page === 'my-notes')).toBe(true);
	});
});

describe('paysPreflight', () => {
	it('pays on the first call and once the 5 s cache has run out', () => {
		expect(paysPreflight(undefined)).toBe(true);
		expect(paysPreflight(4.9)).toBe(false);
		expect(paysPreflight(5)).toBe(true);
		expect(paysPreflight(30, 600)).toBe(false);
	});
});

import { describe, expect, it } from 'vitest';
import { defaultSettings } from './url-state';
import {
	allAnswerSets,
	answerSchema,
	recommend,
	steps,
	type Answers,
	type RecommendationKind,
} from './decision-guide';

const answers = (changes: Partial<Answers>): Answers => ({
	...defaultSettings(answerSchema),
	...changes,
});
const kinds: RecommendationKind[] = ['direct', 'hook', 'static', 'server'];

describe('every answer set', () => {
	const all = allAnswerSets();

	it('is enumerated once each: 2 × 2 × 3 × 2 × 4 × 2 × 2 combinations', () => {
		expect(all).toHaveLength(384);
		expect(new Set(all.map((a) => JSON.stringify(a))).size).toBe(384);
	});

	it.each(all.map((a) => [JSON.stringify(a), a] as const))(
		'%s gets a recommendation with cited reasons',
		(_, a) => {
			const r = recommend(a);
			expect(kinds).toContain(r.kind);
			expect(r.title.length).toBeGreaterThan(10);
			expect(r.summary.length).toBeGreaterThan(20);
			expect(r.reasons.length).toBeGreaterThan(0);
			// The first reason is the step's own: the section that argues the recommendation.
			expect(r.reasons[0]).toBe(steps.find((s) => s.id === r.step)!.reason);
			for (const reason of r.reasons) expect(reason.href).toMatch(/^\/[a-z-/]+\/#[a-z0-9-]+$/);
			expect(new Set(r.reasons.map((x) => x.href)).size).toBe(r.reasons.length);
		}
	);

	it('reaches every step of the flow and every kind of recommendation', () => {
		const reached = new Set(all.map((a) => recommend(a).step));
		expect([...reached].sort()).toEqual(steps.map((s) => s.id).sort());
		expect(new Set(all.map((a) => recommend(a).kind))).toEqual(new Set(kinds));
	});

	it('is decided by the first step that applies', () => {
		for (const a of all) {
			expect(recommend(a).step).toBe(steps.find((s) => s.applies(a))!.id);
		}
	});
});

describe('the important cases', () => {
	it('per-user data with nothing else: direct under API rules', () => {
		const r = recommend(answers({}));
		expect(r.kind).toBe('direct');
		expect(r.reasons.map((x) => x.href)).toEqual([
			'/approaches/api-rules/#one-request-one-check',
			'/problem/auth-state/#what-to-do-instead',
		]);
	});

	it('public data: static generation, with the browser doing the live parts', () => {
		const r = recommend(answers({ data: 'public', realtime: true, traffic: 'high' }));
		expect(r.kind).toBe('static');
		expect(r.reasons.map((x) => x.href)).toEqual([
			'/approaches/static-generation/#when-it-fits',
			'/approaches/static-generation/#let-the-browser-fetch-the-live-parts',
			'/approaches/static-generation/#credentials-and-rate-limits-at-build-time',
		]);
	});

	it('a secret: a JS hook, even for public data', () => {
		const r = recommend(answers({ secret: true, data: 'public' }));
		expect(r.kind).toBe('hook');
		expect(r.reasons[0]!.href).toBe('/server-side/when/#integrations-that-hold-secrets');
		expect(r.reasons.map((x) => x.href)).toContain(
			'/approaches/js-hooks/#app-ignores-rules-so-re-apply-them'
		);
	});

	it('a query across users: a hook route or view collection', () => {
		expect(recommend(answers({ aggregation: 'query' })).kind).toBe('hook');
	});

	it('heavy compute: a server with a superuser client, and latency is not the argument next door', () => {
		const r = recommend(answers({ aggregation: 'compute', placement: 'same-datacenter' }));
		expect(r.kind).toBe('server');
		expect(r.reasons.map((x) => x.href)).toEqual([
			'/server-side/when/#heavy-aggregation-and-reports',
			'/server-side/doing-it-right/#a-superuser-client-for-server-only-work',
			'/server-side/when/#first-be-fair-about-latency',
			'/check/#paste-your-files',
		]);
	});

	it('heavy compute wins over a secret: the server can hold the key too', () => {
		expect(recommend(answers({ aggregation: 'compute', secret: true })).kind).toBe('server');
	});

	it('a far server with the limiter on is warned about the hop and the shared bucket', () => {
		const r = recommend(
			answers({ aggregation: 'compute', placement: 'far', rateLimiter: true, traffic: 'high' })
		);
		const hrefs = r.reasons.map((x) => x.href);
		expect(hrefs).toContain('/problem/double-hops/#when-it-is-not');
		expect(hrefs).toContain('/problem/rate-limits/#one-server-one-bucket');
		expect(r.reasons.find((x) => x.href.endsWith('one-server-one-bucket'))!.text).toMatch(
			/many visitors/
		);
	});

	it('a private PocketBase: a server, whatever else is true, with realtime relayed', () => {
		for (const a of allAnswerSets().filter((x) => x.placement === 'private')) {
			expect(recommend(a).kind).toBe('server');
		}
		const r = recommend(answers({ placement: 'private', realtime: true, rateLimiter: true }));
		expect(r.reasons.map((x) => x.href)).toEqual([
			'/server-side/when/#pocketbase-is-not-reachable-from-the-internet',
			'/server-side/doing-it-right/#one-client-per-request',
			'/server-side/doing-it-right/#forward-the-visitors-ip-safely',
			'/problem/rate-limits/#one-server-one-bucket',
			'/problem/realtime/#what-a-proxy-has-to-do',
			'/check/#paste-your-files',
		]);
	});

	it('direct with the limiter on: each browser has its own budget', () => {
		const r = recommend(answers({ rateLimiter: true, realtime: true }));
		expect(r.kind).toBe('direct');
		expect(r.reasons.map((x) => x.href)).toContain('/problem/rate-limits/#how-the-limiter-works');
		expect(r.reasons.map((x) => x.href)).toContain(
			'/problem/realtime/#how-pocketbase-realtime-works'
		);
	});

	it('a server where a browser could go direct keeps realtime in the browser', () => {
		const r = recommend(answers({ aggregation: 'compute', realtime: true }));
		expect(r.reasons.map((x) => x.href)).toContain('/problem/realtime/#the-mixed-setup');
	});
});

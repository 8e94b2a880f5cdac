import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from './seeded-random';
import {
	collectionRequest,
	consumeWindow,
	findRateLimitRule,
	isIpInList,
	playgroundRules,
	pocketBaseDefaultRules,
	RateLimiterModel,
	realIp,
	remoteIp,
	tooManyRequests,
	type LimiterRequest,
	type LimiterSettings,
	type RateLimitRule,
} from './rate-limiter';

const users = { id: '_pb_users_auth_', name: 'users' };
const notes = { id: 'pbc_notes', name: 'notes' };
const articles = { id: 'pbc_articles', name: 'articles' };
const peer = '198.51.100.7:51234';

const settings = (
	rules: readonly RateLimitRule[],
	more: Partial<LimiterSettings['rateLimits']> = {},
	trustedProxy: LimiterSettings['trustedProxy'] = { headers: [], useLeftmostIP: false }
): LimiterSettings => ({
	rateLimits: { enabled: true, rules, excludedIPs: [], ...more },
	trustedProxy,
});

const signIn = (remoteAddr = peer, caller: LimiterRequest['caller'] = 'guest') =>
	collectionRequest('authWithPassword', users, { remoteAddr, caller });
const at = (second: number) => second * 1000;
/** Any real moment: a fresh key's window opens at its first request (start 0 is 1970). */
const T = at(1_700_000_000);
const pattern = (model: RateLimiterModel, requests: [LimiterRequest, number][]) =>
	requests.map(([request, ms]) => (model.check(request, ms).allowed ? 'ok' : '429')).join(' ');

describe('fixed window (consume)', () => {
	it('allows maxRequests in a window that starts with the first request', () => {
		const model = new RateLimiterModel(settings(pocketBaseDefaultRules));
		expect(
			pattern(
				model,
				[0.1, 0.2, 0.3, 2.9, 3.0].map((s) => [signIn(), at(1000 + s)])
			)
		).toBe('ok ok 429 429 ok');
	});

	it('counts in whole seconds: a window opened at x.9 s ends at x+3 s, 2.1 s later', () => {
		const model = new RateLimiterModel(settings(pocketBaseDefaultRules));
		expect(
			pattern(
				model,
				[1000.9, 1000.95, 1002.99, 1003.0].map((s) => [signIn(), at(s)])
			)
		).toBe('ok ok 429 ok');
	});

	it('does not start a window at a fixed clock: the first request after expiry opens it', () => {
		const model = new RateLimiterModel(settings(pocketBaseDefaultRules));
		// Windows at 1000–1002, then nothing until 1007, which opens 1007–1009.
		expect(
			pattern(
				model,
				[1000, 1000, 1007.5, 1007.6, 1009.9, 1010].map((s) => [signIn(), at(s)])
			)
		).toBe('ok ok ok ok 429 ok');
	});

	it('leaves the state alone when it refuses', () => {
		const state = { start: 10, available: 0 };
		expect(consumeWindow(state, 2, 3, 12)).toBe(false);
		expect(state).toEqual({ start: 10, available: 0 });
	});
});

describe('rule lookup (FindRateLimitRule)', () => {
	const rules: RateLimitRule[] = [
		{ label: '/api/', audience: '', duration: 10, maxRequests: 300 },
		{ label: 'POST /api/collections/', audience: '', duration: 1, maxRequests: 1 },
		{ label: '/api/collections/notes/records', audience: '', duration: 1, maxRequests: 2 },
		{ label: '*:create', audience: '', duration: 5, maxRequests: 20 },
		{ label: 'notes:create', audience: '', duration: 5, maxRequests: 5 },
	];
	const createLabels = [
		'notes:create',
		'*:create',
		'POST /api/collections/notes/records',
		'/api/collections/notes/records',
	];

	it('takes the exact tag first, whatever the rule order', () => {
		expect(findRateLimitRule(rules, createLabels)?.label).toBe('notes:create');
	});
	it('then the wildcard tag', () => {
		expect(findRateLimitRule(rules.slice(0, 4), createLabels)?.label).toBe('*:create');
	});
	it('then METHOD /prefix/ before an exact path', () => {
		expect(findRateLimitRule(rules.slice(0, 3), createLabels)?.label).toBe(
			'POST /api/collections/'
		);
	});
	it('then the exact path, then the path prefix', () => {
		expect(findRateLimitRule([rules[0]!, rules[2]!], createLabels)?.label).toBe(
			'/api/collections/notes/records'
		);
		expect(findRateLimitRule([rules[0]!], createLabels)?.label).toBe('/api/');
	});
	it('lets "/api/" match "/api" itself (it tests label + "/")', () => {
		expect(findRateLimitRule([rules[0]!], ['GET /api', '/api'])?.label).toBe('/api/');
	});
	it('skips rules for another audience', () => {
		const guestOnly: RateLimitRule[] = [
			{ label: '*:auth', audience: '@guest', duration: 3, maxRequests: 2 },
		];
		expect(findRateLimitRule(guestOnly, ['*:auth'], ['', '@auth'])).toBeUndefined();
		expect(findRateLimitRule(guestOnly, ['*:auth'], ['', '@guest'])?.label).toBe('*:auth');
	});
	it('matches no default rule outside /api/', () => {
		expect(findRateLimitRule(pocketBaseDefaultRules, ['GET /hello/x', '/hello/x'])).toBeUndefined();
	});
});

describe('buckets', () => {
	it('gives each collection and route its own bucket', () => {
		const model = new RateLimiterModel(
			settings([{ label: '/api/', audience: '', duration: 10, maxRequests: 1 }])
		);
		const list = (c: typeof notes) => collectionRequest('list', c, { remoteAddr: peer });
		const view = collectionRequest('view', notes, { remoteAddr: peer });
		expect(
			pattern(model, [
				[list(notes), T],
				[list(articles), T],
				[view, T],
				[list(notes), T],
			])
		).toBe('ok ok ok 429');
	});
	it('shares one bucket among other routes under /api/', () => {
		const model = new RateLimiterModel(
			settings([{ label: '/api/', audience: '', duration: 10, maxRequests: 1 }])
		);
		const global = (path: string): LimiterRequest => ({
			method: 'GET',
			path,
			caller: 'guest',
			remoteAddr: peer,
		});
		expect(
			pattern(model, [
				[global('/api/health'), T],
				[global('/api/realtime'), T],
			])
		).toBe('ok 429');
	});
	it('keeps one sign-in bucket per auth collection and per endpoint', () => {
		const model = new RateLimiterModel(settings(pocketBaseDefaultRules));
		const admins = { id: 'pbc_admins', name: '_superusers' };
		const otp = collectionRequest('authWithOTP', users, { remoteAddr: peer });
		const adminSignIn = collectionRequest('authWithPassword', admins, { remoteAddr: peer });
		expect(
			pattern(model, [
				[signIn(), T],
				[signIn(), T],
				[signIn(), T],
				[otp, T],
				[adminSignIn, T],
			])
		).toBe('ok ok 429 ok ok');
	});
	it('counts guests and signed-in users apart when a rule names an audience', () => {
		const model = new RateLimiterModel(
			settings([
				{ label: '*:auth', audience: '@guest', duration: 3, maxRequests: 1 },
				{ label: '*:auth', audience: '@auth', duration: 3, maxRequests: 1 },
			])
		);
		expect(
			pattern(model, [
				[signIn(), T],
				[signIn(peer, 'user'), T],
				[signIn(), T],
			])
		).toBe('ok ok 429');
	});
	it('lets a request through when no rule matches its audience', () => {
		const model = new RateLimiterModel(
			settings([{ label: '*:auth', audience: '@auth', duration: 3, maxRequests: 1 }])
		);
		expect(model.check(signIn(), T)).toMatchObject({ allowed: true, reason: 'no-rule' });
	});
	it('sizes a bucket by the rule that created it', () => {
		// A view's path names the record, but its bucket is the route's: the first rule wins.
		const model = new RateLimiterModel(
			settings([
				{ label: '/api/collections/notes/records/a', audience: '', duration: 10, maxRequests: 1 },
				{ label: '/api/', audience: '', duration: 10, maxRequests: 5 },
			])
		);
		const view = (id: string) =>
			collectionRequest('view', notes, { remoteAddr: peer, recordId: id });
		expect(
			pattern(model, [
				[view('a'), T],
				[view('b'), T],
			])
		).toBe('ok 429');
	});
});

describe('skips', () => {
	it('limits nothing when the limiter is off (PocketBase’s default)', () => {
		const model = new RateLimiterModel({
			...settings(pocketBaseDefaultRules, { enabled: false }),
		});
		expect(
			pattern(model, [
				[signIn(), T],
				[signIn(), T],
				[signIn(), T],
			])
		).toBe('ok ok ok');
	});
	it('never limits superusers', () => {
		const model = new RateLimiterModel(settings(pocketBaseDefaultRules));
		const su = signIn(peer, 'superuser');
		expect(
			pattern(model, [
				[su, T],
				[su, T],
				[su, T],
			])
		).toBe('ok ok ok');
		expect(model.check(su, T).reason).toBe('superuser');
	});
	it('never limits excluded addresses and subnets', () => {
		const model = new RateLimiterModel(
			settings(pocketBaseDefaultRules, { excludedIPs: ['198.51.100.0/24'] })
		);
		expect(model.check(signIn(), T).reason).toBe('excluded');
		expect(isIpInList(['10.0.0.1', '2001:db8::/32'], '2001:db8::5')).toBe(true);
		expect(isIpInList(['10.0.0.0/8'], '0000:0000:0000:0000:0000:ffff:0a00:0001')).toBe(false);
		expect(isIpInList(['bad', '10.0.0.1'], '10.0.0.1')).toBe(true);
		expect(isIpInList([], '10.0.0.1')).toBe(false);
	});
});

describe('client key (RealIP)', () => {
	const trust = (headers: string[], useLeftmostIP = false) => ({ headers, useLeftmostIP });
	it('is the TCP peer without trusted headers, IPv6 written out in full', () => {
		expect(remoteIp('198.51.100.7:1234')).toBe('198.51.100.7');
		expect(remoteIp('[2001:db8::1]:1234')).toBe('2001:0db8:0000:0000:0000:0000:0000:0001');
		expect(remoteIp('garbage')).toBe('invalid IP');
		expect(realIp(trust([]), peer, [['X-Real-IP', '10.0.0.1']])).toBe('198.51.100.7');
	});
	it('takes the last occurrence of a trusted header, its rightmost IP by default', () => {
		const headers = [
			['X-Forwarded-For', '10.0.0.1'],
			['x-forwarded-for', '10.0.0.2, 10.0.0.3, junk'],
		] as const;
		expect(realIp(trust(['X-Forwarded-For']), peer, headers)).toBe('10.0.0.3');
		expect(realIp(trust(['X-Forwarded-For'], true), peer, headers)).toBe('10.0.0.2');
	});
	it('passes over a header whose last occurrence is empty or holds no IP', () => {
		expect(
			realIp(trust(['A', 'B']), peer, [
				['A', '10.0.0.1'],
				['A', ''],
				['B', 'nope, 10.0.0.9'],
			])
		).toBe('10.0.0.9');
		expect(realIp(trust(['A']), peer, [['A', 'unknown']])).toBe('198.51.100.7');
	});
	it('parses addresses as Go does: no leading zeros, one ::', () => {
		const key = (value: string) => realIp(trust(['A']), peer, [['A', value]]);
		expect(key('010.0.0.1')).toBe('198.51.100.7');
		expect(key('1::2::3')).toBe('198.51.100.7');
		expect(key('::ffff:10.0.0.1')).toBe('0000:0000:0000:0000:0000:ffff:0a00:0001');
		expect(key(' 2001:DB8::1 ')).toBe('2001:0db8:0000:0000:0000:0000:0000:0001');
	});
});

describe('the 429', () => {
	it('is PocketBase’s ApiError with an empty data object and no Retry-After', () => {
		expect(JSON.parse(tooManyRequests.bodyText)).toEqual(tooManyRequests.body);
		expect(tooManyRequests.status).toBe(429);
		expect(Object.keys(tooManyRequests)).not.toContain('retryAfter');
	});
});

describe('the playground’s rules', () => {
	it('are what its migration saves', () => {
		const source = readFileSync(
			new URL(
				'../../playground/pb_migrations/1732600200_rate_limits_and_proxy_header.js',
				import.meta.url
			),
			'utf8'
		);
		const saved: { rateLimits: { rules: unknown } }[] = [];
		const fakeSettings = () => ({
			meta: {},
			rateLimits: { rules: [] as unknown },
			trustedProxy: {},
		});
		// The migration runs as PocketBase would run it, with the two globals it uses.
		runInNewContext(source, {
			migrate: (up: (app: unknown) => void) =>
				up({
					settings: fakeSettings,
					save: (s: { rateLimits: { rules: unknown } }) => saved.push(s),
				}),
			$os: { getenv: () => '' },
		});
		expect(saved[0]?.rateLimits.rules).toEqual(playgroundRules);
	});
});

describe('property: random sequences', () => {
	it('never allows more than maxRequests per key and window, and every window reopens', () => {
		const random = mulberry32(7);
		for (let run = 0; run < 200; run++) {
			const maxRequests = 1 + Math.floor(random() * 5);
			const duration = 1 + Math.floor(random() * 6);
			const model = new RateLimiterModel(
				settings([{ label: '*:auth', audience: '', duration, maxRequests }])
			);
			const keys = ['10.0.0.1:1', '10.0.0.2:1', '10.0.0.3:1'];
			let now = 1_700_000_000_000;
			const lastStart = new Map<string, number>();
			const used = new Map<string, number>();
			for (let i = 0; i < 150; i++) {
				now += Math.floor(random() * 1500);
				const remoteAddr = keys[Math.floor(random() * keys.length)]!;
				const decision = model.check(signIn(remoteAddr), now);
				if (decision.reason !== 'counted') throw new Error('every request is counted');
				const second = Math.floor(now / 1000);
				const start = lastStart.get(remoteAddr);
				// A window reopens once `duration` whole seconds have passed since it opened.
				if (start === undefined || second - start >= duration) {
					expect(decision.allowed).toBe(true);
					expect(decision.windowStart).toBe(second);
					lastStart.set(remoteAddr, second);
					used.set(remoteAddr, 1);
				} else {
					// Inside a window: the window does not move, counts only go up, to the cap.
					expect(decision.windowStart).toBe(start);
					const count = used.get(remoteAddr)!;
					expect(decision.allowed).toBe(count < maxRequests);
					if (decision.allowed) used.set(remoteAddr, count + 1);
				}
				expect(used.get(remoteAddr)!).toBeLessThanOrEqual(maxRequests);
				expect(decision.remaining).toBe(maxRequests - used.get(remoteAddr)!);
			}
		}
	});

	it('keeps keys independent: one key’s traffic never changes another’s answers', () => {
		const random = mulberry32(11);
		const rules = [{ label: '*:auth', audience: '' as const, duration: 3, maxRequests: 2 }];
		const alone = new RateLimiterModel(settings(rules));
		const mixed = new RateLimiterModel(settings(rules));
		let now = 1_700_000_000_000;
		for (let i = 0; i < 500; i++) {
			now += Math.floor(random() * 900);
			if (random() < 0.5) mixed.check(signIn('10.9.9.9:1'), now);
			else expect(mixed.check(signIn(), now).allowed).toBe(alone.check(signIn(), now).allowed);
		}
	});
});

import { describe, expect, it } from 'vitest';
import {
	attackPerSecond,
	CrowdRun,
	crowdEvents,
	crowdRequest,
	modeSettings,
	ruleSets,
	simulateCrowd,
	type CrowdSettings,
} from './rate-limit-crowd';
import { RateLimiterModel } from './rate-limiter';

const base: CrowdSettings = {
	readers: 300,
	seconds: 600,
	pattern: 'sign-in-rush',
	rushSeconds: 120,
	viewsPerMinute: 2,
	createsPerMinute: 1,
	rules: ruleSets.pocketbase,
	seed: 1,
};

const sum = (bins: Int32Array) => bins.reduce((a, b) => a + b, 0);

describe('the crowd', () => {
	it('signs every reader in once during the rush, in time order', () => {
		const { second, reader } = crowdEvents(base);
		expect(second.length).toBe(300);
		expect(new Set(reader).size).toBe(300);
		expect(Math.max(...second)).toBeLessThan(120);
		for (let i = 1; i < second.length; i++)
			expect(second[i]!).toBeGreaterThanOrEqual(second[i - 1]!);
	});
	it('views pages at about the asked rate', () => {
		const { second } = crowdEvents({ ...base, pattern: 'page-views', viewsPerMinute: 2 });
		// 300 readers × 2 per minute × 10 minutes = 6000 on average.
		expect(second.length).toBeGreaterThan(5600);
		expect(second.length).toBeLessThan(6400);
	});
	it('is the same crowd for the same seed, and another for another', () => {
		expect(crowdEvents(base).reader).toEqual(crowdEvents(base).reader);
		expect(crowdEvents({ ...base, seed: 2 }).reader).not.toEqual(crowdEvents(base).reader);
	});
});

describe('four modes', () => {
	const result = simulateCrowd(base);
	it('direct: each reader has their own bucket, one sign-in never trips it', () => {
		expect(result.totals.direct).toMatchObject({ requests: 300, refused: 0, keys: 300 });
	});
	it('one server: everyone shares one bucket and most of the rush is refused', () => {
		const server = result.totals.server;
		expect(server.keys).toBe(1);
		// 2 per 3 s over a 120 s rush lets at most 2 × 40 through.
		expect(300 - server.refused).toBeLessThanOrEqual(80);
		expect(server.readersRefused).toBe(server.refused);
		expect(sum(result.refused.server)).toBe(server.refused);
		expect(sum(result.allowed.server) + sum(result.refused.server)).toBe(300);
	});
	it('forwarded: per-reader buckets again, but a script spoofing the header is never limited', () => {
		expect(result.totals.forwarded).toMatchObject({ refused: 0, keys: 300 });
		expect(result.attack.forwarded).toBe(600 * attackPerSecond);
		// Direct, the same script gets 2 attempts per 3 s window.
		expect(result.attack.direct).toBe(400);
	});
	it('excluded: nothing is limited, the script through the server included', () => {
		expect(result.totals.excluded.refused).toBe(0);
		expect(result.totals.excluded.resolution.skip).toBe('excluded');
		expect(result.attack.excluded).toBe(600 * attackPerSecond);
	});
	it('counts each request as the model would, one by one', () => {
		const settings = { ...base, readers: 40, seconds: 60, rushSeconds: 20 };
		const run = simulateCrowd(settings);
		const { second, reader } = crowdEvents(settings);
		const model = new RateLimiterModel(modeSettings('server', settings.rules));
		let refused = 0;
		for (let i = 0; i < second.length; i++) {
			const ms = (1_700_000_000 + second[i]!) * 1000;
			if (!model.check(crowdRequest('server', 'sign-in-rush', reader[i]!), ms).allowed) refused++;
		}
		expect(run.totals.server.refused).toBe(refused);
	});
	it('runs in slices with the same result as all at once', () => {
		const settings = { ...base, pattern: 'creates' as const, createsPerMinute: 30, seconds: 120 };
		const run = new CrowdRun(settings);
		const progress: number[] = [];
		while (!run.done) {
			run.advance(500);
			progress.push(run.progress);
		}
		expect(progress.length).toBeGreaterThan(3);
		expect(run.result().totals).toEqual(simulateCrowd(settings).totals);
	});
});

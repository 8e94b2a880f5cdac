import { describe, expect, it } from 'vitest';
import { foldProfile, microsecondsPerCheck, parsePerfScript } from './cpu-profile.mjs';

describe('parsePerfScript', () => {
	it('reads one call stack per sample, leaf first, with kernel frames marked', () => {
		const text = [
			'',
			'\t          405ff2',
			'\t           92981',
			'',
			'',
			'\tffffffff81bacf18',
			'\t          53a3b7',
			'',
		].join('\n');
		expect(parsePerfScript(text)).toEqual([
			[0x405ff2, 0x92981],
			['[kernel]', 0x53a3b7],
		]);
	});
});

describe('foldProfile', () => {
	const middleware = 'jsvm.wrapMiddlewares.func1';
	const parts = [{ id: 'middleware', part: 'a middleware', frame: middleware }];

	it('charges a middleware only the samples where its own code ran, not the handlers under it', () => {
		const stacks = [
			['goja.run', middleware, 'serve'],
			['regexp.match', 'goja.run', middleware, 'serve'],
			// The route's handler, reached through e.next(): someone else's work.
			['sqlite.step', 'handler', 'core.(*RequestEvent).Next', 'goja.run', middleware, 'serve'],
			['runtime.gcBgMarkWorker'],
		];
		const profile = foldProfile(stacks, parts);
		expect(profile.samples).toBe(4);
		expect(profile.own).toEqual([{ id: 'middleware', part: 'a middleware', percent: 50 }]);
	});

	it('counts a middleware inside another once, by its innermost frame', () => {
		const stacks = [
			['goja.run', middleware, 'core.(*RequestEvent).Next', 'goja.run', middleware, 'serve'],
		];
		expect(foldProfile(stacks, parts).own[0]?.percent).toBe(100);
	});

	it('lists the functions that were running most often', () => {
		const stacks = [['a'], ['b', 'a'], ['b'], ['b'], ['c']];
		expect(foldProfile(stacks, [], 2).self).toEqual([
			{ function: 'b', percent: 60 },
			{ function: 'a', percent: 20 },
		]);
	});
});

describe('microsecondsPerCheck', () => {
	it('divides the checking CPU by writes times open streams', () => {
		// Half of 30 CPU-seconds over 1,000 writes each checked against 200 streams: 75 µs a check.
		expect(microsecondsPerCheck({ percent: 50, cpuSeconds: 30, writes: 1000, streams: 200 })).toBe(
			75
		);
	});

	it('has no figure when nothing was checked', () => {
		expect(
			microsecondsPerCheck({ percent: 10, cpuSeconds: 30, writes: 1000, streams: 0 })
		).toBeUndefined();
	});
});

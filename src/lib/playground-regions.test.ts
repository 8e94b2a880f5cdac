import { describe, expect, it } from 'vitest';
import {
	chooseRegion,
	measureSamples,
	parseRegions,
	recallChoice,
	rememberChoice,
	roundTripOf,
	type MeasureDeps,
	type Region,
} from './playground-regions';

const eu: Region = { name: 'eu', url: 'https://eu.example.com' };
const us: Region = { name: 'us', url: 'https://us.example.com' };
const asia: Region = { name: 'asia', url: 'https://asia.example.com' };

describe('parseRegions', () => {
	it('reads name=url pairs in order, normalising each URL', () => {
		expect(parseRegions(' eu=https://eu.example.com/ , us=https://us.example.com')).toEqual({
			regions: [eu, us],
			problems: [],
		});
	});

	it('is empty for nothing at all', () => {
		expect(parseRegions(undefined)).toEqual({ regions: [], problems: [] });
		expect(parseRegions('')).toEqual({ regions: [], problems: [] });
	});

	it('skips and reports an entry without a name or with a bad URL, keeping the rest', () => {
		const parsed = parseRegions(
			'https://x.example.com,eu=ftp://eu.example.com,us=https://us.example.com'
		);
		expect(parsed.regions).toEqual([us]);
		expect(parsed.problems).toHaveLength(2);
		expect(parsed.problems[0]).toMatch(/name=https/);
		expect(parsed.problems[1]).toMatch(/^The EU playground was ignored: Only http/);
	});

	it('keeps the first of two entries with the same name', () => {
		expect(parseRegions('eu=https://eu.example.com,EU=https://other.example.com').regions).toEqual([
			eu,
		]);
	});
});

describe('chooseRegion', () => {
	it('picks the fastest that answered and states every round trip', () => {
		const choice = chooseRegion([
			{ region: us, ms: 120.4 },
			{ region: eu, ms: 33.6 },
			{ region: asia, ms: undefined },
		]);
		expect(choice?.region).toEqual(eu);
		expect(choice?.statement).toBe('Using the EU playground (34 ms; US 120 ms; ASIA no answer).');
		expect(choice?.reason).toBe('nearest');
	});

	it('keeps the first listed on a tie', () => {
		expect(
			chooseRegion([
				{ region: us, ms: 50 },
				{ region: eu, ms: 50 },
			])?.region
		).toEqual(us);
	});

	it('falls back to the first listed, and says so, when none answered', () => {
		const choice = chooseRegion([
			{ region: eu, ms: undefined },
			{ region: us, ms: undefined },
		]);
		expect(choice?.region).toEqual(eu);
		expect(choice?.statement).toBe(
			'Using the EU playground (none of them answered; US no answer).'
		);
		expect(choice?.reason).toBe('none-answered');
	});

	it('has nothing to choose from an empty list', () => {
		expect(chooseRegion([])).toBeUndefined();
	});
});

describe('the round trip of a region’s health calls', () => {
	/** A fake network whose calls take the given times in turn, on a fake clock. */
	function network(durations: number[], status = 200): MeasureDeps & { urls: string[] } {
		let clock = 0;
		let call = 0;
		const urls: string[] = [];
		return {
			urls,
			now: () => clock,
			fetch: (input) => {
				urls.push(input as string);
				clock += durations[call++] ?? 0;
				return Promise.resolve(new Response('{}', { status }));
			},
		};
	}

	/** The median of the health calls to `url`, as the region choice takes it. */
	const measureRoundTrip = async (url: string, deps: MeasureDeps) =>
		roundTripOf(await measureSamples(url, deps));

	it('is the median of the health calls, so a cold first call does not decide', async () => {
		const deps = network([300, 40, 50]);
		expect(await measureRoundTrip('https://eu.example.com', deps)).toBe(50);
		expect(deps.urls).toEqual(Array(3).fill('https://eu.example.com/api/health'));
	});

	it('is undefined when the server does not answer like a healthy PocketBase', async () => {
		expect(await measureRoundTrip('https://eu.example.com', network([10, 10, 10], 503))).toBe(
			undefined
		);
		const down: MeasureDeps = { now: () => 0, fetch: () => Promise.reject(new TypeError('down')) };
		expect(await measureRoundTrip('https://eu.example.com', down)).toBeUndefined();
	});

	it('keeps the time of each call, and of those before one that failed', async () => {
		expect(await measureSamples('https://eu.example.com', network([300, 40, 50]))).toEqual({
			samples: [300, 40, 50],
			answered: true,
		});
		let call = 0;
		const failsThird: MeasureDeps = {
			now: () => call * 20,
			fetch: () =>
				++call === 3
					? Promise.reject(new TypeError('stopped'))
					: Promise.resolve(new Response('{}')),
		};
		expect(await measureSamples('https://eu.example.com', failsThird)).toEqual({
			samples: [20, 20],
			answered: false,
		});
	});
});

describe('a remembered choice', () => {
	const choice = {
		region: eu,
		statement: 'Using the EU playground (34 ms; US 120 ms).',
		reason: 'nearest' as const,
	};

	it('is used again for the same list of regions', () => {
		expect(recallChoice(rememberChoice([eu, us], choice), [eu, us])).toEqual(choice);
	});

	it('is measured afresh when the list changed, or nothing usable was kept', () => {
		expect(recallChoice(rememberChoice([eu, us], choice), [eu, us, asia])).toBeUndefined();
		expect(
			recallChoice(rememberChoice([eu], choice), [eu, { ...us, url: 'https://x.example' }])
		).toBeUndefined();
		expect(recallChoice(null, [eu, us])).toBeUndefined();
		expect(recallChoice('not json', [eu, us])).toBeUndefined();
		expect(recallChoice(JSON.stringify({ regions: [eu, us] }), [eu, us])).toBeUndefined();
		// Kept before choices said why: measured again, so the status can say why.
		const { reason: _, ...withoutReason } = choice;
		expect(
			recallChoice(JSON.stringify({ regions: [eu, us], choice: withoutReason }), [eu, us])
		).toBeUndefined();
	});
});

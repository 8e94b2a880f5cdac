import { describe, expect, it } from 'vitest';
import {
	keptSamples,
	medianRoundTrip,
	readRoundTrips,
	recordCall,
	recordCalls,
	type RoundTrips,
} from './round-trips';

const eu = 'https://eu.example.com';
const us = 'https://us.example.com';

describe('round trips', () => {
	it('is the median of every answered call to a server, with their count', () => {
		let log: RoundTrips = {};
		for (const ms of [300, 40, 50, 45]) log = recordCall(log, eu, ms);
		expect(medianRoundTrip(log, eu)).toEqual({ ms: 47.5, count: 4 });
		expect(medianRoundTrip(log, us)).toBeUndefined();
	});

	it('keeps the earlier times when a call goes unanswered, but says it did not answer', () => {
		const log = recordCall(recordCall({}, eu, 40), eu, undefined);
		expect(log[eu]).toEqual({ samples: [40], answered: false });
		expect(medianRoundTrip(log, eu)).toEqual({ ms: 40, count: 1 });
		expect(recordCall(log, eu, 60)[eu]).toEqual({ samples: [40, 60], answered: true });
	});

	it('keeps only the latest samples, so an old network does not decide for ever', () => {
		let log: RoundTrips = {};
		for (let i = 0; i < keptSamples; i++) log = recordCall(log, eu, 500);
		for (let i = 0; i < keptSamples; i++) log = recordCall(log, eu, 20);
		expect(medianRoundTrip(log, eu)).toEqual({ ms: 20, count: keptSamples });
	});

	it('takes a measurement’s calls in order, and its failure last', () => {
		expect(recordCalls({}, eu, { samples: [300, 40, 50], answered: true })[eu]).toEqual({
			samples: [300, 40, 50],
			answered: true,
		});
		expect(recordCalls({}, us, { samples: [30], answered: false })[us]).toEqual({
			samples: [30],
			answered: false,
		});
	});

	it('is read back from what a tab kept, leaving out anything else', () => {
		const log = recordCall(recordCall({}, eu, 40), us, undefined);
		expect(readRoundTrips(JSON.stringify(log))).toEqual(log);
		expect(readRoundTrips(null)).toEqual({});
		expect(readRoundTrips('not json')).toEqual({});
		expect(readRoundTrips('[1]')).toEqual({});
		expect(
			readRoundTrips(
				JSON.stringify({
					[eu]: { samples: [10, 'x', -1, 20], answered: true },
					[us]: { samples: 'no' },
					other: null,
				})
			)
		).toEqual({ [eu]: { samples: [10, 20], answered: true } });
	});
});

import { describe, expect, it } from 'vitest';
import { medianInPlace, minPairs, ratioInterval, type Pair } from './ratio-interval';
import { median } from './stats';
import { mulberry32 } from './seeded-random';

/** A log-normal time around `medianMs` (a loopback request's shape: a floor and a long tail). */
function lognormal(draw: () => number, medianMs: number, sigma = 0.3): number {
	// Box–Muller: two uniform draws give one standard normal.
	const u = 1 - draw();
	const v = draw();
	const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	return medianMs * Math.exp(sigma * z);
}

function pairs(count: number, firstMs: number, secondMs: number, seed: number): Pair[] {
	const draw = mulberry32(seed);
	return Array.from({ length: count }, () => ({
		first: lognormal(draw, firstMs),
		second: lognormal(draw, secondMs),
	}));
}

describe('the ratio interval', () => {
	it('spans 1 when both paths took the same times', () => {
		const same = [2.4, 2.5, 2.5, 2.6, 3.1, 2.7, 2.4, 4.8].map((ms) => ({ first: ms, second: ms }));
		const interval = ratioInterval(same, { seed: 1 });
		expect(interval).toMatchObject({ ratio: 1, lower: 1, upper: 1, spansOne: true, pairs: 8 });
	});

	it('spans 1 when two samples come from the same distribution', () => {
		const interval = ratioInterval(pairs(100, 3, 3, 7), { seed: 1 });
		expect(interval?.lower).toBeLessThan(1);
		expect(interval?.upper).toBeGreaterThan(1);
		expect(interval?.spansOne).toBe(true);
	});

	it('excludes 1 when the samples are clearly apart, on either side', () => {
		const slower = ratioInterval(pairs(40, 3, 6, 3), { seed: 1 });
		expect(slower?.lower).toBeGreaterThan(1);
		expect(slower?.spansOne).toBe(false);
		const faster = ratioInterval(pairs(40, 6, 3, 3), { seed: 1 });
		expect(faster?.upper).toBeLessThan(1);
		expect(faster?.spansOne).toBe(false);
	});

	it('holds the point ratio, which is the ratio of the medians', () => {
		const data = pairs(60, 3, 3.6, 11);
		const interval = ratioInterval(data, { seed: 5 })!;
		const sortedMedian = (values: number[]) => {
			const s = [...values].sort((a, b) => a - b);
			return (s[29]! + s[30]!) / 2;
		};
		expect(interval.ratio).toBeCloseTo(
			sortedMedian(data.map((p) => p.second)) / sortedMedian(data.map((p) => p.first)),
			12
		);
		expect(interval.lower).toBeLessThanOrEqual(interval.ratio);
		expect(interval.upper).toBeGreaterThanOrEqual(interval.ratio);
	});

	it('narrows as the pairs grow in number', () => {
		const width = (n: number) => {
			const i = ratioInterval(pairs(n, 3, 3.3, 21), { seed: 1 })!;
			return i.upper - i.lower;
		};
		expect(width(200)).toBeLessThan(width(20));
	});

	it('covers the true ratio about 95 % of the time', () => {
		// 200 runs of 40 pairs with a true median ratio of 1.2; each run's interval either holds
		// 1.2 or not. A correct 95 % interval holds it in roughly 190 of them (a percentile
		// bootstrap of a median runs a little under or over at this size).
		let covered = 0;
		const runs = 200;
		for (let run = 0; run < runs; run++) {
			const i = ratioInterval(pairs(40, 3, 3.6, 1000 + run), { seed: run + 1, resamples: 500 })!;
			if (i.lower <= 1.2 && i.upper >= 1.2) covered++;
		}
		expect(covered / runs).toBeGreaterThan(0.88);
		expect(covered / runs).toBeLessThan(0.995);
	});

	it('gives the same interval for the same seed, and another for another', () => {
		const data = pairs(50, 3, 3.2, 9);
		expect(ratioInterval(data, { seed: 42 })).toEqual(ratioInterval(data, { seed: 42 }));
		expect(ratioInterval(data, { seed: 43 })?.lower).not.toBe(
			ratioInterval(data, { seed: 42 })?.lower
		);
	});

	it('needs enough usable pairs, and leaves out ones without a time', () => {
		const few = pairs(minPairs - 1, 3, 3, 2);
		expect(ratioInterval(few, { seed: 1 })).toBeUndefined();
		const withGaps = [...pairs(minPairs, 3, 3, 2), { first: Number.NaN, second: 3 }];
		expect(ratioInterval(withGaps, { seed: 1 })?.pairs).toBe(minPairs);
		const zeros = Array.from({ length: minPairs }, () => ({ first: 0, second: 1 }));
		expect(ratioInterval(zeros, { seed: 1 })).toBeUndefined();
	});
});

describe('the median a bootstrap draw uses', () => {
	it('agrees with the sorted median, ties and odd and even counts included', () => {
		const draw = mulberry32(4);
		for (let n = 1; n <= 60; n++) {
			// Times on a 0.1 ms grid, as the browser gives them: many ties.
			const values = Array.from({ length: n }, () => Math.round(draw() * 30) / 10);
			expect(medianInPlace(Float64Array.from(values))).toBe(median(values));
		}
	});
});

import { describe, expect, it } from 'vitest';
import { mean, median, p95, percentile, summarize } from './stats';

describe('median', () => {
	it('takes the middle value, or the mean of the two middle values', () => {
		expect(median([5, 1, 3])).toBe(3);
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(median([7])).toBe(7);
	});

	it('does not reorder the caller’s array', () => {
		const values = [3, 1, 2];
		median(values);
		expect(values).toEqual([3, 1, 2]);
	});
});

describe('p95', () => {
	it('interpolates between the nearest ranks (type 7)', () => {
		const oneToHundred = Array.from({ length: 100 }, (_, i) => i + 1);
		// rank (100 − 1) × 0.95 = 94.05 → 95 + 0.05 × (96 − 95)
		expect(p95(oneToHundred)).toBeCloseTo(95.05, 10);
		// rank (20 − 1) × 0.95 = 18.05 → between the two largest of twenty
		const twenty = Array.from({ length: 20 }, (_, i) => (i + 1) * 10);
		expect(p95(twenty)).toBeCloseTo(190.5, 10);
	});

	it('is pulled up by a slow tail that the median ignores', () => {
		const values = [...new Array<number>(90).fill(20), ...new Array<number>(10).fill(400)];
		expect(median(values)).toBe(20);
		expect(p95(values)).toBe(400);
	});

	it('matches NumPy’s default percentile on an uneven sample', () => {
		// numpy.percentile([12, 7, 3, 41, 18, 9], 95) == 35.25
		expect(p95([12, 7, 3, 41, 18, 9])).toBeCloseTo(35.25, 10);
	});
});

describe('percentile', () => {
	it('gives the extremes at 0 and 100', () => {
		expect(percentile([3, 9, 1], 0)).toBe(1);
		expect(percentile([3, 9, 1], 100)).toBe(9);
	});

	it('rejects a percentile outside 0–100', () => {
		expect(() => percentile([1], 101)).toThrow(RangeError);
		expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
	});
});

describe('mean', () => {
	it('averages', () => {
		expect(mean([1, 2, 3, 4])).toBe(2.5);
	});
});

describe('empty and failed samples', () => {
	it('return undefined when there is nothing to summarise', () => {
		expect(median([])).toBeUndefined();
		expect(p95([])).toBeUndefined();
		expect(mean([])).toBeUndefined();
		expect(median([Number.NaN])).toBeUndefined();
	});

	it('leave failed requests (NaN) and infinities out instead of poisoning the result', () => {
		expect(median([10, Number.NaN, 30])).toBe(20);
		expect(mean([10, Number.POSITIVE_INFINITY, 30])).toBe(20);
		expect(summarize([10, Number.NaN, 30, 20])).toEqual({
			count: 3,
			ignored: 1,
			median: 20,
			p95: 29,
			mean: 20,
			min: 10,
			max: 30,
		});
	});

	it('summarise an empty run without inventing numbers', () => {
		expect(summarize([])).toEqual({
			count: 0,
			ignored: 0,
			median: undefined,
			p95: undefined,
			mean: undefined,
			min: undefined,
			max: undefined,
		});
	});
});

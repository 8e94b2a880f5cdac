/**
 * How sure a comparison is: a 95 % interval on the ratio of two medians, by a percentile
 * bootstrap over paired samples.
 *
 * The race sends request i of each path as a pair, at the same moment (latency-race.ts), so a
 * pair shares whatever the network and PocketBase were doing then. The bootstrap therefore
 * draws whole pairs, with replacement, and recomputes median(second) ÷ median(first) for each
 * draw; the 2.5th and 97.5th percentiles of those ratios bound the interval (Efron &
 * Tibshirani, "An Introduction to the Bootstrap", 1993, ch. 13). Drawing pairs rather than each
 * path on its own keeps the shared moments together, which is what makes a paired comparison
 * tighter than two separate ones.
 *
 * The draws come from the seeded generator (seeded-random.ts), so the same samples and seed
 * give the same interval in every browser and in tests.
 */
import { mulberry32 } from './seeded-random';
import { median, percentile } from './stats';

export interface Pair {
	/** The baseline's time (the direct path). */
	first: number;
	/** The compared time (through the server). */
	second: number;
}

export interface RatioInterval {
	/** median(second) ÷ median(first) over every pair. */
	ratio: number;
	lower: number;
	upper: number;
	/** How many pairs it rests on. */
	pairs: number;
	/** The interval holds 1: the samples cannot tell the two apart. */
	spansOne: boolean;
}

/** Below this many pairs a bootstrap's interval says more about the draw than the data. */
export const minPairs = 5;

export interface IntervalOptions {
	seed: number;
	/** Bootstrap draws; with 2,000, another seed moves a bound by about 0.02 on a run of 150 pairs. */
	resamples?: number;
	/** Coverage, 0–1. */
	level?: number;
}

/**
 * The median of `values`, which it reorders in place: a quickselect (Hoare's FIND, 1961) finds
 * the lower middle value without sorting the rest, so each of the bootstrap's thousands of
 * draws costs time in proportion to the pairs rather than a sort's n·log n.
 */
export function medianInPlace(values: Float64Array): number {
	const n = values.length;
	const k = (n - 1) >> 1;
	let left = 0;
	let right = n - 1;
	while (left < right) {
		const pivot = values[(left + right) >> 1]!;
		let i = left;
		let j = right;
		while (i <= j) {
			while (values[i]! < pivot) i++;
			while (values[j]! > pivot) j--;
			if (i <= j) {
				const swap = values[i]!;
				values[i++] = values[j]!;
				values[j--] = swap;
			}
		}
		if (k <= j) right = j;
		else if (k >= i) left = i;
		else break;
	}
	const lower = values[k]!;
	if (n % 2 === 1) return lower;
	// Everything after k is at least values[k]; the upper middle is the least of them.
	let upper = Infinity;
	for (let i = k + 1; i < n; i++) upper = Math.min(upper, values[i]!);
	return (lower + upper) / 2;
}

/**
 * The ratio of medians with its bootstrap interval; `undefined` with fewer than `minPairs`
 * usable pairs (both times finite, the first above zero) or a zero median.
 */
export function ratioInterval(
	pairs: readonly Pair[],
	{ seed, resamples = 2000, level = 0.95 }: IntervalOptions
): RatioInterval | undefined {
	const kept = pairs.filter(
		(p) => Number.isFinite(p.first) && Number.isFinite(p.second) && p.first > 0
	);
	const n = kept.length;
	if (n < minPairs) return undefined;
	const firstMedian = median(kept.map((p) => p.first));
	const secondMedian = median(kept.map((p) => p.second));
	if (!firstMedian || secondMedian === undefined) return undefined;
	const ratio = secondMedian / firstMedian;

	const draw = mulberry32(seed);
	const first = new Float64Array(n);
	const second = new Float64Array(n);
	const ratios: number[] = [];
	for (let r = 0; r < resamples; r++) {
		for (let i = 0; i < n; i++) {
			const pick = kept[Math.floor(draw() * n)]!;
			first[i] = pick.first;
			second[i] = pick.second;
		}
		const m = medianInPlace(first);
		// A draw whose baseline median is zero has no ratio; it is left out, not counted as ∞.
		if (m > 0) ratios.push(medianInPlace(second) / m);
	}
	const tail = ((1 - level) / 2) * 100;
	const lower = percentile(ratios, tail) ?? ratio;
	const upper = percentile(ratios, 100 - tail) ?? ratio;
	return { ratio, lower, upper, pairs: n, spansOne: lower <= 1 && upper >= 1 };
}

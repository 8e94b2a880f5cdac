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
	/** Bootstrap draws; 2,000 keeps the bounds' own wobble near a hundredth for these samples. */
	resamples?: number;
	/** Coverage, 0–1. */
	level?: number;
}

/** The median of `scratch`, which it sorts in place (typed arrays sort numerically). */
function sortedMedian(scratch: Float64Array): number {
	scratch.sort();
	const n = scratch.length;
	const mid = (n - 1) / 2;
	return (scratch[Math.floor(mid)]! + scratch[Math.ceil(mid)]!) / 2;
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
		const m = sortedMedian(first);
		// A draw whose baseline median is zero has no ratio; it is left out, not counted as ∞.
		if (m > 0) ratios.push(sortedMedian(second) / m);
	}
	const tail = ((1 - level) / 2) * 100;
	const lower = percentile(ratios, tail) ?? ratio;
	const upper = percentile(ratios, 100 - tail) ?? ratio;
	return { ratio, lower, upper, pairs: n, spansOne: lower <= 1 && upper >= 1 };
}

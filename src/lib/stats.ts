/**
 * Summary statistics for timing samples.
 *
 * Percentiles use linear interpolation between the two nearest ranks (Hyndman & Fan type 7,
 * the default of NumPy, R and spreadsheet PERCENTILE.INC): for sorted values x[0..n-1], the
 * p-th percentile sits at rank h = (n − 1) · p / 100 and is x[⌊h⌋] + (h − ⌊h⌋) · (x[⌊h⌋+1] − x[⌊h⌋]).
 * So the median of an even count is the mean of the two middle values, and p95 of fewer than
 * 21 samples is interpolated between the two largest rather than simply being the maximum.
 *
 * Values that are not finite numbers (NaN for a failed request, ±Infinity) are ignored. With
 * nothing left, every function returns `undefined`: there is no honest number to show.
 */

const finiteSorted = (values: readonly number[]): number[] =>
	values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);

/** The p-th percentile (0–100) of `values`; `undefined` when there are no finite values. */
export function percentile(values: readonly number[], p: number): number | undefined {
	if (!(p >= 0 && p <= 100)) throw new RangeError(`A percentile is between 0 and 100, not ${p}.`);
	const sorted = finiteSorted(values);
	if (sorted.length === 0) return undefined;
	const rank = ((sorted.length - 1) * p) / 100;
	const lower = Math.floor(rank);
	const upper = Math.min(lower + 1, sorted.length - 1);
	return sorted[lower]! + (rank - lower) * (sorted[upper]! - sorted[lower]!);
}

export function median(values: readonly number[]): number | undefined {
	return percentile(values, 50);
}

export function p95(values: readonly number[]): number | undefined {
	return percentile(values, 95);
}

export function mean(values: readonly number[]): number | undefined {
	const finite = values.filter((value) => Number.isFinite(value));
	if (finite.length === 0) return undefined;
	return finite.reduce((sum, value) => sum + value, 0) / finite.length;
}

export interface Summary {
	/** How many finite values the summary is based on. */
	count: number;
	/** How many values were left out because they were not finite numbers. */
	ignored: number;
	median: number | undefined;
	p95: number | undefined;
	mean: number | undefined;
	min: number | undefined;
	max: number | undefined;
}

export function summarize(values: readonly number[]): Summary {
	const sorted = finiteSorted(values);
	return {
		count: sorted.length,
		ignored: values.length - sorted.length,
		median: median(sorted),
		p95: p95(sorted),
		mean: mean(sorted),
		min: sorted[0],
		max: sorted.at(-1),
	};
}

/**
 * The item whose value sits at the median (the lower middle one of an even count), so a demo
 * can show or replay a real sample that stands for the whole run.
 */
export function medianItem<T>(items: readonly T[], value: (item: T) => number): T | undefined {
	const kept = items.filter((item) => Number.isFinite(value(item)));
	kept.sort((a, b) => value(a) - value(b));
	return kept[Math.floor((kept.length - 1) / 2)];
}

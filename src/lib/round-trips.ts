/**
 * The round trips this tab has measured to each PocketBase: the calls that picked the nearest
 * playground and every health check since. The status panel shows each one's median, so the
 * numbers a reader sees come from calls the page made anyway, never from calls made to show them.
 */
import { median } from './stats';

export interface RoundTripRecord {
	/** Milliseconds of the latest calls that got an answer, oldest first (at most `keptSamples`). */
	samples: number[];
	/** Whether the latest call got an answer. */
	answered: boolean;
}

/** Each PocketBase's record, by its URL. */
export type RoundTrips = Readonly<Record<string, RoundTripRecord>>;

/**
 * The samples kept per server: enough for a steady median over the last few minutes of
 * 30-second checks, few enough that a change of network shows in it soon.
 */
export const keptSamples = 15;

/** The log after one call to `url`: its time when it answered, `undefined` when it did not. */
export function recordCall(log: RoundTrips, url: string, ms: number | undefined): RoundTrips {
	const samples = log[url]?.samples ?? [];
	const next: RoundTripRecord =
		ms === undefined
			? { samples, answered: false }
			: { samples: [...samples, ms].slice(-keptSamples), answered: true };
	return { ...log, [url]: next };
}

/** The log after a series of calls to `url` (the region measurement's), in the order made. */
export function recordCalls(
	log: RoundTrips,
	url: string,
	calls: { samples: readonly number[]; answered: boolean }
): RoundTrips {
	const answered = calls.samples.reduce((next, ms) => recordCall(next, url, ms), log);
	return calls.answered ? answered : recordCall(answered, url, undefined);
}

/** The median of the round trips kept for `url`, and how many there are. */
export function medianRoundTrip(
	log: RoundTrips,
	url: string
): { ms: number; count: number } | undefined {
	const samples = log[url]?.samples ?? [];
	const ms = median(samples);
	return ms === undefined ? undefined : { ms, count: samples.length };
}

/** Reads a log a tab kept (sessionStorage), leaving out anything that is not one. */
export function readRoundTrips(stored: string | null): RoundTrips {
	if (!stored) return {};
	try {
		const parsed: unknown = JSON.parse(stored);
		if (typeof parsed !== 'object' || parsed === null) return {};
		return Object.fromEntries(
			Object.entries(parsed).flatMap(([url, value]) => {
				const record = value as Partial<RoundTripRecord> | null;
				const samples = Array.isArray(record?.samples)
					? record.samples.filter((ms): ms is number => typeof ms === 'number' && ms >= 0)
					: undefined;
				return samples && typeof record?.answered === 'boolean'
					? [[url, { samples: samples.slice(-keptSamples), answered: record.answered }]]
					: [];
			})
		);
	} catch {
		return {};
	}
}

/**
 * The tab's round trips to each PocketBase (src/lib/round-trips.ts), kept in sessionStorage so
 * the next page's status still has the measurement that picked the playground.
 */
import { readRoundTrips, type RoundTrips } from '~/lib/round-trips';

const logKey = 'pb-guide:round-trips';

export function loadRoundTrips(): RoundTrips {
	try {
		return readRoundTrips(sessionStorage.getItem(logKey));
	} catch {
		return {};
	}
}

export function keepRoundTrips(log: RoundTrips): void {
	try {
		sessionStorage.setItem(logKey, JSON.stringify(log));
	} catch {
		// No storage: each page starts its own log.
	}
}

/**
 * The site's playgrounds, one per region, and the measurement that picks the nearest
 * (src/lib/playground-regions.ts), once per tab: the next pages reuse its choice. A link's
 * `?pb-regions=` replaces the build's `PUBLIC_POCKETBASE_URLS`, so a reader or a test can try
 * several without another build.
 */
import {
	chooseRegion,
	measureSamples,
	parseRegions,
	recallChoice,
	rememberChoice,
	roundTripOf,
	type ParsedRegions,
	type Region,
	type RegionChoice,
	type RegionSamples,
} from '~/lib/playground-regions';

export const regionsParameter = 'pb-regions';
const choiceKey = 'pb-guide:nearest-playground';

export function siteRegions(): ParsedRegions {
	const fromLink = new URLSearchParams(location.search).get(regionsParameter);
	return parseRegions(fromLink ?? import.meta.env.PUBLIC_POCKETBASE_URLS);
}

export interface RegionMeasurement {
	choice: RegionChoice | undefined;
	/** The calls made to each region (none when an earlier page's choice was used). */
	measured: (RegionSamples & { region: Region })[];
}

/**
 * Measures every region at once (each one's calls one after another) and picks the nearest,
 * unless this tab already did for the same regions.
 */
export async function measureNearestRegion(regions: readonly Region[]): Promise<RegionMeasurement> {
	const remembered = recallChoice(readChoice(), regions);
	if (remembered) return { choice: remembered, measured: [] };
	const deps = { fetch: fetch.bind(globalThis), now: () => performance.now() };
	const measured = await Promise.all(
		regions.map(async (region) => ({ region, ...(await measureSamples(region.url, deps)) }))
	);
	const timings = measured.map((m) => ({ region: m.region, ms: roundTripOf(m) }));
	const choice = chooseRegion(timings);
	// A choice made while none answered is not kept: the next page measures again.
	if (choice && timings.some((t) => t.ms !== undefined)) {
		try {
			sessionStorage.setItem(choiceKey, rememberChoice(regions, choice));
		} catch {
			// No storage: every page measures.
		}
	}
	return { choice, measured };
}

/** Forgets this tab's choice: the next look measures again. */
export function forgetNearestRegion(): void {
	try {
		sessionStorage.removeItem(choiceKey);
	} catch {
		// Nothing kept.
	}
}

function readChoice(): string | null {
	try {
		return sessionStorage.getItem(choiceKey);
	} catch {
		return null;
	}
}

/**
 * The site's playgrounds, one per region, and the measurement that picks the nearest
 * (src/lib/playground-regions.ts). A link's `?pb-regions=` replaces the build's
 * `PUBLIC_POCKETBASE_URLS`, so a reader or a test can try several without another build.
 */
import {
	chooseRegion,
	measureRoundTrip,
	parseRegions,
	type ParsedRegions,
	type Region,
	type RegionChoice,
} from '~/lib/playground-regions';

export const regionsParameter = 'pb-regions';

export function siteRegions(): ParsedRegions {
	const fromLink = new URLSearchParams(location.search).get(regionsParameter);
	return parseRegions(fromLink ?? import.meta.env.PUBLIC_POCKETBASE_URLS);
}

/** Measures every region at once (each one's calls one after another) and picks the nearest. */
export async function measureNearestRegion(
	regions: readonly Region[]
): Promise<RegionChoice | undefined> {
	const deps = { fetch: fetch.bind(globalThis), now: () => performance.now() };
	const timings = await Promise.all(
		regions.map(async (region) => ({ region, ms: await measureRoundTrip(region.url, deps) }))
	);
	return chooseRegion(timings);
}

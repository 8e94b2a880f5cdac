/**
 * Several public playgrounds, one per region, and the choice of the nearest.
 *
 * A build can name them (`PUBLIC_POCKETBASE_URLS="eu=https://eu.example,us=https://us.example"`),
 * and a link can too (`?pb-regions=…`, same form). The page measures the round trip to each with
 * a few `/api/health` calls, takes each one's median (the first call also pays for the
 * connection), and uses the fastest that answered. A reader's own server (`?pb=` or a saved
 * choice) wins over all of them: the regions only replace the site's single default.
 */
import { checkPocketBaseUrl } from './pocketbase-url';
import { median } from './stats';

export interface Region {
	/** The name the build gave it, like `eu`; shown in capitals. */
	name: string;
	url: string;
}

export interface ParsedRegions {
	regions: Region[];
	/** Entries that were skipped, in reader-facing words. */
	problems: string[];
}

/** Reads `name=url,name=url`. Bad entries are reported and skipped; a repeated name keeps its first. */
export function parseRegions(text: string | null | undefined): ParsedRegions {
	const regions: Region[] = [];
	const problems: string[] = [];
	for (const entry of (text ?? '').split(',')) {
		const trimmed = entry.trim();
		if (trimmed === '') continue;
		const equals = trimmed.indexOf('=');
		const name = equals > 0 ? trimmed.slice(0, equals).trim() : '';
		if (!/^[a-z0-9-]{1,20}$/i.test(name)) {
			problems.push(`The playground entry “${trimmed}” was ignored: write it as name=https://…`);
			continue;
		}
		const check = checkPocketBaseUrl(trimmed.slice(equals + 1));
		if (!check.ok) {
			problems.push(`The ${regionLabel(name)} playground was ignored: ${check.problem}`);
			continue;
		}
		if (regions.some((r) => r.name.toLowerCase() === name.toLowerCase())) continue;
		regions.push({ name, url: check.url });
	}
	return { regions, problems };
}

/** How a region is named on screen: `eu` → `EU`. */
export function regionLabel(name: string): string {
	return name.toUpperCase();
}

/** Health calls per region; the median of three shrugs off one slow call, the cold first one. */
export const samplesPerRegion = 3;
/** A region that has not answered a call within this long counts as not answering. */
export const regionTimeoutMs = 3000;

export interface MeasureDeps {
	fetch: typeof fetch;
	now: () => number;
}

/** What a region's health calls met: the times of those that answered, and whether all did. */
export interface RegionSamples {
	/** Milliseconds of each call that got PocketBase's 200, in the order they were made. */
	samples: number[];
	/** False when a call failed or was not a PocketBase's 200 (the calls stop there). */
	answered: boolean;
}

/** Makes `samples` health calls to `url`, one after another, and times each. */
export async function measureSamples(
	url: string,
	deps: MeasureDeps,
	samples = samplesPerRegion
): Promise<RegionSamples> {
	const times: number[] = [];
	for (let i = 0; i < samples; i++) {
		const started = deps.now();
		try {
			const response = await deps.fetch(`${url}/api/health`, {
				cache: 'no-store',
				signal: AbortSignal.timeout(regionTimeoutMs),
			});
			await response.arrayBuffer();
			if (response.status !== 200) return { samples: times, answered: false };
		} catch {
			return { samples: times, answered: false };
		}
		times.push(deps.now() - started);
	}
	return { samples: times, answered: true };
}

/** The median of a region's calls, or `undefined` when it did not answer them all. */
export function roundTripOf(measured: RegionSamples): number | undefined {
	return measured.answered ? median(measured.samples) : undefined;
}

export interface RegionTiming {
	region: Region;
	/** Median round trip, or `undefined` when it did not answer. */
	ms: number | undefined;
}

export interface RegionChoice {
	region: Region;
	/** What the page says, like “Using the EU playground (34 ms; US 120 ms).” */
	statement: string;
	/** Why this one: it was the nearest that answered, or none answered and it is listed first. */
	reason: 'nearest' | 'none-answered';
}

/**
 * The nearest region that answered; with none answering, the first listed (the page's own
 * probe then says why it cannot be reached). Ties go to the one listed first.
 */
export function chooseRegion(timings: readonly RegionTiming[]): RegionChoice | undefined {
	const first = timings[0];
	if (!first) return undefined;
	const answering = timings.filter((t): t is RegionTiming & { ms: number } => t.ms !== undefined);
	const nearest = answering.reduce<(RegionTiming & { ms: number }) | undefined>(
		(best, t) => (best === undefined || t.ms < best.ms ? t : best),
		undefined
	);
	const chosen = nearest ?? first;
	const others = timings
		.filter((t) => t !== chosen)
		.map((t) => `${regionLabel(t.region.name)} ${formatMs(t.ms)}`);
	const own = nearest ? formatMs(nearest.ms) : 'none of them answered';
	return {
		region: chosen.region,
		statement: `Using the ${regionLabel(chosen.region.name)} playground (${[own, ...others].join('; ')}).`,
		reason: nearest ? 'nearest' : 'none-answered',
	};
}

/**
 * A choice as a tab keeps it (sessionStorage), so the pages a reader opens next use it without
 * measuring again. Tied to the list it was made from: another list is measured afresh.
 */
export function rememberChoice(regions: readonly Region[], choice: RegionChoice): string {
	return JSON.stringify({ regions, choice });
}

/** The remembered choice, if it was made from exactly these regions. */
export function recallChoice(
	stored: string | null,
	regions: readonly Region[]
): RegionChoice | undefined {
	if (!stored) return undefined;
	try {
		const parsed = JSON.parse(stored) as { regions?: unknown; choice?: RegionChoice };
		if (JSON.stringify(parsed.regions) !== JSON.stringify(regions) || !parsed.choice)
			return undefined;
		const { region, statement, reason } = parsed.choice;
		const listed = regions.find((r) => r.name === region?.name && r.url === region.url);
		const known = reason === 'nearest' || reason === 'none-answered';
		return listed && typeof statement === 'string' && known
			? { region: listed, statement, reason }
			: undefined;
	} catch {
		return undefined;
	}
}

function formatMs(ms: number | undefined): string {
	return ms === undefined ? 'no answer' : `${Math.round(ms)} ms`;
}

/**
 * Which PocketBase the demos talk to, and whether an address a reader typed can be one.
 *
 * Order of precedence: `?pb=` in the page URL, then the reader's saved choice, then the
 * build-time default (`PUBLIC_POCKETBASE_URL`). An invalid candidate is reported and skipped,
 * so a bad link never replaces a working setting.
 */

export type UrlCheck = { ok: true; url: string } | { ok: false; problem: string };

/** `region`: the nearest of several playgrounds the site names (playground-regions.ts). */
export type UrlSource = 'query' | 'saved' | 'region' | 'default';

export interface ResolvedUrl {
	url: string;
	source: UrlSource;
	/** Problems with candidates that were skipped, in reader-facing words. */
	problems: string[];
}

/** The local playground, used when the build names no other PocketBase. */
export const playgroundUrl = 'http://127.0.0.1:8090';

/**
 * Checks that `input` is an address a PocketBase could live at: http(s), no user name or
 * password, no query or fragment. A path is allowed (PocketBase behind a reverse proxy at
 * `/pb/`), but whether anything there is PocketBase is for the health probe to find out.
 */
export function checkPocketBaseUrl(input: string): UrlCheck {
	const trimmed = input.trim();
	if (trimmed === '') return { ok: false, problem: 'The address is empty.' };
	let parsed: URL;
	try {
		parsed = new URL(trimmed);
	} catch {
		return {
			ok: false,
			problem: `“${trimmed}” is not a web address. Use the full address, like https://pb.example.com.`,
		};
	}
	if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
		return {
			ok: false,
			problem: `Only http:// and https:// addresses can reach PocketBase; “${parsed.protocol}” cannot.`,
		};
	}
	if (parsed.username || parsed.password) {
		return {
			ok: false,
			problem:
				'The address contains a user name or password. Never put credentials in a PocketBase URL: the demos sign in with throwaway users instead.',
		};
	}
	if (parsed.search || parsed.hash) {
		return {
			ok: false,
			problem: 'The address has a query (?…) or fragment (#…). Give only the PocketBase base URL.',
		};
	}
	const path = parsed.pathname.replace(/\/+$/, '');
	if (/\/api(\/|$)/.test(path) || path.endsWith('/_')) {
		return {
			ok: false,
			problem: `That is a path inside PocketBase (${path}). Give its base URL, without /api or /_.`,
		};
	}
	return { ok: true, url: `${parsed.origin}${path}` };
}

/** Picks the PocketBase to use from the page's `?pb=`, the saved choice and the build default. */
export function resolvePocketBaseUrl(candidates: {
	query: string | null;
	saved: string | null;
	buildDefault: string | undefined;
}): ResolvedUrl {
	const problems: string[] = [];
	const ordered: [Exclude<UrlSource, 'region'>, string | null | undefined][] = [
		['query', candidates.query],
		['saved', candidates.saved],
		['default', candidates.buildDefault],
	];
	for (const [source, value] of ordered) {
		if (value === null || value === undefined || value === '') continue;
		const check = checkPocketBaseUrl(value);
		if (check.ok) return { url: check.url, source, problems };
		const where = {
			query: 'The ?pb= in this link',
			saved: 'Your saved server',
			default: 'The site’s default server',
		}[source];
		problems.push(`${where} was ignored: ${check.problem}`);
	}
	return { url: playgroundUrl, source: 'default', problems };
}

/** True when a page served over https would be blocked from calling `pocketBaseUrl`. */
export function isMixedContent(pageUrl: string, pocketBaseUrl: string): boolean {
	const page = new URL(pageUrl);
	const target = new URL(pocketBaseUrl);
	if (page.protocol !== 'https:' || target.protocol !== 'http:') return false;
	// Browsers treat loopback as potentially trustworthy and let https pages call it.
	return !['localhost', '127.0.0.1', '[::1]'].includes(target.hostname);
}

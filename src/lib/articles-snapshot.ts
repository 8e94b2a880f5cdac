/**
 * The public articles as a static build sees them: read from PocketBase when the site is
 * built, or, when no PocketBase answers, the committed snapshot with its date. And what differs
 * between a built list and a live one. Pure: the build passes in its fetch.
 */

export interface ArticleRow {
	slug: string;
	title: string;
	summary: string;
}

export interface ArticlesSnapshot {
	/** ISO time the list was read from PocketBase. */
	takenAt: string;
	/** Where the build got it. */
	source: 'live' | 'committed';
	/** Why the committed snapshot was used, when it was. */
	reason?: string | undefined;
	articles: ArticleRow[];
}

function rows(items: unknown): ArticleRow[] | undefined {
	if (!Array.isArray(items)) return undefined;
	const out: ArticleRow[] = [];
	for (const item of items as unknown[]) {
		if (typeof item !== 'object' || item === null) return undefined;
		const { slug, title, summary } = item as Record<string, unknown>;
		if (typeof slug !== 'string' || typeof title !== 'string') return undefined;
		out.push({ slug, title, summary: typeof summary === 'string' ? summary : '' });
	}
	return out.sort((a, b) => a.slug.localeCompare(b.slug));
}

/**
 * Reads every public article from `pocketBaseUrl` within `timeoutMs`. Anything else (no
 * answer, an error status, a body that is not the articles list) gives the committed snapshot,
 * labelled with its own date and the reason: the build never fails for want of a PocketBase.
 */
export async function buildSnapshot(
	pocketBaseUrl: string,
	committed: Omit<ArticlesSnapshot, 'source' | 'reason'>,
	{
		fetch,
		now,
		timeoutMs = 3000,
	}: { fetch: typeof globalThis.fetch; now: () => Date; timeoutMs?: number }
): Promise<ArticlesSnapshot> {
	const fallback = (reason: string): ArticlesSnapshot => ({
		...committed,
		source: 'committed',
		reason,
	});
	let response: Response;
	try {
		response = await fetch(
			`${pocketBaseUrl.replace(/\/$/, '')}/api/collections/articles/records?perPage=200&sort=slug&fields=slug,title,summary`,
			{ signal: AbortSignal.timeout(timeoutMs) }
		);
	} catch {
		return fallback(`no PocketBase answered at ${pocketBaseUrl}`);
	}
	if (!response.ok) return fallback(`${pocketBaseUrl} answered ${response.status}`);
	let body: unknown;
	try {
		body = await response.json();
	} catch {
		return fallback(`${pocketBaseUrl} did not answer with JSON`);
	}
	const articles = rows((body as { items?: unknown } | null)?.items);
	if (!articles || articles.length === 0) {
		return fallback(`${pocketBaseUrl} gave no articles`);
	}
	return { takenAt: now().toISOString(), source: 'live', articles };
}

export interface ArticlesDiff {
	/** Slugs whose title or summary differ. */
	changed: string[];
	onlyBuilt: string[];
	onlyLive: string[];
	same: number;
}

/** Which records differ between the built list and a live read, by slug. */
export function diffArticles(
	built: readonly ArticleRow[],
	live: readonly ArticleRow[]
): ArticlesDiff {
	const liveBySlug = new Map(live.map((row) => [row.slug, row]));
	const builtSlugs = new Set(built.map((row) => row.slug));
	const diff: ArticlesDiff = { changed: [], onlyBuilt: [], onlyLive: [], same: 0 };
	for (const row of built) {
		const other = liveBySlug.get(row.slug);
		if (!other) diff.onlyBuilt.push(row.slug);
		else if (other.title !== row.title || other.summary !== row.summary)
			diff.changed.push(row.slug);
		else diff.same++;
	}
	for (const row of live) if (!builtSlugs.has(row.slug)) diff.onlyLive.push(row.slug);
	return diff;
}

/**
 * Static generation, built vs live: how the demo labels the list the build made, a live read,
 * the reader's own copies laid over it, and which records differ. No DOM, no network.
 */
import type { ArticleRow, ArticlesDiff, ArticlesSnapshot } from '~/lib/articles-snapshot';
import { formatMs, plural } from '../demo-kit/format';

/** The URL-state prefix of this demo (no settings yet; the prefix is reserved). */
export const urlPrefix = 'ssg-';

const time = (iso: string) => iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC');

/** Where the built column came from, said plainly. */
export function builtLabel(snapshot: ArticlesSnapshot): string {
	if (snapshot.source === 'live') {
		return `Built at ${time(snapshot.takenAt)} from the playground PocketBase: ${plural(snapshot.articles.length, 'article')}.`;
	}
	return `Built without a PocketBase (${snapshot.reason ?? 'none answered'}), so the build used the committed snapshot taken at ${time(snapshot.takenAt)}: ${plural(snapshot.articles.length, 'article')}.`;
}

/**
 * When and how fast the live side was read. A recorded run's read is the recording's, at the
 * time it was recorded: it never takes the reader's clock or says "live".
 */
export function liveLabel(
	readAtIso: string,
	measuredMs: number,
	copies: number,
	recorded = false
): string {
	const yours = copies
		? `, with ${plural(copies, 'copy', 'copies')} of your own in place of the originals`
		: '';
	if (recorded) {
		return `Read in the run recorded at ${time(readAtIso)}, in ${formatMs(measuredMs)} (as recorded)${yours}.`;
	}
	return `Read live at ${time(readAtIso)} in ${formatMs(measuredMs)} (measured)${yours}.`;
}

export interface CopyRow extends ArticleRow {
	id: string;
}

/** The live list as this reader sees it: their own copies stand in for the originals. */
export function overlayCopies(
	live: readonly ArticleRow[],
	copies: readonly CopyRow[]
): (ArticleRow & { yours: boolean })[] {
	const bySlug = new Map(copies.map((copy) => [copy.slug, copy]));
	return live.map((row) => {
		const copy = bySlug.get(row.slug);
		return copy
			? { slug: row.slug, title: copy.title, summary: copy.summary, yours: true }
			: { ...row, yours: false };
	});
}

/** Which records differ, in one sentence. */
export function diffText(diff: ArticlesDiff): string {
	const parts: string[] = [];
	if (diff.changed.length)
		parts.push(`${plural(diff.changed.length, 'record')} changed (${diff.changed.join(', ')})`);
	if (diff.onlyLive.length)
		parts.push(`${plural(diff.onlyLive.length, 'record')} only live (${diff.onlyLive.join(', ')})`);
	if (diff.onlyBuilt.length)
		parts.push(
			`${plural(diff.onlyBuilt.length, 'record')} only in the build (${diff.onlyBuilt.join(', ')})`
		);
	if (parts.length === 0) return `All ${diff.same} records are the same in the build and live.`;
	return `${parts.join('; ')}; ${diff.same} the same. The built column stays as it was built until the next build.`;
}

/** The article the reader copies: the first one, so the change is at the top of the table. */
export function copyTarget(built: readonly ArticleRow[]): string | undefined {
	return built[0]?.slug;
}

/** One row's live cell: what it says, whether it differs from the build, and whose it is. */
export interface LiveCell {
	text: string;
	differs: boolean;
	yours: boolean;
}

/** The live cell of every built row, by slug: a record gone from the live list says so. */
export function liveCells(
	built: readonly ArticleRow[],
	live: readonly (ArticleRow & { yours: boolean })[]
): Map<string, LiveCell> {
	const bySlug = new Map(live.map((row) => [row.slug, row]));
	return new Map(
		built.map((was) => {
			const row = bySlug.get(was.slug);
			if (!row) return [was.slug, { text: '(not there live)', differs: true, yours: false }];
			const differs = row.title !== was.title || row.summary !== was.summary;
			return [was.slug, { text: row.title, differs, yours: row.yours }];
		})
	);
}

/** What the reader's change did, once the live side shows it. */
export function copyResult(slug: string, title: string): string {
	return `Your copy of ${slug} now reads “${title}”: the live column shows it, the built column does not.`;
}

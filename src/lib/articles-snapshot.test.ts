import { describe, expect, it } from 'vitest';
import { buildSnapshot, diffArticles, type ArticleRow } from './articles-snapshot';

const committed = {
	takenAt: '2026-12-01T00:00:00.000Z',
	articles: [{ slug: 'a', title: 'A', summary: '' }],
};
const now = () => new Date('2026-12-02T10:00:00.000Z');
const answer =
	(status: number, body: unknown): typeof fetch =>
	() =>
		Promise.resolve(new Response(JSON.stringify(body), { status }));

describe('the build-time snapshot', () => {
	it('reads the live articles, sorted by slug, with the time of the read', async () => {
		const items = [
			{ slug: 'b', title: 'B', summary: 'two' },
			{ slug: 'a', title: 'A', summary: 'one' },
		];
		const snapshot = await buildSnapshot('http://pb', committed, {
			fetch: answer(200, { items }),
			now,
		});
		expect(snapshot).toEqual({
			takenAt: '2026-12-02T10:00:00.000Z',
			source: 'live',
			articles: [
				{ slug: 'a', title: 'A', summary: 'one' },
				{ slug: 'b', title: 'B', summary: 'two' },
			],
		});
	});

	it('falls back to the committed snapshot, with its own date and the reason, never failing', async () => {
		const refused = (() => Promise.reject(new TypeError('fetch failed'))) as typeof fetch;
		expect(await buildSnapshot('http://pb', committed, { fetch: refused, now })).toEqual({
			...committed,
			source: 'committed',
			reason: 'no PocketBase answered at http://pb',
		});
		expect(
			(await buildSnapshot('http://pb', committed, { fetch: answer(503, {}), now })).reason
		).toBe('http://pb answered 503');
		expect(
			(await buildSnapshot('http://pb', committed, { fetch: answer(200, { items: [] }), now }))
				.source
		).toBe('committed');
		expect(
			(
				await buildSnapshot('http://pb', committed, {
					fetch: answer(200, { items: [{ slug: 1 }] }),
					now,
				})
			).reason
		).toBe('http://pb gave no articles');
	});
});

describe('built vs live', () => {
	const row = (slug: string, title = slug.toUpperCase()): ArticleRow => ({
		slug,
		title,
		summary: '',
	});
	it('names the records that differ, by slug', () => {
		expect(
			diffArticles([row('a'), row('b'), row('c')], [row('a'), row('b', 'Changed'), row('d')])
		).toEqual({
			changed: ['b'],
			onlyBuilt: ['c'],
			onlyLive: ['d'],
			same: 1,
		});
		expect(diffArticles([row('a')], [row('a')])).toEqual({
			changed: [],
			onlyBuilt: [],
			onlyLive: [],
			same: 1,
		});
	});
});

import { describe, expect, it } from 'vitest';
import {
	builtLabel,
	copyResult,
	copyTarget,
	diffText,
	liveCells,
	liveLabel,
	overlayCopies,
} from './static-snapshot-view';

const row = (slug: string, title = slug) => ({ slug, title, summary: '' });

describe('static generation wording', () => {
	it('says where the built list came from', () => {
		expect(
			builtLabel({ takenAt: '2026-12-01T10:00:00.000Z', source: 'live', articles: [row('a')] })
		).toBe('Built at 2026-12-01 10:00:00 UTC from the playground PocketBase: 1 article.');
		expect(
			builtLabel({
				takenAt: '2026-11-30T09:00:00.000Z',
				source: 'committed',
				reason: 'no PocketBase answered at http://pb',
				articles: [row('a'), row('b')],
			})
		).toBe(
			'Built without a PocketBase (no PocketBase answered at http://pb), so the build used the committed snapshot taken at 2026-11-30 09:00:00 UTC: 2 articles.'
		);
	});

	it('labels the live read as measured, with the reader’s copies', () => {
		expect(liveLabel('2026-12-01T10:00:05.123Z', 4.2, 0)).toBe(
			'Read live at 2026-12-01 10:00:05 UTC in 4.2 ms (measured).'
		);
		expect(liveLabel('2026-12-01T10:00:05.123Z', 12, 1)).toMatch(
			/with 1 copy of your own in place of the originals\.$/
		);
		// A recorded run keeps to the recording's time and says so.
		expect(liveLabel('2026-12-07T06:14:54.655Z', 12, 0, true)).toBe(
			'Read in the run recorded at 2026-12-07 06:14:54 UTC, in 12 ms (as recorded).'
		);
	});

	it('lays the reader’s copies over the live list', () => {
		expect(
			overlayCopies([row('a'), row('b')], [{ id: 'x', slug: 'b', title: 'Mine', summary: 's' }])
		).toEqual([
			{ slug: 'a', title: 'a', summary: '', yours: false },
			{ slug: 'b', title: 'Mine', summary: 's', yours: true },
		]);
	});

	it('names the records that differ, or says none do', () => {
		expect(diffText({ changed: [], onlyBuilt: [], onlyLive: [], same: 32 })).toBe(
			'All 32 records are the same in the build and live.'
		);
		expect(diffText({ changed: ['a'], onlyBuilt: [], onlyLive: ['z'], same: 31 })).toBe(
			'1 record changed (a); 1 record only live (z); 31 the same. The built column stays as it was built until the next build.'
		);
		expect(copyTarget([row('a'), row('b')])).toBe('a');
		expect(copyTarget([])).toBeUndefined();
	});
});

describe('the live column', () => {
	const built = [row('a'), row('b'), row('c')];

	it('shows each live title, marks what differs and which rows are the reader’s', () => {
		const cells = liveCells(built, [
			{ ...row('a'), yours: false },
			{ ...row('b', 'Mine'), yours: true },
		]);
		expect(cells.get('a')).toEqual({ text: 'a', differs: false, yours: false });
		expect(cells.get('b')).toEqual({ text: 'Mine', differs: true, yours: true });
		expect(cells.get('c')).toEqual({ text: '(not there live)', differs: true, yours: false });
	});

	it('counts a changed summary as a difference', () => {
		const cells = liveCells([row('a')], [{ slug: 'a', title: 'a', summary: 'new', yours: false }]);
		expect(cells.get('a')?.differs).toBe(true);
	});

	it('says what the reader’s change did', () => {
		expect(copyResult('a', 'Only mine')).toBe(
			'Your copy of a now reads “Only mine”: the live column shows it, the built column does not.'
		);
	});
});

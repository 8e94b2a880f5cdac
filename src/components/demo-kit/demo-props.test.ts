import { describe, expect, it } from 'vitest';
import { defaultSettings } from '~/lib/url-state';
import { demoCopy, demoSettings, demoUrlPrefix, settingsFieldProps } from './demo-props';

const schema = {
	readers: { kind: 'integer', label: 'Readers', min: 1, max: 10, default: 3 },
	mode: { kind: 'choice', label: 'Mode', options: ['a', 'b'], default: 'b' },
} as const;

describe('settingsFieldProps', () => {
	it('names a control by its field, prefix and the demo’s id, filled with the settings', () => {
		const field = settingsFieldProps(schema, 'x-', { readers: 7, mode: 'a' }, 'crowd');
		expect(field('readers')).toEqual({
			name: 'readers',
			field: schema.readers,
			prefix: 'x-',
			value: 7,
			id: 'crowd-readers',
		});
		expect(field('mode').value).toBe('a');
	});

	it('shows the defaults when given them', () => {
		const field = settingsFieldProps(schema, 'x-', defaultSettings(schema), 'demo');
		expect(field('readers').value).toBe(3);
		expect(field('mode')).toMatchObject({ value: 'b', id: 'demo-mode' });
	});
});

describe('demoUrlPrefix', () => {
	it('keeps the demo’s own prefix for the copy with the default id, so old links still open it', () => {
		expect(demoUrlPrefix('race-', 'latency-race', 'latency-race')).toBe('race-');
	});

	it('gives another copy a prefix of its own, named by its id', () => {
		expect(demoUrlPrefix('race-', 'second-race', 'latency-race')).toBe('race.second-race.');
	});

	it('never lets one copy’s prefix start another’s, even for ids that start alike', () => {
		const copies = ['b', 'b-2', 'b_2', 'latency-race'].map((id) =>
			demoUrlPrefix('race-', id, 'latency-race')
		);
		for (const a of copies) {
			for (const b of copies) if (a !== b) expect(b.startsWith(a), `${a} / ${b}`).toBe(false);
		}
	});

	it('refuses an id a prefix could not carry unambiguously', () => {
		for (const id of ['a.b', '2nd', 'race copy', '']) {
			expect(() => demoUrlPrefix('race-', id, 'latency-race'), id).toThrow(/demo's id/);
		}
	});
});

describe('demoCopy', () => {
	it('places the default copy under the demo’s name and prefix', () => {
		expect(demoCopy({}, 'latency-race', 'race-')).toEqual({ id: 'latency-race', prefix: 'race-' });
	});

	it('places another copy under its own id and prefix', () => {
		expect(demoCopy({ id: 'race-b' }, 'latency-race', 'race-')).toEqual({
			id: 'race-b',
			prefix: 'race.race-b.',
		});
	});
});

describe('demoSettings', () => {
	it('gives the default copy its demo’s prefix and controls showing the defaults', () => {
		const { id, prefix, settings, field } = demoSettings({}, 'crowd', 'crowd-', schema);
		expect({ id, prefix, settings }).toEqual({
			id: 'crowd',
			prefix: 'crowd-',
			settings: { readers: 3, mode: 'b' },
		});
		expect(field('readers')).toMatchObject({ prefix: 'crowd-', value: 3, id: 'crowd-readers' });
	});

	it('names a second copy’s controls under that copy’s id and prefix', () => {
		const second = demoSettings({ id: 'crowd-2' }, 'crowd', 'crowd-', schema);
		expect(second.prefix).toBe(demoUrlPrefix('crowd-', 'crowd-2', 'crowd'));
		expect(second.field('mode')).toMatchObject({ prefix: second.prefix, id: 'crowd-2-mode' });
	});
});

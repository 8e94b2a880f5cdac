import { describe, expect, it } from 'vitest';
import { defaultSettings } from '~/lib/url-state';
import { settingsFieldProps } from './demo-props';

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

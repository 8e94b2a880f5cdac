import { describe, expect, it } from 'vitest';
import { region, withoutRegionMarkers } from './code-region';

const file = [
	'export function f() {',
	'\tconst a = 1;',
	'\t// #region middle',
	'\t// Why b.',
	'\tif (a) {',
	'\t\tb();',
	'\t}',
	'\t// #endregion middle',
	'\treturn a;',
	'}',
].join('\n');

describe('region', () => {
	it('returns the lines between the markers, without their shared indentation', () => {
		expect(region(file, 'middle')).toBe('// Why b.\nif (a) {\n\tb();\n}');
	});

	it('throws for a region the file does not have, or an empty one', () => {
		expect(() => region(file, 'other')).toThrow('No region "other"');
		expect(() => region('// #region e\n\n// #endregion e', 'e')).toThrow('is empty');
	});
});

describe('withoutRegionMarkers', () => {
	it('drops only the marker lines', () => {
		expect(withoutRegionMarkers(file)).toBe(
			[
				'export function f() {',
				'\tconst a = 1;',
				'\t// Why b.',
				'\tif (a) {',
				'\t\tb();',
				'\t}',
				'\treturn a;',
				'}',
			].join('\n')
		);
	});
});

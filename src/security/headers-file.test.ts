import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crossOriginIsolationHeaders } from './cross-origin-isolation';
import { parseHeadersFile, patternMatches } from './headers-file';

const headersFile = readFileSync(new URL('../../public/_headers', import.meta.url), 'utf8');

describe('parseHeadersFile', () => {
	it('reads patterns, their indented headers, and skips comments', () => {
		expect(parseHeadersFile('# a comment\n/*\n  X-A: 1\n\n/b/*\n  X-B: two words\n')).toEqual([
			{ pattern: '/*', headers: { 'X-A': '1' } },
			{ pattern: '/b/*', headers: { 'X-B': 'two words' } },
		]);
	});

	it('refuses a header line before any pattern or without a colon', () => {
		expect(() => parseHeadersFile('  X-A: 1\n')).toThrow('line 1');
		expect(() => parseHeadersFile('/*\n  not a header\n')).toThrow('line 2');
	});

	it('matches paths with * as a wildcard', () => {
		expect(patternMatches('/*', '/problem/realtime/')).toBe(true);
		expect(patternMatches('/_astro/*', '/problem/')).toBe(false);
		expect(patternMatches('/index.html', '/indexxhtml')).toBe(false);
	});
});

describe('public/_headers', () => {
	const rules = parseHeadersFile(headersFile);
	const everyPage = rules.find((rule) => rule.pattern === '/*')?.headers ?? {};

	it('sends what a meta policy cannot carry on every page', () => {
		expect(everyPage['Content-Security-Policy']).toContain("frame-ancestors 'none'");
		expect(everyPage['X-Frame-Options']).toBe('DENY');
		expect(everyPage['X-Content-Type-Options']).toBe('nosniff');
		expect(everyPage['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
	});

	it('isolates every page as astro dev and astro preview do', () => {
		for (const [name, value] of Object.entries(crossOriginIsolationHeaders)) {
			expect(everyPage[name]).toBe(value);
		}
	});

	it('restricts no script, style or connection, which would cancel the pages’ hashed policy', () => {
		const directives = (everyPage['Content-Security-Policy'] ?? '')
			.split(';')
			.map((directive) => directive.trim().split(/\s+/)[0]);
		expect(
			directives.filter((name) => /^(default|script|style|connect)-src/.test(name ?? ''))
		).toEqual([]);
	});
});

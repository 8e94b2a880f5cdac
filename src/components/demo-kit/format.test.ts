import { describe, expect, it } from 'vitest';
import { escapeHtml, formatDelta, formatMs, formatRatio, plural } from './format';

describe('formatMs', () => {
	it('formats milliseconds readably, with a true minus sign', () => {
		expect(formatMs(0.5)).toBe('0.5 ms');
		expect(formatMs(7.94)).toBe('7.9 ms');
		expect(formatMs(182.4)).toBe('182 ms');
		expect(formatMs(-12.2)).toBe('−12 ms');
		expect(formatMs(2.5, { signed: true })).toBe('+2.5 ms');
		expect(formatMs(-0.01)).toBe('0 ms');
	});

	it('gives hundredths below 100 ms when the clock is fine enough', () => {
		expect(formatMs(2.346, { fine: true })).toBe('2.35 ms');
		expect(formatMs(2.3, { fine: true })).toBe('2.30 ms');
		expect(formatMs(14.016, { fine: true })).toBe('14.02 ms');
		expect(formatMs(182.4, { fine: true })).toBe('182 ms');
		expect(formatMs(0.004, { fine: true })).toBe('0 ms');
	});

	it('shows a dash, not a made-up number, when there is none', () => {
		expect(formatMs(undefined)).toBe('–');
		expect(formatMs(Number.NaN)).toBe('–');
	});
});

describe('sentences', () => {
	it('says slower or faster instead of a signed number', () => {
		expect(formatDelta(2.5)).toBe('2.5 ms slower');
		expect(formatDelta(-1264.2)).toBe('1264 ms faster');
		expect(formatDelta(0.01)).toBe('no slower');
	});

	it('writes ratios and counts', () => {
		expect(formatRatio(1.0249)).toBe('×1.02');
		expect(plural(1, 'request')).toBe('1 request');
		expect(plural(3, 'request')).toBe('3 requests');
	});

	it('escapes markup', () => {
		expect(escapeHtml('<a href="x">&\'</a>')).toBe(
			'&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;'
		);
	});
});

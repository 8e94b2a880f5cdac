import { describe, expect, it } from 'vitest';
import { simulateCrowd } from '~/lib/rate-limit-crowd';
import { decodeSettings, defaultSettings } from '~/lib/url-state';
import {
	crowdSchema,
	customRules,
	doneText,
	progressText,
	formatDuration,
	headline,
	parameterLine,
	renderChart,
	renderTable,
	summaryRows,
	toCrowdSettings,
	urlPrefix,
	visibleFields,
} from './rate-limit-crowd-view';

const defaults = defaultSettings(crowdSchema);
const result = simulateCrowd(toCrowdSettings(defaults));

describe('settings', () => {
	it('uses PocketBase’s default rules unless told otherwise', () => {
		expect(toCrowdSettings(defaults).rules.map((r) => r.label)).toEqual([
			'*:auth',
			'*:create',
			'/api/batch',
			'/api/',
		]);
		expect(toCrowdSettings({ ...defaults, rules: 'playground' }).rules).toContainEqual(
			expect.objectContaining({ label: '/api/demo/whoami' })
		);
	});
	it('builds the reader’s own rules from the form', () => {
		const own = customRules({ ...defaults, authMax: 50, authSeconds: 60 });
		expect(own[0]).toEqual({ label: '*:auth', audience: '', maxRequests: 50, duration: 60 });
	});
	it('shows only the fields the pattern and rules use', () => {
		expect([...visibleFields(defaults)]).toEqual(['rushSeconds']);
		const custom = visibleFields({ ...defaults, pattern: 'creates', rules: 'custom' });
		expect(custom.has('createsPerMinute')).toBe(true);
		expect(custom.has('authMax')).toBe(true);
		expect(custom.has('rushSeconds')).toBe(false);
	});
	it('reads a link, clamping what is out of range', () => {
		const decoded = decodeSettings(
			crowdSchema,
			new URLSearchParams('crowd-readers=9000&crowd-pattern=page-views'),
			urlPrefix
		);
		expect(decoded.value.readers).toBe(5000);
		expect(decoded.value.pattern).toBe('page-views');
		expect(decoded.problems).toEqual([
			'“crowd-readers=9000”: Readers must be from 1 to 5000; using 5000.',
		]);
	});
});

describe('what the page shows', () => {
	it('says what one server did next to going direct', () => {
		expect(headline(result)).toMatch(
			/^500 readers over 5 min: through one server, \d+ of 500 requests got a 429 and \d+ readers met one; direct from their browsers, 0 did\.$/
		);
	});
	it('says so when nothing was refused', () => {
		const quiet = simulateCrowd(toCrowdSettings({ ...defaults, readers: 1 }));
		expect(headline(quiet)).toBe(
			'1 reader over 5 min: no request was refused, even through one server. Try more readers or a busier pattern.'
		);
	});
	it('has one summary row per setup, with keys and the rule that counted', () => {
		const rows = summaryRows(result);
		expect(rows.map((r) => [r.mode, r.keys, r.rule])).toEqual([
			['direct', '500', '*:auth 2 per 3 s'],
			['server', '1', '*:auth 2 per 3 s'],
			['forwarded', '500', '*:auth 2 per 3 s'],
			['excluded', '1', 'not counted (excluded address)'],
		]);
		expect(rows[0]!.refused).toBe('0 (0 %)');
		expect(rows[0]!.firstRefused).toBe('never');
		expect(rows[3]!.attack).toBe('3,000 of 3,000');
		expect(rows[0]!.attack).toBe('200 of 3,000');
	});
	it('draws allowed and refused bars for every mode, with an accessible name', () => {
		const svg = renderChart(result, 'c');
		expect(svg).toContain('role="img"');
		expect(svg).toContain(`aria-label="Requests per 3 s`);
		expect(svg.match(/data-mode=/g)).toHaveLength(4);
		expect(svg).toContain('Through one server: <strong>85.4 % refused</strong>');
		expect(svg).toMatch(/from 0 to \d+ on every panel/);
		expect(svg).toContain('class="crowd-429"');
		expect(svg).toContain('class="crowd-ok"');
	});
	it('puts every number in the table, escaped', () => {
		const html = renderTable(result);
		expect(html).toContain(
			'<th scope="row">Through one server<span class="crowd-rule">*:auth 2 per 3 s</span></th>'
		);
		expect(html).toContain('Server’s address in excludedIPs');
		expect(html).not.toContain('<script');
	});
	it('names every parameter', () => {
		expect(parameterLine(result)).toBe(
			'Modelled with PocketBase 0.40’s limiter: each reader signs in once within the first 2 min (arrivals peak a third of the way in; no retries); rules *:auth 2 per 3 s, *:create 20 per 5 s, /api/batch 3 per 1 s, /api/ 300 per 10 s; seed 1. Bars are 3 s wide.'
		);
	});
	it('says how long the run took and how big it was', () => {
		expect(doneText(result, 312)).toBe('Done in 0.31 s: 500 requests in each setup.');
		expect(progressText(0.404)).toBe('Simulating… 40 %');
	});
	it('writes durations as people say them', () => {
		expect([45, 60, 90, 3600, 5400].map(formatDuration)).toEqual([
			'45 s',
			'1 min',
			'1 min 30 s',
			'1 h',
			'90 min',
		]);
	});
});

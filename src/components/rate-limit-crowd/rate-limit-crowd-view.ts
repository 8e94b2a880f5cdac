/**
 * The pure core of the crowd simulation: its settings (and their URL form), and the chart,
 * table and sentences it shows for a result. The same functions render the default run into
 * the page at build time and every run in the browser, so the page reads the same without
 * JavaScript. Output is HTML/SVG text with every dynamic value escaped; no DOM in here.
 */
import {
	attackPerSecond,
	crowdModes,
	crowdPatterns,
	ruleSets,
	type CrowdMode,
	type CrowdResult,
	type CrowdSettings,
} from '~/lib/rate-limit-crowd';
import type { RateLimitRule } from '~/lib/rate-limiter';
import type { Schema, Settings } from '~/lib/url-state';
import { escapeHtml } from '../demo-kit/format';

/** Query-parameter prefix, so the simulation's settings do not collide with other demos. */
export const urlPrefix = 'crowd-';

const ruleChoices = ['pocketbase', 'playground', 'custom'] as const;

export const crowdSchema = {
	readers: { kind: 'integer', label: 'Readers', min: 1, max: 5000, default: 500 },
	seconds: { kind: 'integer', label: 'Length of the run (s)', min: 60, max: 3600, default: 300 },
	pattern: {
		kind: 'choice',
		label: 'What the readers do',
		options: crowdPatterns,
		default: 'sign-in-rush',
	},
	rushSeconds: {
		kind: 'integer',
		label: 'Sign-ins spread over (s)',
		min: 10,
		max: 3600,
		default: 120,
	},
	viewsPerMinute: {
		kind: 'number',
		label: 'Page views per reader per minute',
		min: 0.1,
		max: 6,
		decimals: 1,
		default: 2,
	},
	createsPerMinute: {
		kind: 'number',
		label: 'Creates per reader per minute',
		min: 0.1,
		max: 6,
		decimals: 1,
		default: 1,
	},
	rules: { kind: 'choice', label: 'Rate-limit rules', options: ruleChoices, default: 'pocketbase' },
	authMax: { kind: 'integer', label: '*:auth requests', min: 1, max: 10000, default: 2 },
	authSeconds: { kind: 'integer', label: '*:auth window (s)', min: 1, max: 3600, default: 3 },
	createMax: { kind: 'integer', label: '*:create requests', min: 1, max: 10000, default: 20 },
	createSeconds: { kind: 'integer', label: '*:create window (s)', min: 1, max: 3600, default: 5 },
	apiMax: { kind: 'integer', label: '/api/ requests', min: 1, max: 100000, default: 300 },
	apiSeconds: { kind: 'integer', label: '/api/ window (s)', min: 1, max: 3600, default: 10 },
	seed: { kind: 'integer', label: 'Random seed', min: 1, max: 999999, default: 1 },
} as const satisfies Schema;

export type CrowdFormSettings = Settings<typeof crowdSchema>;

export const patternWords: Record<CrowdSettings['pattern'], string> = {
	'sign-in-rush': 'Sign-in rush',
	'page-views': 'Page views',
	creates: 'Creates',
};

export const ruleWords: Record<(typeof ruleChoices)[number], string> = {
	pocketbase: 'PocketBase’s defaults',
	playground: 'This site’s playground',
	custom: 'My own',
};

export const modeWords: Record<CrowdMode, { title: string; note: string }> = {
	direct: {
		title: 'Direct from each browser',
		note: 'Every reader is their own client key.',
	},
	server: {
		title: 'Through one server',
		note: 'Every request arrives from the server’s one address: one key for everyone.',
	},
	forwarded: {
		title: 'Server forwards the reader’s address (trusted header)',
		note: 'Each reader has a key again, and so has anyone who reaches PocketBase directly and writes any address into that header.',
	},
	excluded: {
		title: 'Server’s address in excludedIPs',
		note: 'Nothing through the server is limited: no 429s, and no sign-in limit left for anything that goes through it.',
	},
};

/** The custom rules: PocketBase's four labels with the reader's numbers. */
export function customRules(settings: CrowdFormSettings): RateLimitRule[] {
	return [
		{
			label: '*:auth',
			audience: '',
			maxRequests: settings.authMax,
			duration: settings.authSeconds,
		},
		{
			label: '*:create',
			audience: '',
			maxRequests: settings.createMax,
			duration: settings.createSeconds,
		},
		{ label: '/api/batch', audience: '', maxRequests: 3, duration: 1 },
		{ label: '/api/', audience: '', maxRequests: settings.apiMax, duration: settings.apiSeconds },
	];
}

export function toCrowdSettings(settings: CrowdFormSettings): CrowdSettings {
	return {
		readers: settings.readers,
		seconds: settings.seconds,
		pattern: settings.pattern,
		rushSeconds: settings.rushSeconds,
		viewsPerMinute: settings.viewsPerMinute,
		createsPerMinute: settings.createsPerMinute,
		rules: settings.rules === 'custom' ? customRules(settings) : ruleSets[settings.rules],
		seed: settings.seed,
	};
}

/** Which optional fields the form shows for these settings. */
/** The fields only one usage pattern uses: shown for that pattern, hidden for the others. */
export const patternOnlyFields = ['rushSeconds', 'viewsPerMinute', 'createsPerMinute'] as const;

/** The fields of the reader's own rules, shown when "My own rules" is chosen. */
export const customRuleFields = [
	'authMax',
	'authSeconds',
	'createMax',
	'createSeconds',
	'apiMax',
	'apiSeconds',
] as const;

export function visibleFields(settings: CrowdFormSettings): Set<keyof typeof crowdSchema> {
	const shown = new Set<keyof typeof crowdSchema>();
	if (settings.pattern === 'sign-in-rush') shown.add('rushSeconds');
	if (settings.pattern === 'page-views') shown.add('viewsPerMinute');
	if (settings.pattern === 'creates') shown.add('createsPerMinute');
	if (settings.rules === 'custom') {
		for (const key of customRuleFields) shown.add(key);
	}
	return shown;
}

const count = (n: number) => n.toLocaleString('en-US');
const percent = (part: number, whole: number) =>
	whole === 0 ? '0 %' : `${((100 * part) / whole).toFixed(part === whole || part === 0 ? 0 : 1)} %`;

/** "1 min 30 s", "45 s", "1 h". */
export function formatDuration(seconds: number): string {
	if (seconds < 60) return `${seconds} s`;
	if (seconds % 3600 === 0) return `${seconds / 3600} h`;
	const minutes = Math.floor(seconds / 60);
	const rest = seconds % 60;
	return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

export function ruleText(rule: RateLimitRule): string {
	return `${rule.label} ${count(rule.maxRequests)} per ${rule.duration} s`;
}

/** Which rule the crowd's requests fall under, in words. */
export function countedUnder(result: CrowdResult, mode: CrowdMode): string {
	const resolution = result.totals[mode].resolution;
	if (resolution.skip === 'excluded') return 'not counted (excluded address)';
	if (resolution.skip !== false) return 'not counted (no rule matches)';
	return ruleText(resolution.rule);
}

export interface SummaryRow {
	mode: CrowdMode;
	title: string;
	keys: string;
	rule: string;
	requests: string;
	refused: string;
	readersRefused: string;
	firstRefused: string;
	attack: string;
}

export function summaryRows(result: CrowdResult): SummaryRow[] {
	const readers = result.settings.readers;
	return crowdModes.map((mode) => {
		const t = result.totals[mode];
		return {
			mode,
			title: modeWords[mode].title,
			keys: count(t.keys),
			rule: countedUnder(result, mode),
			requests: count(t.requests),
			refused: `${count(t.refused)} (${percent(t.refused, t.requests)})`,
			readersRefused: `${count(t.readersRefused)} of ${count(readers)}`,
			firstRefused:
				t.firstRefusedAt === undefined ? 'never' : `after ${formatDuration(t.firstRefusedAt)}`,
			attack: `${count(result.attack[mode])} of ${count(Math.round(result.settings.seconds * 10))}`,
		};
	});
}

/** The headline: what one server did to the crowd, next to going direct. */
export function headline(result: CrowdResult): string {
	const { readers, seconds } = result.settings;
	const direct = result.totals.direct;
	const server = result.totals.server;
	const who = `${count(readers)} ${readers === 1 ? 'reader' : 'readers'} over ${formatDuration(seconds)}`;
	if (server.refused === 0) {
		return `${who}: no request was refused, even through one server. Try more readers or a busier pattern.`;
	}
	return `${who}: through one server, ${count(server.refused)} of ${count(server.requests)} requests got a 429 and ${count(server.readersRefused)} readers met one; direct from their browsers, ${count(direct.refused)} did.`;
}

/** One line that says what was simulated, with every parameter. */
export function parameterLine(result: CrowdResult): string {
	const s = result.settings;
	const what =
		s.pattern === 'sign-in-rush'
			? `each reader signs in once within the first ${formatDuration(Math.min(s.rushSeconds, s.seconds))} (arrivals peak a third of the way in; no retries)`
			: s.pattern === 'page-views'
				? `${s.viewsPerMinute} page views per reader per minute, at random (one list request each)`
				: `${s.createsPerMinute} creates per reader per minute, at random`;
	return `Modelled with PocketBase 0.40’s limiter: ${what}; rules ${s.rules.map(ruleText).join(', ')}; seed ${s.seed}. Bars are ${formatDuration(result.binSeconds)} wide.`;
}

/** Bar panels: a fixed height on screen, stretched to the width of the page. */
const panel = { width: 600, height: 56 };

/**
 * Small multiples: for each mode, allowed requests and 429s per time bin, on one scale. Text
 * is HTML around plain bar graphics, so it stays readable on a phone.
 */
export function renderChart(result: CrowdResult, id: string): string {
	const barWidth = panel.width / result.bins;
	let peak = 1;
	for (const mode of crowdModes) {
		for (let b = 0; b < result.bins; b++) {
			peak = Math.max(peak, result.allowed[mode][b]! + result.refused[mode][b]!);
		}
	}
	const panels = crowdModes.map((mode) => {
		const totals = result.totals[mode];
		const bars: string[] = [];
		for (let b = 0; b < result.bins; b++) {
			const allowed = result.allowed[mode][b]!;
			const refused = result.refused[mode][b]!;
			const x = (b * barWidth).toFixed(2);
			const w = Math.max(0.5, barWidth * (barWidth > 3 ? 0.8 : 1)).toFixed(2);
			const hAllowed = (allowed / peak) * panel.height;
			const hRefused = (refused / peak) * panel.height;
			if (allowed > 0) {
				bars.push(
					`<rect class="crowd-ok" x="${x}" y="${(panel.height - hAllowed).toFixed(2)}" width="${w}" height="${hAllowed.toFixed(2)}"/>`
				);
			}
			if (refused > 0) {
				bars.push(
					`<rect class="crowd-429" x="${x}" y="${(panel.height - hAllowed - hRefused).toFixed(2)}" width="${w}" height="${hRefused.toFixed(2)}"/>`
				);
			}
		}
		return `<div class="crowd-panel" data-mode="${mode}"><p class="crowd-panel-title">${escapeHtml(modeWords[mode].title)}: <strong>${escapeHtml(percent(totals.refused, totals.requests))} refused</strong></p><svg class="crowd-bars" viewBox="0 0 ${panel.width} ${panel.height}" preserveAspectRatio="none" aria-hidden="true" focusable="false">${bars.join('')}</svg></div>`;
	});
	const ticks = [0, 0.25, 0.5, 0.75, 1]
		.map(
			(fraction) =>
				`<span>${escapeHtml(formatDuration(Math.round(fraction * result.settings.seconds)))}</span>`
		)
		.join('');
	const label = `Requests per ${formatDuration(result.binSeconds)}, allowed and refused with 429, over the run, for each of four setups. ${headline(result)}`;
	return `<div class="crowd-chart" id="${escapeHtml(id)}" role="img" aria-label="${escapeHtml(label)}">${panels.join('')}<div class="crowd-time">${ticks}</div><p class="crowd-scale">Bar height: requests per ${escapeHtml(formatDuration(result.binSeconds))}, from 0 to ${count(peak)} on every panel.</p></div>`;
}

export function renderTable(result: CrowdResult): string {
	const rows = summaryRows(result);
	const head = ['Setup', 'Keys', '429s', 'Readers with a 429', 'First 429', 'Guesses let through'];
	const body = rows
		.map(
			(r) =>
				`<tr data-mode="${r.mode}"><th scope="row">${escapeHtml(r.title)}<span class="crowd-rule">${escapeHtml(r.rule)}</span></th>${[
					r.keys,
					r.refused,
					r.readersRefused,
					r.firstRefused,
					r.attack,
				]
					.map((cell) => `<td>${escapeHtml(cell)}</td>`)
					.join('')}</tr>`
		)
		.join('');
	return `<table class="crowd-table"><thead><tr>${head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${body}</tbody></table>`;
}

/** The sentence above the table. */
export function tableNote(result: CrowdResult): string {
	return `Totals for ${count(result.settings.readers)} readers, ${count(result.totals.direct.requests)} requests in each setup. “Guesses let through”: a password-guessing script at ${attackPerSecond} attempts per second for the whole run.`;
}

/** "Done in 0.31 s: 600,000 requests in each setup." (the time this browser took). */
export function doneText(result: CrowdResult, ms: number): string {
	return `Done in ${(ms / 1000).toFixed(2)} s: ${count(result.totals.direct.requests)} requests in each setup.`;
}

/** "Simulating… 40 %", for the progress line. */
export function progressText(progress: number): string {
	return `Simulating… ${Math.floor(progress * 100)} %`;
}

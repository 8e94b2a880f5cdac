/** How every demo writes numbers: the same milliseconds in the race, whoami and the explorer. */

/**
 * "0.5 ms", "17.9 ms", "182 ms", "−12 ms": one decimal below 10 ms, whole numbers above;
 * "–" when there is no number to show. `fine` gives two decimals below 100 ms ("2.37 ms",
 * "14.02 ms"), for times a cross-origin isolated page's clock recorded in steps of 5 µs
 * (demo-kit/timing.ts): a loaded machine's loopback request can take tens of milliseconds.
 */
export function formatMs(ms: number | undefined, { signed = false, fine = false } = {}): string {
	if (ms === undefined || !Number.isFinite(ms)) return '–';
	const magnitude = Math.abs(ms);
	const digits = fine ? (magnitude < 100 ? 2 : 0) : magnitude < 10 ? 1 : 0;
	let text = magnitude.toFixed(digits);
	if (Number(text) === 0) return '0 ms';
	if (ms < 0) text = `−${text}`;
	else if (signed) text = `+${text}`;
	return `${text} ms`;
}

/** "2.5 ms slower", "1264 ms faster", "no slower". */
export function formatDelta(ms: number): string {
	const text = formatMs(Math.abs(ms));
	if (text === '0 ms') return 'no slower';
	return `${text} ${ms < 0 ? 'faster' : 'slower'}`;
}

/** "×1.02": how many times the first path's time the second path's is. */
export function formatRatio(ratio: number): string {
	return `×${ratio.toFixed(2)}`;
}

/** "1 request", "3 requests". */
export function plural(count: number, one: string, many = `${one}s`): string {
	return `${count} ${count === 1 ? one : many}`;
}

const escapeMap: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;',
};

/** For views that render HTML or SVG text: every dynamic value goes through this. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => escapeMap[c]!);

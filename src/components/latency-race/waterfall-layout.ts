/**
 * Lays out a race's requests as waterfall rows: where each bar starts and how wide each of its
 * parts is, in SVG units. Pure, so the drawing code only turns rows into elements.
 */
export interface WaterfallInput {
	path: 'direct' | 'proxy';
	index: number;
	startMs: number;
	measuredMs: number;
	modelledMs: number;
	failure?: string | undefined;
	cold: boolean;
}

export interface WaterfallBar {
	kind: 'measured' | 'modelled' | 'failed';
	x: number;
	width: number;
}

export interface WaterfallRow {
	label: string;
	y: number;
	bars: WaterfallBar[];
	/** What a screen reader or tooltip says about the row. */
	title: string;
}

export interface WaterfallLayout {
	rows: WaterfallRow[];
	width: number;
	height: number;
	/** Tick marks along the time axis: x position and label. */
	ticks: { x: number; label: string }[];
	/** Rows left out because only the first `maxRows` are drawn. */
	hidden: number;
}

export const layoutDefaults = {
	width: 640,
	labelWidth: 92,
	rowHeight: 16,
	gap: 4,
	axisHeight: 22,
	maxRows: 40,
};

function niceStep(span: number): number {
	const rough = span / 5;
	const power = 10 ** Math.floor(Math.log10(rough || 1));
	return ([1, 2, 5, 10].map((m) => m * power).find((step) => step >= rough) ?? rough) || 1;
}

export function layoutWaterfall(
	results: readonly WaterfallInput[],
	options: Partial<typeof layoutDefaults> = {}
): WaterfallLayout {
	const o = { ...layoutDefaults, ...options };
	const sorted = [...results].sort((a, b) => a.startMs - b.startMs || a.index - b.index);
	const shown = sorted.slice(0, o.maxRows);
	const endMs = Math.max(1, ...shown.map((r) => r.startMs + r.measuredMs + r.modelledMs));
	const plot = o.width - o.labelWidth - 8;
	const scale = plot / endMs;
	const rows = shown.map((r, i): WaterfallRow => {
		const y = o.axisHeight + i * (o.rowHeight + o.gap);
		const x0 = o.labelWidth + r.startMs * scale;
		const bars: WaterfallBar[] = [];
		if (r.modelledMs > 0)
			bars.push({ kind: 'modelled', x: x0, width: Math.max(1, r.modelledMs * scale) });
		bars.push({
			kind: r.failure ? 'failed' : 'measured',
			x: x0 + r.modelledMs * scale,
			width: Math.max(1, r.measuredMs * scale),
		});
		const name = `${r.path === 'direct' ? 'Direct' : 'Proxied'} #${r.index + 1}`;
		const parts = [
			r.modelledMs > 0
				? `${Math.round(r.modelledMs)} ms modelled server hop${r.cold ? ' (cold start)' : ''}`
				: '',
			`${Math.round(r.measuredMs)} ms measured`,
			r.failure ? `failed: ${r.failure}` : '',
		].filter(Boolean);
		return { label: name, y, bars, title: `${name}: ${parts.join(', ')}` };
	});
	const step = niceStep(endMs);
	const ticks = [];
	for (let t = 0; t <= endMs; t += step)
		ticks.push({ x: o.labelWidth + t * scale, label: `${t} ms` });
	return {
		rows,
		width: o.width,
		height: o.axisHeight + shown.length * (o.rowHeight + o.gap),
		ticks,
		hidden: sorted.length - shown.length,
	};
}

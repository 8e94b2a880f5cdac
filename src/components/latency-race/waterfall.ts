/** Draws a race's waterfall (laid out by src/lib/waterfall-layout.ts) into an <svg>. */
import type { RaceResult, RaceSettings } from '~/lib/latency-race';
import { layoutWaterfall } from './waterfall-layout';

const svgNs = 'http://www.w3.org/2000/svg';

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>) {
	const node = document.createElementNS(svgNs, name);
	for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
	return node;
}

export function drawWaterfall(
	svg: SVGSVGElement,
	results: readonly RaceResult[],
	settings: RaceSettings,
	/** The hatch pattern's id, unique on the page (two races may share one). */
	hatchId: string
) {
	const layout = layoutWaterfall(results);
	svg.setAttribute('viewBox', `0 0 ${layout.width} ${Math.max(layout.height, 30)}`);
	svg.setAttribute(
		'aria-label',
		`Waterfall of ${results.length} requests of ${settings.requests * 2}${layout.hidden ? `, the first ${layout.rows.length} drawn` : ''}. The table below lists every request.`
	);
	const defs = el('defs', {});
	const pattern = el('pattern', {
		id: hatchId,
		width: 6,
		height: 6,
		patternUnits: 'userSpaceOnUse',
		patternTransform: 'rotate(45)',
	});
	pattern.append(
		el('line', { x1: 0, y1: 0, x2: 0, y2: 6, class: 'hatch-line', 'stroke-width': 3 })
	);
	defs.append(pattern);
	const children: Element[] = [defs];
	for (const tick of layout.ticks) {
		children.push(el('line', { x1: tick.x, x2: tick.x, y1: 14, y2: layout.height, class: 'axis' }));
		const label = el('text', { x: tick.x + 2, y: 11 });
		label.textContent = tick.label;
		children.push(label);
	}
	for (const row of layout.rows) {
		const group = el('g', {});
		const title = el('title', {});
		title.textContent = row.title;
		const label = el('text', { x: 0, y: row.y + 12 });
		label.textContent = row.label;
		group.append(title, label);
		for (const bar of row.bars) {
			const rect = el('rect', { x: bar.x, y: row.y, width: bar.width, height: 16, rx: 2 });
			rect.setAttribute('class', bar.kind);
			if (bar.kind === 'modelled') rect.setAttribute('fill', `url(#${hatchId})`);
			group.append(rect);
		}
		children.push(group);
	}
	svg.replaceChildren(...children);
}

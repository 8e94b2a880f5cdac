/** Draws a run's results: the summary table, the failure reasons, the sentences, the waterfall and one row per request. */
import type { RaceResult, RaceSettings } from '~/lib/latency-race';
import {
	failureLines,
	type RacePhase,
	instrumentText,
	outcomeText,
	requestRows,
	summaryRows,
} from './latency-race-view';
import { fineClock } from '../demo-kit/timing';
import { drawWaterfall } from './waterfall';

type Part = (name: string) => HTMLElement;

export function showResults(
	part: Part,
	results: readonly RaceResult[],
	settings: RaceSettings,
	phase: RacePhase,
	hatchId: string
): void {
	part('results').hidden = false;
	part('summary-rows').replaceChildren(
		...summaryRows(results).map(({ cells }) => row(cells, (column) => column === 0))
	);
	part('reasons').replaceChildren(
		...failureLines(results).map((line) => {
			const li = document.createElement('li');
			li.textContent = line;
			return li;
		})
	);
	part('outcome').textContent = outcomeText(results, phase, settings.seed);
	part('instrument').textContent = instrumentText(results);
	drawWaterfall(part('waterfall') as unknown as SVGSVGElement, results, settings, hatchId);
	part('request-rows').replaceChildren(
		...requestRows(results, fineClock()).map((cells) => row(cells))
	);
}

/** A table row; `header` cells are row headers, naming the row. */
function row(cells: readonly string[], header: (column: number) => boolean = () => false) {
	const tr = document.createElement('tr');
	cells.forEach((text, column) => {
		const cell = document.createElement(header(column) ? 'th' : 'td');
		if (header(column)) cell.setAttribute('scope', 'row');
		cell.textContent = text;
		tr.append(cell);
	});
	return tr;
}

/**
 * <latency-explorer>: the model explorer's controls. The chart and table are already in the
 * page (rendered at build time); this loads the model only when the explorer comes near the
 * screen or is touched, then redraws from latency-explorer-view.ts on every input.
 */
import { DemoElement, type DemoOptions } from '../demo-kit/demo-element';
import { importAll } from '../demo-kit/lazy-module';
import { defaultSettings } from '~/lib/url-state';
import type { explorerSchema } from './latency-explorer-view';

const loadLib = importAll(() => [
	import('./latency-explorer-view'),
	import('./latency-explorer-page-load'),
]);
type Lib = Awaited<ReturnType<typeof loadLib>>;

class LatencyExplorer extends DemoElement<typeof explorerSchema> {
	#lib: Lib | undefined;
	#announceTimer: ReturnType<typeof setTimeout> | undefined;

	protected options(): DemoOptions<typeof explorerSchema> {
		return { lazy: true, modelOnly: true };
	}

	protected async start() {
		const lib = await loadLib();
		this.#lib = lib;
		this.bindSettings(lib.explorerSchema, 'input');
		const form = this.settingsForm;
		for (const button of this.querySelectorAll<HTMLButtonElement>('[data-factor]')) {
			button.addEventListener('click', () => {
				const control = form.control('routeFactor');
				if (control) control.value = button.dataset['factor'] ?? '';
				control?.dispatchEvent(new Event('input', { bubbles: true }));
			});
		}
		if (this.linked) this.#render(lib, this.linkProblems);
		else if (
			JSON.stringify(this.settings()) !== JSON.stringify(defaultSettings(lib.explorerSchema))
		) {
			// A reader who changed a control while the code was still loading keeps that change.
			this.#render(lib);
			form.writeUrl(this.settings());
		}
	}

	protected override settingsChanged() {
		if (this.#lib) this.#render(this.#lib);
	}

	override disconnectedCallback() {
		super.disconnectedCallback();
		clearTimeout(this.#announceTimer);
	}

	#render(lib: Lib, problems: string[] = []) {
		const decoded = this.settingsForm.read();
		const chartId = `${this.id}-chart`;
		const pageLoad = decoded.value.chart === 'page-load';
		const view = pageLoad ? lib.pageLoadView(decoded.value) : lib.explorerView(decoded.value);
		const [chart, table] =
			'page' in view
				? [lib.renderPageLoadChart(view, chartId), lib.renderPageLoadTable(view)]
				: [lib.renderChart(view, chartId), lib.renderTable(view)];
		this.querySelector('[data-chart]')!.innerHTML = chart;
		this.querySelector('[data-table]')!.innerHTML = table;
		this.querySelector('[data-table]')!.setAttribute(
			'aria-label',
			pageLoad ? 'Modelled first views by architecture' : 'Modelled values by server location'
		);
		this.querySelector('[data-heading]')!.textContent = lib.chartNames[decoded.value.chart];
		this.querySelector('[data-summary]')!.textContent = view.summary;
		this.querySelector('[data-params]')!.textContent = `Model parameters: ${view.parameters}.`;
		// Each chart has its own key; the page choice matters only to the page-load chart.
		this.querySelector<HTMLElement>('[data-setting="page"]')!.hidden = !pageLoad;
		this.querySelector<HTMLElement>('[data-request-legend]')!.hidden = pageLoad;
		this.querySelector<HTMLElement>('[data-page-legend]')!.hidden = !pageLoad;
		this.querySelector<HTMLElement>('[data-cold-legend]')!.hidden =
			'page' in view || !view.showsColdStarts;

		this.querySelector('[data-problems]')!.replaceChildren(
			...[...problems, ...decoded.problems].map((text) => {
				const item = document.createElement('li');
				item.textContent = text;
				return item;
			})
		);

		// Screen readers hear the headline once the reader pauses, not on every keystroke.
		clearTimeout(this.#announceTimer);
		this.#announceTimer = setTimeout(() => this.announce(view.summary), 600);
	}
}

customElements.define('latency-explorer', LatencyExplorer);

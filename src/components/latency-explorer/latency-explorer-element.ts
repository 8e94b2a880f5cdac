/**
 * <latency-explorer>: the model explorer's controls. The chart and table are already in the
 * page (rendered at build time); this loads the model only when the explorer comes near the
 * screen or is touched, then redraws from latency-explorer-view.ts on every change.
 */
import { demoUrlPrefixOf } from '../demo-kit/demo-props';
import { importAll, LazyModule } from '../demo-kit/lazy-module';
import type { SettingsForm } from '../demo-kit/settings-form';
import type { explorerSchema } from './latency-explorer-view';

const loadLib = importAll(() => [
	import('./latency-explorer-view'),
	import('./latency-explorer-page-load'),
	import('~/lib/url-state'),
	import('../demo-kit/settings-form'),
	import('../demo-kit/copy-link'),
]);
type Lib = Awaited<ReturnType<typeof loadLib>>;
type Form = SettingsForm<typeof explorerSchema>;

class LatencyExplorer extends HTMLElement {
	#code = new LazyModule(loadLib);
	#announceTimer: ReturnType<typeof setTimeout> | undefined;

	connectedCallback() {
		this.#code.whenNear(this, (lib) =>
			this.#wire(
				lib,
				new lib.SettingsForm(this.querySelector('form')!, lib.explorerSchema, demoUrlPrefixOf(this))
			)
		);
	}

	disconnectedCallback() {
		this.#code.stop();
		clearTimeout(this.#announceTimer);
	}

	#wire(lib: Lib, form: Form) {
		const fromUrl = new URLSearchParams(location.search);
		const linked = [...fromUrl.keys()].some((key) => key.startsWith(form.prefix));
		if (linked) {
			const { value, problems } = lib.decodeSettings(lib.explorerSchema, fromUrl, form.prefix);
			form.fill(value);
			this.#render(lib, form, {
				problems: problems.map((p) => `This link: ${p}`),
				writeUrl: false,
			});
		}

		form.form.addEventListener('submit', (event) => event.preventDefault());
		form.form.addEventListener('input', () => this.#render(lib, form, { writeUrl: true }));
		// On commit (blur, Enter, a select's choice) show the corrected value in the field.
		form.form.addEventListener('change', () => form.fill(form.read().value));
		for (const button of this.querySelectorAll<HTMLButtonElement>('[data-factor]')) {
			button.addEventListener('click', () => {
				const control = form.control('routeFactor');
				if (control) control.value = button.dataset['factor'] ?? '';
				this.#render(lib, form, { writeUrl: true });
			});
		}
		this.querySelector('[data-action="reset"]')?.addEventListener('click', () => {
			form.fill(lib.defaultSettings(lib.explorerSchema));
			this.#render(lib, form, { writeUrl: false });
			form.clearUrl();
		});
		const copy = this.querySelector<HTMLButtonElement>('[data-action="copy-link"]')!;
		copy.addEventListener(
			'click',
			() => void lib.copyLink(copy, form.link(form.read().value, this.id))
		);
		// A reader who changed a control while the code was still loading keeps that change.
		const now = form.read().value;
		const asServed = lib.defaultSettings(lib.explorerSchema);
		if (!linked && JSON.stringify(now) !== JSON.stringify(asServed)) {
			this.#render(lib, form, { writeUrl: true });
		}
	}

	#render(
		lib: Lib,
		form: Form,
		{ problems = [], writeUrl }: { problems?: string[]; writeUrl: boolean }
	) {
		const decoded = form.read();
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
		this.#announceTimer = setTimeout(() => {
			this.querySelector('[data-announce]')!.textContent = view.summary;
		}, 600);

		if (writeUrl) form.writeUrl(decoded.value);
	}
}

customElements.define('latency-explorer', LatencyExplorer);

/**
 * <rate-limit-crowd>: the crowd simulation's controls. The default run is already in the page
 * (rendered at build time); this loads the model when the demo comes near the screen or is
 * touched, and runs the simulation in slices, yielding to the page between them, with progress.
 */
import { DemoElement, type DemoOptions } from '../demo-kit/demo-element';
import { importAll } from '../demo-kit/lazy-module';
import type { crowdSchema } from './rate-limit-crowd-view';

const loadLib = importAll(() => [
	import('./rate-limit-crowd-view'),
	import('~/lib/rate-limit-crowd'),
]);
type Lib = Awaited<ReturnType<typeof loadLib>>;

/** Requests counted per slice before the page gets the main thread back (a few ms each). */
const sliceEvents = 25_000;
const yieldToPage = () => new Promise((resolve) => setTimeout(resolve, 0));

class RateLimitCrowd extends DemoElement<typeof crowdSchema> {
	#lib: Lib | undefined;
	#debounce: ReturnType<typeof setTimeout> | undefined;
	/** Bumped by every new run, so a superseded run stops at its next slice. */
	#generation = 0;
	/** A run asked for before the code had loaded: done as soon as it has. */
	#runRequested = false;

	protected options(): DemoOptions<typeof crowdSchema> {
		return { lazy: true, modelOnly: true };
	}

	override connectedCallback() {
		super.connectedCallback();
		// Until the code has loaded, "Run" must not submit the form as a page load.
		this.querySelector('form')!.addEventListener('submit', (event) => {
			event.preventDefault();
			if (this.#lib) return this.#runNow(this.#lib);
			this.#runRequested = true;
			this.startNow();
		});
	}

	protected async start() {
		const lib = await loadLib();
		this.#lib = lib;
		this.bindSettings(lib.crowdSchema, 'input');
		this.#showFields(lib);
		if (this.linked) void this.#run(lib, this.linkProblems);
		else if (this.#runRequested) void this.#run(lib);
	}

	protected override settingsChanged() {
		const lib = this.#lib;
		if (!lib) return;
		this.#showFields(lib);
		this.#showProblems();
		clearTimeout(this.#debounce);
		this.#debounce = setTimeout(() => void this.#run(lib), 400);
	}

	override disconnectedCallback() {
		super.disconnectedCallback();
		clearTimeout(this.#debounce);
		this.#generation++;
	}

	#runNow(lib: Lib) {
		clearTimeout(this.#debounce);
		this.settingsForm.fill(this.settings());
		void this.#run(lib);
	}

	#showFields(lib: Lib) {
		const shown = lib.visibleFields(this.settings());
		for (const label of this.querySelectorAll<HTMLElement>('[data-setting]')) {
			const key = label.dataset['setting'] as (typeof lib.patternOnlyFields)[number];
			if (lib.patternOnlyFields.includes(key)) label.hidden = !shown.has(key);
		}
		this.#part('[data-custom]').hidden = !shown.has('authMax');
	}

	#part<T extends Element = HTMLElement>(selector: string): T {
		return this.querySelector<T>(selector)!;
	}

	/** Problems with the settings, next to the form and on each bad field; the decoded settings. */
	#showProblems(linkProblems: string[] = []) {
		const form = this.settingsForm;
		this.#part('[data-problems]').replaceChildren(
			...[...linkProblems, ...form.markProblems()].map((text) => {
				const item = document.createElement('li');
				item.textContent = text;
				return item;
			})
		);
		return form.read();
	}

	async #run(lib: Lib, linkProblems: string[] = []) {
		const generation = ++this.#generation;
		const decoded = this.#showProblems(linkProblems);
		this.settingsForm.writeUrl(decoded.value);

		const progress = this.#part('[data-progress]');
		const runButton = this.button('run');
		runButton.setAttribute('aria-busy', 'true');
		this.setAttribute('data-state', 'running');
		progress.textContent = lib.progressText(0);
		const started = performance.now();
		const run = new lib.CrowdRun(lib.toCrowdSettings(decoded.value));
		while (!run.done) {
			run.advance(sliceEvents);
			progress.textContent = lib.progressText(run.progress);
			await yieldToPage();
			if (generation !== this.#generation) return;
		}
		const result = run.result();
		this.#part('[data-chart]').innerHTML = lib.renderChart(result, `${this.id}-chart`);
		this.#part('[data-table]').innerHTML = lib.renderTable(result);
		this.#part('[data-table-note]').textContent = lib.tableNote(result);
		this.#part('[data-summary]').textContent = lib.headline(result);
		this.#part('[data-params]').textContent = lib.parameterLine(result);
		const ms = performance.now() - started;
		this.dataset['runMs'] = ms.toFixed(0);
		progress.textContent = lib.doneText(result, ms);
		runButton.removeAttribute('aria-busy');
		this.setAttribute('data-state', 'done');
	}
}

customElements.define('rate-limit-crowd', RateLimitCrowd);

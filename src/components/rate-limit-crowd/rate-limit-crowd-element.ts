/**
 * <rate-limit-crowd>: the crowd simulation's controls. The default run is already in the page
 * (rendered at build time); this loads the model when the demo comes near the screen or is
 * touched, and runs the simulation in slices, yielding to the page between them, with progress.
 */
import { demoUrlPrefixOf } from '../demo-kit/demo-props';
import { importAll, LazyModule } from '../demo-kit/lazy-module';
import type { SettingsForm } from '../demo-kit/settings-form';
import type { crowdSchema } from './rate-limit-crowd-view';

const loadLib = importAll(() => [
	import('./rate-limit-crowd-view'),
	import('~/lib/rate-limit-crowd'),
	import('~/lib/url-state'),
	import('../demo-kit/settings-form'),
	import('../demo-kit/copy-link'),
]);
type Lib = Awaited<ReturnType<typeof loadLib>>;
type Form = SettingsForm<typeof crowdSchema>;

/** Requests counted per slice before the page gets the main thread back (a few ms each). */
const sliceEvents = 25_000;
const yieldToPage = () => new Promise((resolve) => setTimeout(resolve, 0));

class RateLimitCrowd extends HTMLElement {
	#code = new LazyModule(loadLib);
	#debounce: ReturnType<typeof setTimeout> | undefined;
	/** Bumped by every new run, so a superseded run stops at its next slice. */
	#generation = 0;

	/** A run asked for before the code had loaded: done as soon as it has. */
	#runRequested = false;
	#wired = false;

	connectedCallback() {
		// Until the code has loaded, "Run" must not submit the form as a page load.
		this.#part('form').addEventListener('submit', (event) => {
			event.preventDefault();
			if (!this.#wired) {
				this.#runRequested = true;
				void this.#code.load();
			}
		});
		this.#code.whenNear(this, (lib) =>
			this.#wire(
				lib,
				new lib.SettingsForm(this.#part('form'), lib.crowdSchema, demoUrlPrefixOf(this))
			)
		);
	}

	disconnectedCallback() {
		this.#code.stop();
		clearTimeout(this.#debounce);
		this.#generation++;
	}

	#part<T extends Element = HTMLElement>(selector: string): T {
		return this.querySelector<T>(selector)!;
	}

	#wire(lib: Lib, form: Form) {
		const fromUrl = new URLSearchParams(location.search);
		const linked = [...fromUrl.keys()].some((key) => key.startsWith(form.prefix));
		const asServed = JSON.stringify(form.read().value);
		if (linked) {
			const { value, problems } = lib.decodeSettings(lib.crowdSchema, fromUrl, form.prefix);
			form.fill(value);
			void this.#run(
				lib,
				form,
				problems.map((p) => `This link: ${p}`)
			);
		} else if (JSON.stringify(form.read().value) !== asServed) {
			void this.#run(lib, form);
		}
		this.#showFields(lib, form);

		this.#wired = true;
		if (this.#runRequested && !linked) void this.#run(lib, form);
		form.form.addEventListener('submit', () => {
			clearTimeout(this.#debounce);
			form.fill(form.read().value);
			void this.#run(lib, form);
		});
		form.form.addEventListener('input', () => {
			this.#showFields(lib, form);
			this.#showProblems(lib, form);
			clearTimeout(this.#debounce);
			this.#debounce = setTimeout(() => void this.#run(lib, form), 400);
		});
		form.form.addEventListener('change', () => form.fill(form.read().value));
		const copy = this.#part<HTMLButtonElement>('[data-action="copy-link"]');
		copy.addEventListener(
			'click',
			() => void lib.copyLink(copy, form.link(form.read().value, this.id))
		);
	}

	#showFields(lib: Lib, form: Form) {
		const shown = lib.visibleFields(form.read().value);
		for (const label of this.querySelectorAll<HTMLElement>('[data-setting]')) {
			const key = label.dataset['setting'] as (typeof lib.patternOnlyFields)[number];
			if (lib.patternOnlyFields.includes(key)) label.hidden = !shown.has(key);
		}
		this.#part('[data-custom]').hidden = !shown.has('authMax');
	}

	/** Problems with the settings, next to the form and on each bad field; the decoded settings. */
	#showProblems(lib: Lib, form: Form, linkProblems: string[] = []) {
		const decoded = form.read();
		this.#part('[data-problems]').replaceChildren(
			...[...linkProblems, ...decoded.problems].map((text) => {
				const item = document.createElement('li');
				item.textContent = text;
				return item;
			})
		);
		for (const key of Object.keys(lib.crowdSchema) as (keyof typeof lib.crowdSchema)[]) {
			if (form.problemWith(key)) form.control(key)?.setAttribute('aria-invalid', 'true');
			else form.control(key)?.removeAttribute('aria-invalid');
		}
		return decoded;
	}

	async #run(lib: Lib, form: Form, linkProblems: string[] = []) {
		const generation = ++this.#generation;
		const decoded = this.#showProblems(lib, form, linkProblems);
		form.writeUrl(decoded.value);

		const progress = this.#part('[data-progress]');
		const runButton = this.#part<HTMLButtonElement>('[data-action="run"]');
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

/**
 * <latency-race>: binds the race (src/lib/latency-race.ts) to the page. It runs the requests
 * against the connected PocketBase, direct and through the simulated server, both timed by the
 * demo kit's one instrument (race-run.ts), and hands every state to latency-race-view.ts to be
 * shown (race-results.ts draws it).
 */
import { DemoElement } from '../demo-kit/demo-element';
import { isPresetField, withPreset, type RaceResult, type RaceSettings } from '~/lib/latency-race';
import { decodeSettings } from '~/lib/url-state';
import {
	initialSettings,
	type RacePhase,
	progressText,
	raceSchema,
	scenarioText,
} from './latency-race-view';
import { replayOnDiagrams, runRace } from './race-run';
import { showResults } from './race-results';

type Field = keyof typeof raceSchema;

class LatencyRace extends DemoElement<typeof raceSchema> {
	#settings!: RaceSettings;
	#controller: AbortController | undefined;

	protected options() {
		return { settings: { schema: raceSchema } };
	}

	protected start() {
		const params = new URLSearchParams(location.search);
		const decoded = decodeSettings(raceSchema, params, this.urlPrefix);
		this.#settings = initialSettings(decoded.value, params, this.urlPrefix);
		this.#showProblems(decoded.problems);
		this.#fillForm();
		const form = this.settingsForm.form;
		form.addEventListener('change', (event) => this.#onChange(event));
		// The base keeps the form from submitting; Run is its submit button, so Enter runs too.
		form.addEventListener('submit', () => {
			if (!this.#controller && !this.button('run').disabled) void this.#run();
		});
		this.onAction('cancel', () =>
			this.#controller?.abort(new DOMException('Cancelled by the reader', 'AbortError'))
		);
	}

	protected override needsPocketBase(action: string) {
		return action === 'run';
	}

	protected override readinessChanged() {
		this.#refresh();
	}

	/** Run is pressable while PocketBase can be tried (rate-limited included) and no run is going. */
	#refresh() {
		this.refreshControls(() => this.#controller === undefined);
		this.button('run').title = this.ready
			? ''
			: 'PocketBase is not reachable: see the connection panel.';
	}

	protected override playRecordedRun() {
		return this.#run();
	}

	protected override clearResults() {
		super.clearResults();
		this.getPart('progress').hidden = true;
	}

	#fillForm() {
		this.settingsForm.fill(this.#settings);
		this.getPart('scenario').textContent = scenarioText(this.#settings);
	}

	#onChange(event: Event) {
		const target = event.target as HTMLInputElement | HTMLSelectElement;
		const key = (Object.keys(raceSchema) as Field[]).find(
			(field) => this.settingsForm.control(field) === target
		);
		if (!key) return;
		const problem = this.settingsForm.problemWith(key);
		target.setAttribute('aria-invalid', String(problem !== undefined));
		if (problem) {
			// Nothing changes until the value is valid: not the settings, not the address bar
			// (the base would write the corrected value there).
			event.stopPropagation();
			this.#showProblems([problem]);
			return;
		}
		this.#showProblems([]);
		let next: RaceSettings = { ...this.#settings, [key]: this.settings()[key] };
		if (key === 'scenario') next = withPreset(next, next.scenario);
		else if (isPresetField(key)) next.scenario = 'custom';
		this.#settings = next;
		this.#fillForm();
	}

	#showProblems(problems: string[]) {
		const box = this.getPart('problems');
		box.textContent = problems.join(' ');
		box.hidden = problems.length === 0;
	}

	#progress(done: number, total: number, text: string) {
		this.getPart('progress').hidden = false;
		const bar = this.getPart<HTMLProgressElement>('progress-bar');
		bar.max = total;
		bar.value = done;
		this.getPart('progress-text').textContent = text;
	}

	#show(results: readonly RaceResult[], settings: RaceSettings, phase: RacePhase) {
		showResults((name) => this.getPart(name), results, settings, phase, `${this.id}-hatch`);
	}

	async #run() {
		const settings = this.#settings;
		const controller = new AbortController();
		this.#controller = controller;
		this.#refresh();
		this.button('cancel').hidden = false;
		const total = settings.requests * 2;
		try {
			this.#progress(0, total, 'Preparing…');
			const results = await runRace(settings, controller.signal, {
				preparing: (text) => this.#progress(0, 1, text),
				notStarted: (text) => {
					this.#showProblems([text]);
					this.#progress(0, 1, 'Not started.');
				},
				progressed: (so) => {
					this.#progress(so.length, total, progressText(so.length, total, 'running'));
					this.#show(so, settings, 'running');
				},
			});
			if (!results) return;
			const cancelled = controller.signal.aborted;
			const state = cancelled ? 'cancelled' : 'done';
			this.#show(results, settings, state);
			this.#progress(results.length, total, progressText(results.length, total, state));
			if (!cancelled && results.length === total) replayOnDiagrams(results);
		} finally {
			this.#controller = undefined;
			this.button('cancel').hidden = true;
			this.#refresh();
		}
	}
}

customElements.define('latency-race', LatencyRace);

/**
 * The base of every live demo's element: a demo's life cycle, written once, so each demo's own
 * element is only its wiring. Parts, buttons, the live region and failures: `DemoParts`.
 *
 * - **Readiness** comes from `demoControlsEnabled` (src/lib/connection-status.ts): while
 *   PocketBase cannot be tried, every action that needs it is disabled (`needsPocketBase()`), and
 *   `readinessChanged()` hears it. A `modelOnly` demo never loads the connection code
 *   (readiness.ts), never probes PocketBase, and no button waits for it.
 * - **Settings** (`settings()`): with a schema, the demo's `<form>` is bound to the URL under this
 *   copy's prefix (`urlPrefix`, from `data-url-prefix`), so two copies keep theirs apart;
 *   `copy-link` and `reset` work on them, `settingsChanged()` hears every change (`redrawOn`),
 *   and `linkProblems` says what was wrong with the link the page was opened with.
 * - **Start**: `start()` runs once, when the demo comes near the screen or is touched (`lazy`), or
 *   at once; `startNow()` when the reader acts first; a lazy demo may `bindSettings()` there.
 * - **Recorded runs**: a demo with `playRecordedRun()` offers a recorded run (recorded-run.ts).
 */
import type { Schema, Settings } from '~/lib/url-state';
import { startWhenNear } from './actions';
import { DemoParts } from './demo-parts';
import { bindDemoSettings, type BoundSettings } from './demo-settings';
import { demoUrlPrefixOf } from './demo-props';
import type { SettingsForm } from './settings-form';

export interface DemoOptions<S extends Schema | undefined> {
	/** The demo's settings schema, when it has settings (bound under `urlPrefix`). */
	settings?: S extends Schema ? { schema: S; redrawOn?: 'input' | 'change' } : never;
	/** Start only when the demo comes near the screen or is touched (default: at once). */
	lazy?: boolean;
	/** The demo runs a model in the page and never calls PocketBase (default: it does). */
	modelOnly?: boolean;
}

export abstract class DemoElement<S extends Schema | undefined = undefined> extends DemoParts {
	#settings: BoundSettings<S & Schema> | undefined;
	#modelOnly = false;
	#begun = false;
	#ready = false;
	#recorded = false;
	#starting: Promise<void> = Promise.resolve();
	#restoreParts: (() => void) | undefined;
	#recordedRun: { readinessChanged(ready: boolean): void } | undefined;
	#stopWatching: (() => void) | undefined;
	#unsubscribe: (() => void) | undefined;

	/** What this demo is: its settings and when it starts. */
	protected abstract options(): DemoOptions<S>;

	/** Binds the demo's actions and shows its first state; runs once (see `lazy`). */
	protected abstract start(): void | Promise<void>;

	/** Whether a `[data-action]` button needs PocketBase to be reachable to be pressed. */
	protected needsPocketBase(action: string): boolean {
		return !this.#modelOnly && action !== 'copy-link' && action !== 'reset';
	}

	/** Called, once started, when the reader changes a setting or resets them (see `redrawOn`). */
	protected settingsChanged(): void {}

	/** Called whenever PocketBase becomes usable or stops being so (`ready` says which). */
	protected readinessChanged(): void {}

	/** Called when the reader's sign-in was dropped: its playground host stopped (host-guard.ts). */
	protected signInChanged(): void | Promise<void> {}

	/**
	 * The demo's own run, resolved when it is done: a demo that has it offers a recorded run
	 * (recorded-run.ts) and `npm run record` records it.
	 */
	protected playRecordedRun?(): Promise<void>;

	/**
	 * Empties the demo's results (switching between a recorded run and live ones): by default,
	 * its parts as they were before any run (`snapshotParts`).
	 */
	protected clearResults(): void {
		this.#restoreParts?.();
	}

	connectedCallback() {
		const options = this.options();
		this.#modelOnly = options.modelOnly ?? false;
		this.#ready = this.#modelOnly;
		if (options.settings) {
			this.bindSettings(options.settings.schema as S & Schema, options.settings.redrawOn);
		}
		if (options.lazy) this.#stopWatching = startWhenNear(this, () => this.startNow());
		else this.startNow();
	}

	/** Starts the demo now if it has not begun (the reader acted before it came near); once. */
	protected startNow(): void {
		if (this.#begun) return;
		this.#begun = true;
		this.#stopWatching?.();
		this.#starting = Promise.resolve(this.start());
		if (this.#modelOnly) return;
		// Controls stay disabled until this code has heard the connection; loaded here, not above,
		// so a page of model demos never loads it. start() does not wait for it: the demo is set up
		// before a reader can reach it.
		void Promise.all([import('./readiness'), import('./recorded-run')]).then(
			async ([{ watchReadiness }, { attachRecordedRun, snapshotParts }]) => {
				await this.#starting;
				if (!this.isConnected) return;
				this.#restoreParts = snapshotParts(this);
				this.#recordedRun = this.playRecordedRun && attachRecordedRun(this.#recordedHost());
				this.#unsubscribe = watchReadiness(
					(ready) => {
						this.#ready = ready;
						this.#recordedRun?.readinessChanged(ready);
						this.refreshControls();
						this.readinessChanged();
					},
					() => void this.signInChanged()
				);
			}
		);
	}

	disconnectedCallback() {
		this.#stopWatching?.();
		this.#unsubscribe?.();
	}

	/** The prefix of this copy's URL parameters (`race-`, or `race.<id>.` for a second copy). */
	protected get urlPrefix(): string {
		return demoUrlPrefixOf(this);
	}

	/** Whether PocketBase can be tried now (answering, or answering 429), or a recording answers. */
	protected get ready(): boolean {
		return this.#ready || this.#recorded;
	}

	/** Whether the demo shows its recorded run now: its results are the recording's, not live. */
	protected get showingRecording(): boolean {
		return this.#recorded;
	}

	#recordedHost() {
		return {
			element: this,
			play: () => this.playRecordedRun?.() ?? Promise.resolve(),
			clear: () => this.clearResults(),
			setRecorded: (recorded: boolean) => {
				this.#recorded = recorded;
				this.refreshControls();
				this.readinessChanged();
			},
		};
	}

	/** Whether the demo has a run to record (`npm run record` asks). */
	get recordable(): boolean {
		return this.playRecordedRun !== undefined;
	}

	/** Records one run of the demo once PocketBase can be used (`npm run record` calls it). */
	async recordRun(): Promise<unknown> {
		this.startNow();
		await this.#starting;
		return (await import('./recorded-run')).recordRun(() => this.#ready, this.#recordedHost().play);
	}

	/** Enables what needs PocketBase while it can be tried, and `extra`: the demo's own conditions. */
	protected refreshControls(extra: (action: string) => boolean = () => true): void {
		for (const button of this.querySelectorAll<HTMLButtonElement>('[data-action]')) {
			const action = button.dataset['action'] ?? '';
			if (!this.needsPocketBase(action)) continue;
			button.disabled = !this.ready || !extra(action);
		}
	}

	/** The demo's settings, decoded from its form (in bounds, whatever was typed). */
	protected settings(): Settings<S & Schema> {
		return this.settingsForm.read().value;
	}

	/** Whether the page was opened with this copy's settings in its URL (a shared link). */
	protected get linked(): boolean {
		return this.#settings?.linked ?? false;
	}

	/** What was wrong with those settings, one sentence each ("This link: …"). */
	protected get linkProblems(): string[] {
		return this.#settings?.linkProblems ?? [];
	}

	/** The form its settings are bound to. */
	protected get settingsForm(): SettingsForm<S & Schema> {
		if (!this.#settings) throw new Error(`${this.localName} has no settings schema.`);
		return this.#settings.form;
	}

	/** Binds the form to `schema`: in `start()`, for a lazy demo whose schema comes with its code. */
	protected bindSettings(schema: S & Schema, redrawOn: 'input' | 'change' = 'change'): void {
		this.#settings = bindDemoSettings(this, schema, this.urlPrefix, redrawOn, () => {
			if (this.#begun) this.settingsChanged();
		});
	}
}

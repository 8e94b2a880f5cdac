/**
 * <own-request>: runs the reader's own request from the browser and through the simulated
 * server, shows what each sent and got back, and keeps the generated code and the URL in step
 * with the form (words and checks from own-request-view.ts, code from src/lib/request-code.ts).
 */
import {
	connection,
	directClient,
	reportResponse,
	signedInEmail,
	signInFromButton,
} from '../demo-kit/connection';
import { DemoElement } from '../demo-kit/demo-element';
import type { RequestSpec } from '~/lib/request-code';
import { decodeSettings, paramName } from '~/lib/url-state';
import { CodePanels } from './own-request-code';
import { listItems, showExchange } from './own-request-result';
import { CollectionControl } from './own-request-collection';
import { markInvalid, showFields, unusedBy } from './own-request-fields';
import { runSide, type Side } from './own-request-run';
import {
	checkForm,
	coldStarts,
	collectionDefaults,
	filterHints,
	ownSchema,
	sessionText,
	withOwner,
	type OwnForm,
	type TextField,
} from './own-request-view';

class OwnRequest extends DemoElement<typeof ownSchema> {
	#code!: CodePanels;
	#coldStart = coldStarts();
	// Set by start(); readiness can change before it runs.
	#collection: CollectionControl | undefined;

	protected options() {
		return { settings: { schema: ownSchema } };
	}

	protected start() {
		this.#code = new CodePanels(this);
		this.#collection = new CollectionControl(
			this.getPart('collection-choice'),
			this.getPart('collection-typed'),
			paramName('collection', this.urlPrefix)
		);
		const link = decodeSettings(ownSchema, new URLSearchParams(location.search), this.urlPrefix);
		this.#collection.set(link.value.collection);
		this.#showProblems(link.problems);
		this.settingsForm.unused = (key) => unusedBy(this.settings().method, key);
		showFields(this.settingsForm.form, link.value.method);
		const form = this.settingsForm.form;
		form.addEventListener('input', () => this.#changed());
		form.addEventListener('change', (event) => {
			if (event.target === this.#collection?.select) void this.#collectionChosen();
			this.#changed();
		});
		this.#code.bindTargets(this.getPart('targets'));
		this.onAction('sign-in', () => this.#signIn());
		this.onAction('both', () => this.#run(['direct', 'proxy']));
		this.onAction('direct', () => this.#run(['direct']));
		this.onAction('proxy', () => this.#run(['proxy']));
		this.#useCollectionControl();
		void this.#showSession();
	}

	protected override readinessChanged() {
		this.#useCollectionControl();
	}

	/** Whether the demos talk to the site's own playground (its collections are known). */
	#playground(): boolean {
		return connection.get().source === 'default';
	}

	#useCollectionControl() {
		if (this.#collection?.use(this.#playground())) this.#changed({ writeUrl: false });
	}

	/** The form changed: new checks, hints, code, and (unless only the page set it up) URL. */
	#changed({ writeUrl = true } = {}) {
		const form = this.settings();
		showFields(this.settingsForm.form, form.method);
		if (writeUrl) this.settingsForm.writeUrl(form);
		const checked = checkForm(form, { playground: this.#playground() });
		markInvalid(this.settingsForm, checked.ok ? [] : checked.problems.map((p) => p.field));
		this.#showProblems([]);
		const hints = checked.ok ? filterHints(checked.spec.filter, checked.spec.params) : [];
		this.getPart('hints').replaceChildren(...listItems(hints));
		if (checked.ok) void this.#code.show({ ...checked.spec, pocketBaseUrl: connection.get().url });
	}

	protected override playRecordedRun() {
		return this.#run(['direct', 'proxy']);
	}

	/** Suggests a filter, a sort and a body that fit the collection just chosen. */
	async #collectionChosen() {
		const defaults = collectionDefaults(this.settings().collection);
		if (!defaults) return;
		const me = await this.#me();
		for (const [name, value] of Object.entries(defaults) as [TextField, string][]) {
			this.#text(name).value = name === 'body' && me ? withOwner(value, me) : value;
		}
		this.#changed();
	}

	#text(name: TextField) {
		return this.settingsForm.control(name) as HTMLInputElement | HTMLTextAreaElement;
	}

	async #me(): Promise<string | undefined> {
		if (!(await signedInEmail())) return undefined;
		return (await directClient()).authStore.record?.id;
	}

	#showProblems(problems: readonly string[]) {
		const box = this.getPart('problems');
		box.replaceChildren(...listItems(problems));
		box.hidden = problems.length === 0;
	}

	protected override signInChanged() {
		void this.#showSession();
	}

	async #showSession() {
		this.getPart('session').textContent = sessionText(await signedInEmail());
	}

	/** Makes a throwaway user whose password the form knows, so auth-with-password can be tried. */
	async #signIn() {
		const box = this.getPart('session-failure');
		box.hidden = true;
		const signIn = await signInFromButton();
		if (signIn.ok) {
			this.#text('identity').value = signIn.email;
			this.getPart<HTMLInputElement>('password').value = signIn.password;
			if (this.settings().collection === 'notes') {
				const owner = signIn.pb.authStore.record?.id ?? '';
				this.#text('body').value = withOwner(this.settings().body, owner);
			}
			this.#changed();
		} else {
			box.textContent = `Could not sign in. ${signIn.text.title} ${signIn.text.advice}`;
			box.hidden = false;
		}
		await this.#showSession();
	}

	async #run(sides: readonly Side[]) {
		const form = this.settings();
		const checked = checkForm(form, { playground: this.#playground() });
		if (!checked.ok) {
			markInvalid(
				this.settingsForm,
				checked.problems.map((p) => p.field)
			);
			this.#showProblems(checked.problems.map((p) => p.message));
			return;
		}
		this.#showProblems([]);
		const spec = { ...checked.spec, pocketBaseUrl: connection.get().url };
		for (const side of sides) await this.#runSide(side, spec, form.server);
		await this.#showSession();
	}

	async #runSide(side: Side, spec: RequestSpec, server: OwnForm['server']) {
		const box = this.querySelector<HTMLElement>(`[data-side="${side}"]`)!;
		const run = await runSide(side, spec, {
			server,
			password: this.getPart<HTMLInputElement>('password').value,
			playground: this.#playground(),
			// Only the proxied path has a server to start cold; the draw is spent only there.
			cold: side === 'proxy' && this.#coldStart(server),
			recorded: this.showingRecording,
		});
		showExchange(
			box,
			(name, within) => this.getPart(name, within),
			run.exchange,
			run.time,
			run.bucket
		);
		if (run.ok) reportResponse(run.exchange?.response?.status ?? 200);
		else await this.showFailure(this.getPart('failure', box), run.error);
	}
}

customElements.define('own-request', OwnRequest);

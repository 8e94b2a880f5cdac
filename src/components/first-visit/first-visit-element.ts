/**
 * <first-visit>: reads what the reader's browser recorded for this page's load (Navigation and
 * Resource Timing), makes pairs of real calls to PocketBase (one preflighted as every SDK call
 * is, one simple), and shows the phases measured beside the page-load model's architectures
 * with those round trips plugged in (words from first-visit-view.ts).
 */
import { connection, reportResponse, separateClient } from '../demo-kit/connection';
import { DemoElement } from '../demo-kit/demo-element';
import { formatMs } from '../demo-kit/format';
import { timedCall } from '../demo-kit/timing';
import { barCell, cell, how } from './first-visit-cells';
import {
	compare,
	doneText,
	firstVisitSchema,
	measuredContentMs,
	measuredRows,
	progressText,
	recordedMeasurements,
	sourceText,
	tableTitles,
	verdict,
	type CallSample,
	type Measurements,
	type TimingEntry,
} from './first-visit-view';

/** Pairs of calls: enough for a median that one slow call cannot move. */
const pairs = 5;

class FirstVisit extends DemoElement<typeof firstVisitSchema> {
	#last: Measurements | undefined;

	protected options() {
		return { settings: { schema: firstVisitSchema }, lazy: true };
	}

	protected start() {
		this.onAction('run', () => this.#run());
		// A shared link's values were put right as the form was filled; say which.
		this.getPart('settings-problem').textContent = this.linkProblems.join(' ');
		this.addEventListener('change', () => {
			// The model goes on with the corrected values; say which were corrected.
			this.getPart('settings-problem').textContent = this.settingsForm.markProblems().join(' ');
			this.#renderModel();
		});
	}

	protected override playRecordedRun() {
		return this.#run();
	}

	async #run() {
		const failure = this.getPart('failure');
		failure.hidden = true;
		try {
			// A guest's client, as on a first visit: no Authorization header of its own.
			const pb = await separateClient();
			const list = (options: object) =>
				pb
					.collection('articles')
					.getList(1, 5, { fields: 'slug,title', requestKey: null, ...options });
			const preflighted: CallSample[] = [];
			const simple: CallSample[] = [];
			for (let i = 0; i < pairs; i++) {
				this.getPart('progress').textContent = progressText(i, pairs);
				// Each marked URL is new to the browser, so each SDK call is preflighted.
				const sdk = await timedCall((marked) => list(marked));
				if (!sdk.ok) return await this.showFailure(failure, sdk.error);
				// A safelisted Content-Type makes the same call a simple request: no preflight.
				const plain = await timedCall((marked) =>
					list({ ...marked, headers: { 'Content-Type': 'text/plain' } })
				);
				if (!plain.ok) return await this.showFailure(failure, plain.error);
				preflighted.push(sample(sdk));
				simple.push(sample(plain));
			}
			reportResponse(200);
			// A recorded run's calls are the recording's; this page's own load stays out of it.
			this.#last = this.showingRecording
				? recordedMeasurements(preflighted, simple)
				: { ...pageEntries(connection.get().url), preflighted, simple };
			this.#renderMeasured(this.#last);
			this.#renderModel();
		} catch (error) {
			await this.showFailure(failure, error);
		} finally {
			this.getPart('progress').textContent = '';
		}
	}

	#renderMeasured(m: Measurements) {
		const recorded = m.recorded === true;
		const titles = tableTitles(recorded);
		this.getPart('measured-title').textContent = titles.measured;
		this.getPart('model-title').textContent = titles.model;
		const rows = measuredRows(m);
		const body = this.getPart('measured');
		const longest = Math.max(1e-9, ...rows.map((row) => row.ms ?? 0));
		body.replaceChildren(
			...rows.map((row) => {
				const tr = document.createElement('tr');
				tr.dataset['source'] = row.source;
				const phase = cell('th', row.phase, 'row');
				phase.append(how(row.how));
				tr.append(
					phase,
					cell('td', formatMs(row.ms)),
					barCell([{ kind: row.source, share: (row.ms ?? 0) / longest, label: row.phase }]),
					cell('td', sourceText(row, recorded))
				);
				return tr;
			})
		);
		const content = measuredContentMs(rows);
		const done = doneText(content, pairs, recorded);
		this.getPart('measured-sum').textContent = done;
		this.announce(done);
	}

	#renderModel() {
		if (!this.#last) return;
		const settings = this.settings();
		const { rows, inputs } = compare(this.#last, settings);
		this.getPart('inputs').textContent = inputs;
		this.getPart('model').replaceChildren(
			...rows.map((row) => {
				const tr = document.createElement('tr');
				tr.dataset['architecture'] = row.architecture;
				tr.append(
					cell('th', row.name, 'row'),
					cell('td', formatMs(row.contentMs)),
					barCell(row.phases, row.description),
					cell('td', formatMs(row.nextMs)),
					cell('td', formatMs(row.nextAfterCacheMs))
				);
				return tr;
			})
		);
		this.getPart('verdict').textContent = verdict(rows, settings.page);
		this.getPart('results').hidden = false;
	}
}

function sample(call: { measuredMs: number; wholeFetchMs: number | undefined }): CallSample {
	return { measuredMs: call.measuredMs, wholeFetchMs: call.wholeFetchMs ?? call.measuredMs };
}

/** What the browser recorded for this page: its HTML, the SDK's script, the first PocketBase call. */
function pageEntries(pocketBaseUrl: string): Omit<Measurements, 'preflighted' | 'simple'> {
	const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
	const own = (entry: TimingEntry) => entry.name.startsWith(location.origin);
	return {
		navigation: performance.getEntriesByType('navigation')[0] as TimingEntry | undefined,
		script: resources.find((e) => own(e) && /pocketbase[^/]*\.js/i.test(e.name)),
		firstPocketBase: resources.find((e) => e.name.startsWith(`${pocketBaseUrl}/`)),
	};
}

customElements.define('first-visit', FirstVisit);

/**
 * A live demo's recorded run, offered by the kit: a panel at the top of the demo that offers
 * the run `npm run record` recorded for it (src/recordings/), above all when no PocketBase
 * answers. Showing it plays the demo's own run with every request answered by the recording
 * (recorded-transport.ts), so the reader sees the same view, labelled "Recorded on <date>
 * against PocketBase <version>" for as long as it is shown. Going back to live empties the
 * results first, so recorded and live numbers are never shown together.
 */
import { markRecorded } from './recorded-demos';
import { until } from './until';
import session from '~/recordings/session.json';
import {
	demoRecordedLabel,
	ReplayQueue,
	type RecordedExchange,
	type RecordingSession,
} from '~/lib/recorded-run';
import type { RecordedStreams } from '~/lib/recorded-streams';
import { replayFrom, startRecording, stopRecording, type Recording } from './recorded-transport';

/** What the kit's base element lends the panel. */
export interface RecordedRunHost {
	element: HTMLElement;
	/** The demo's own run. */
	play(): Promise<void>;
	/** Empties the demo's results. */
	clear(): void;
	/** Tells the demo whether it shows the recorded run (its controls then work on it). */
	setRecorded(recorded: boolean): void;
}

export interface RecordedRunPanel {
	/** PocketBase became usable, or stopped being so. */
	readinessChanged(ready: boolean): void;
}

const recordings = import.meta.glob<RecordedExchange[]>('../../recordings/*.exchanges.json', {
	import: 'default',
});
/** A demo whose run opened realtime streams keeps their events beside its requests. */
const streamRecordings = import.meta.glob<RecordedStreams>('../../recordings/*.streams.json', {
	import: 'default',
});

/** The queue of the demo's recorded answers, loaded only when a reader asks for them. */
async function loadQueue(demo: string): Promise<ReplayQueue | undefined> {
	const load = recordings[`../../recordings/${demo}.exchanges.json`];
	const streams = streamRecordings[`../../recordings/${demo}.streams.json`];
	return load ? new ReplayQueue(await load(), await streams?.()) : undefined;
}

const sessionData: RecordingSession = session;
const demos = sessionData.demos;

/**
 * The recorded run playing now, if any. Replay is one switch for the page's clients, so recorded
 * runs play one after another, and a click elsewhere does not switch it while one plays.
 */
let playing: Promise<void> = Promise.resolve();
let busy = false;

/** Places the panel in a demo that has a recording (undefined for one that has none). */
export function attachRecordedRun(host: RecordedRunHost): RecordedRunPanel | undefined {
	const demo = host.element.localName;
	const { element } = host;
	let queue: ReplayQueue | undefined;
	let recorded = false;
	let ready = false;
	/** PocketBase did not answer at some point while the recording was shown. */
	let missed = false;
	// Each click in a demo says whose requests follow: its recording's, or the live server's.
	const activate = () => {
		if (!busy) replayFrom(recorded ? queue : undefined);
	};
	element.addEventListener('click', activate, { capture: true });
	element.addEventListener('submit', activate, { capture: true });
	if (!demos[demo]) return undefined;

	const label = demoRecordedLabel(sessionData, demo);
	const panel = document.createElement('div');
	panel.className = 'demo-recorded';
	panel.dataset['part'] = 'recorded-run';
	const text = document.createElement('p');
	text.className = 'demo-recorded-text';
	// Polite, like the demos' own results; not a `status` role, which the demos' results use.
	text.setAttribute('aria-live', 'polite');
	const button = document.createElement('button');
	button.type = 'button';
	button.className = 'demo-button';
	panel.append(text, button);
	element.prepend(panel);

	const show = () => {
		panel.classList.toggle('showing', recorded);
		if (recorded) {
			const back = missed ? ' PocketBase answers again: you can run it live.' : '';
			text.textContent = `${label}: a recorded run, not live numbers.${ready ? back : ''}`;
			button.textContent = ready ? 'Go live' : 'Leave the recording';
		} else {
			text.textContent = ready
				? `A run ${lower(label)} is also kept.`
				: `PocketBase is not answering, so this demo cannot run live. A run ${lower(label)} can be shown instead.`;
			button.textContent = 'Show a recording';
		}
	};

	button.addEventListener('click', () => {
		void (recorded ? toLive() : toRecorded());
	});

	let signIns: [string, string][] = [];

	async function toRecorded() {
		queue ??= await loadQueue(demo);
		if (!queue) return;
		signIns = keptSignIns();
		missed = !ready;
		host.clear();
		recorded = true;
		markRecorded(element, label);
		host.setRecorded(true);
		labelCaptions(element, label);
		show();
		const previous = playing;
		let done = () => {};
		playing = new Promise((resolve) => (done = resolve));
		await previous;
		busy = true;
		try {
			replayFrom(queue);
			await host.play();
		} finally {
			busy = false;
			done();
		}
	}

	function toLive() {
		recorded = false;
		markRecorded(element, undefined);
		replayFrom(undefined);
		// The recorded run signed in a user of the recording's playground: forget it.
		restoreSignIns(signIns);
		labelCaptions(element, undefined);
		host.clear();
		host.setRecorded(false);
		show();
	}

	show();
	return {
		readinessChanged(now) {
			ready = now;
			if (recorded && !now) missed = true;
			show();
		},
	};
}

/**
 * Remembers how the demo's parts look before any run (their content and whether they are
 * hidden) and returns what puts them back: emptying the results the same way in every demo.
 * Parts that hold controls are left alone, so no bound button or field is replaced.
 */
export function snapshotParts(element: HTMLElement): () => void {
	const kept = [...element.querySelectorAll<HTMLElement>('[data-part]')]
		.filter((part) => !part.closest('form, [data-part="recorded-run"]'))
		.filter((part) => !part.querySelector('[data-action], button, input, select, textarea'))
		.filter((part, _, all) => !all.some((other) => other !== part && other.contains(part)))
		.map((part) => ({ part, html: part.innerHTML, hidden: part.hidden }));
	return () => {
		for (const { part, html, hidden } of kept) {
			part.innerHTML = html;
			part.hidden = hidden;
		}
	};
}

/** Adds the label to every table caption of the demo (or takes it away), for every table's name. */
function labelCaptions(element: HTMLElement, label: string | undefined) {
	for (const caption of element.querySelectorAll('caption')) {
		caption.querySelector('.demo-recorded-caption')?.remove();
		if (!label) continue;
		const span = document.createElement('span');
		span.className = 'demo-recorded-caption';
		span.textContent = ` (${lower(label)})`;
		caption.append(span);
	}
}

/** Where connection.ts keeps the reader's sign-in, one key per server. */
const signInPrefix = 'pb-guide:auth:';

function keptSignIns(): [string, string][] {
	try {
		return Object.keys(localStorage)
			.filter((key) => key.startsWith(signInPrefix))
			.map((key) => [key, localStorage.getItem(key) ?? '']);
	} catch {
		return [];
	}
}

function restoreSignIns(kept: [string, string][]) {
	try {
		for (const key of Object.keys(localStorage)) {
			if (key.startsWith(signInPrefix)) localStorage.removeItem(key);
		}
		for (const [key, value] of kept) localStorage.setItem(key, value);
	} catch {
		// No storage: nothing was kept either.
	}
}

function lower(label: string): string {
	return label.charAt(0).toLowerCase() + label.slice(1);
}

/**
 * Records the demo's run for `npm run record`: waits until PocketBase can be used, then keeps
 * every request and answer of one run, and every event of the streams it opened.
 */
export async function recordRun(
	ready: () => boolean,
	play: () => Promise<void>
): Promise<Recording> {
	if (!(await until(ready, 30_000, 100))) throw new Error('PocketBase never became usable.');
	startRecording();
	try {
		await play();
	} finally {
		replayFrom(undefined);
	}
	return stopRecording();
}

/**
 * <pb-playground-status>: the playground's own status inside the connection panel. What it
 * says comes from src/lib/playground-status.ts; this fills the markup from the page's
 * connection and the demos that show a recorded run.
 */
import { playgroundStatus, type PlaygroundRow } from '~/lib/playground-status';
import { connection } from './connection';
import { recordedDemos } from './recorded-demos';

const answerIcons = { yes: '✓ ', no: '✕ ', unknown: '' };

/** The URL with a line-break opportunity after `://`, each dot and a port's colon. */
function breakable(url: string): (string | Node)[] {
	return url
		.split(/(?<=:\/\/|\.|:(?!\/))/)
		.flatMap((part, i) => (i === 0 ? [part] : [document.createElement('wbr'), part]));
}

function rowElement(row: PlaygroundRow): HTMLTableRowElement {
	const tr = document.createElement('tr');
	const name = document.createElement('th');
	name.scope = 'row';
	name.append(row.name);
	if (row.inUse) {
		const badge = document.createElement('span');
		badge.className = 'in-use';
		badge.textContent = 'in use';
		name.append(' ', badge);
	}
	const url = document.createElement('span');
	url.className = 'server-url';
	url.append(...breakable(row.url));
	name.append(' ', url);
	const answers = document.createElement('td');
	const kind = row.answers === undefined ? 'unknown' : row.answers ? 'yes' : 'no';
	answers.dataset['answers'] = kind;
	// The icon repeats the word for the eye, so the colour is never the only sign; a screen
	// reader hears the word alone.
	const icon = document.createElement('span');
	icon.setAttribute('aria-hidden', 'true');
	icon.textContent = answerIcons[kind];
	answers.append(icon, row.answerText);
	const roundTrip = document.createElement('td');
	roundTrip.textContent = row.roundTrip;
	tr.append(name, answers, roundTrip);
	return tr;
}

class PlaygroundStatusElement extends HTMLElement {
	#stops: (() => void)[] = [];

	connectedCallback() {
		this.hidden = false;
		const render = () => this.#render();
		this.#stops.push(connection.subscribe(render), recordedDemos.subscribe(render));
	}

	disconnectedCallback() {
		for (const stop of this.#stops.splice(0)) stop();
	}

	#render() {
		const snapshot = connection.get();
		const status = playgroundStatus({
			regions: snapshot.regions,
			url: snapshot.url,
			source: snapshot.source,
			state: snapshot.status.state,
			choice: snapshot.choice,
			roundTrips: snapshot.roundTrips,
			host: snapshot.host,
			recorded: [...recordedDemos.get().values()],
		});
		const part = (name: string) => this.querySelector<HTMLElement>(`[data-part="${name}"]`)!;
		part('summary').textContent = status.summary;
		part('summary').dataset['mode'] = status.results.mode;
		part('rows').replaceChildren(...status.rows.map(rowElement));
		part('why').textContent = status.why;
		part('host').hidden = status.host === undefined;
		part('host-name').textContent = status.host ?? '';
		part('results').textContent = status.results.text;
	}
}

customElements.define('pb-playground-status', PlaygroundStatusElement);

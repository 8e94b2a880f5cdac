/** <pb-connection-status>: shows the page's connection (connection.ts) and lets the reader change it. */
import type { ConnectionState } from '~/lib/connection-status';
import { connection, recheck, startWatching, useDefaultServer, useServer } from './connection';

const stateWords: Record<ConnectionState, [icon: string, word: string]> = {
	checking: ['…', 'Checking'],
	connected: ['✓', 'Connected'],
	slow: ['!', 'Slow'],
	unreachable: ['✕', 'Not reachable'],
	blocked: ['✕', 'Blocked'],
	'rate-limited': ['!', 'Rate-limited'],
	'not-pocketbase': ['✕', 'Not PocketBase'],
	error: ['✕', 'Error'],
};
const sourceWords = {
	query: '(from this link’s ?pb=)',
	saved: '(your saved choice)',
	region: '(the nearest of the site’s playgrounds)',
	default: '(the site’s default)',
};

/** Renders text with `backticks` as <code>, without ever parsing HTML. */
function fillWithCode(element: HTMLElement, text: string) {
	element.replaceChildren(
		...text.split('`').map((part, i) => {
			if (i % 2 === 0) return document.createTextNode(part);
			const code = document.createElement('code');
			code.textContent = part;
			return code;
		})
	);
	element.hidden = text === '';
}

class ConnectionStatusElement extends HTMLElement {
	#stop: (() => void) | undefined;

	connectedCallback() {
		const $ = <T extends Element>(selector: string) => this.querySelector<T>(selector)!;
		const badge = $<HTMLElement>('.badge');
		const recheckButton = $<HTMLButtonElement>('.recheck');
		const form = $<HTMLFormElement>('.server-form');
		const input = $<HTMLInputElement>('input[name="pb"]');
		const message = $<HTMLElement>('.form-message');

		this.#stop = connection.subscribe((snapshot) => {
			const { status } = snapshot;
			const [icon, word] = stateWords[status.state];
			badge.dataset['state'] = status.state;
			this.dataset['state'] = status.state;
			$<HTMLElement>('.icon').textContent = icon;
			$<HTMLElement>('.state-word').textContent = word;
			$<HTMLElement>('.title').textContent = status.title;
			fillWithCode($('.detail'), status.detail);
			fillWithCode($('.advice'), status.advice);
			fillWithCode($('.region'), snapshot.choice?.statement ?? '');
			fillWithCode($('.problems'), snapshot.problems.join(' '));
			$<HTMLElement>('.url').textContent = snapshot.url;
			$<HTMLElement>('.source').textContent = sourceWords[snapshot.source];
			recheckButton.disabled = status.state === 'checking';
		});

		recheckButton.addEventListener('click', () => void recheck());
		form.addEventListener('submit', (event) => {
			event.preventDefault();
			message.textContent = 'Checking that address…';
			void useServer(input.value).then((result) => {
				message.textContent = result.ok ? `Switched. ${result.status.detail}` : result.problem;
				message.dataset['kind'] = result.ok ? 'ok' : 'problem';
			});
		});
		$<HTMLButtonElement>('.use-default').addEventListener('click', () => {
			useDefaultServer();
			input.value = '';
			message.textContent = 'Back to the site’s default server.';
			message.dataset['kind'] = 'ok';
		});
		startWatching();
	}

	disconnectedCallback() {
		this.#stop?.();
	}
}

customElements.define('pb-connection-status', ConnectionStatusElement);

/**
 * The "same request in your code" panels: the generated code for each target, coloured by
 * shiki, which is loaded the first time the request changes (the page arrives with the default
 * request already coloured at build time).
 */
import { codeTargets, generateCode, type RequestSpec } from '~/lib/request-code';

type Highlight = (code: string) => Promise<string>;

export class CodePanels {
	#root: HTMLElement;
	#highlight: Promise<Highlight> | undefined;
	#version = 0;

	/** `root` holds one `[data-target]` panel per target, each with a `[data-part="files"]`. */
	constructor(root: HTMLElement) {
		this.#root = root;
	}

	/** Shows the target chosen in `choices` (radios), and follows the reader's choice. */
	bindTargets(choices: HTMLElement): void {
		const show = () => {
			const chosen = choices.querySelector<HTMLInputElement>('input:checked')?.value ?? 'browser';
			for (const panel of this.#root.querySelectorAll<HTMLElement>('[data-target]')) {
				panel.hidden = panel.dataset['target'] !== chosen;
			}
		};
		choices.addEventListener('change', show);
		choices.hidden = false;
		show();
	}

	/** Writes the code for `spec`; a later call wins over one still colouring. */
	async show(spec: RequestSpec): Promise<void> {
		const version = ++this.#version;
		this.#highlight ??= import('./own-request-highlight').then((module) => module.highlight);
		const rendered = await Promise.all(
			codeTargets.map(async (target) => {
				const files = generateCode(spec, target);
				return { target, files, html: await this.#highlighted(files.map((file) => file.code)) };
			})
		);
		if (version !== this.#version) return;
		for (const { target, files, html } of rendered) {
			const panel = this.#root.querySelector(`[data-target="${target}"] [data-part="files"]`)!;
			panel.replaceChildren(...files.map((file, i) => figure(file.path, file.code, html?.[i])));
		}
	}

	async #highlighted(codes: string[]): Promise<string[] | undefined> {
		try {
			const highlight = await this.#highlight!;
			return await Promise.all(codes.map((code) => highlight(code)));
		} catch {
			// Plain text is still the right code.
			return undefined;
		}
	}
}

function figure(path: string, code: string, colored: string | undefined): HTMLElement {
	const element = document.createElement('figure');
	element.className = 'file';
	const caption = document.createElement('figcaption');
	const name = document.createElement('code');
	name.textContent = path;
	caption.append(name);
	const body = document.createElement('div');
	body.className = 'highlighted';
	if (colored !== undefined) {
		// shiki escapes the code it colours; the HTML holds no reader text unescaped.
		body.innerHTML = colored;
	} else {
		const pre = document.createElement('pre');
		pre.tabIndex = 0;
		pre.textContent = code;
		body.append(pre);
	}
	element.append(caption, body);
	return element;
}

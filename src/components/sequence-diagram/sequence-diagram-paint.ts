/**
 * Paints what sequence-diagram-view.ts says a moment shows onto the player's parts: the lit
 * and the passed messages, the packet on its arrow, the hops' time labels, the list of steps,
 * the live region and the play button. Geometry (where an arrow's middle is) needs the DOM,
 * so it is read here.
 */
import { hopLabel, type Hop, type StepText } from '~/lib/diagram-timeline';
import { readStep, type DiagramView } from './sequence-diagram-view';

export class DiagramPaint {
	readonly #svg: SVGSVGElement;
	/** The scrolling frame around the SVG. */
	readonly canvas: HTMLElement;
	readonly #now: HTMLElement;
	readonly #playWord: HTMLElement;
	readonly #playIcon: SVGPathElement;
	readonly #items: HTMLLIElement[];
	readonly #lines: SVGGeometryElement[];
	readonly #packet: SVGCircleElement;
	#labels: SVGTextElement[] = [];
	/** The hop whose step the diagram, the list and the live region show now. */
	#shown = NaN;
	/** The diagram's arrows, top to bottom, as its list of steps says them. */
	readonly steps: readonly StepText[];

	constructor(root: HTMLElement) {
		const q = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
		this.#svg = q('.canvas > svg');
		this.canvas = q('.canvas');
		this.#now = q('.now');
		this.#playWord = q('.play .word');
		this.#playIcon = q('.play path');
		this.#items = [...root.querySelectorAll<HTMLLIElement>('.steps li')];
		this.steps = this.#items.map((li) => readStep(li.querySelector('a')?.textContent ?? ''));
		this.#lines = [
			...this.#svg.querySelectorAll<SVGGeometryElement>('[data-et="message"][data-step]'),
		];
		this.#packet = this.#svgElement('circle', {
			r: '7',
			class: 'packet',
			'aria-hidden': 'true',
			visibility: 'hidden',
		});
	}

	/** Says each hop's time under its arrow and in the list of steps (hidden until it starts). */
	labelHops(hops: readonly Hop[]) {
		this.clearLabels();
		for (const li of this.#items) li.querySelector('.hop-time')!.textContent = '';
		this.#labels = hops.map((hop) => {
			const line = this.#lines[hop.message]!;
			const mid = line.getPointAtLength(line.getTotalLength() / 2);
			const label = this.#svgElement('text', {
				x: String(mid.x),
				y: String(mid.y + 17),
				'text-anchor': 'middle',
				class: 'hop-label',
				'data-kind': hop.kind ?? '',
				visibility: 'hidden',
			});
			label.textContent = hopLabel(hop);
			this.#items[hop.message]!.querySelector('.hop-time')!.textContent = hopLabel(hop);
			return label;
		});
	}

	/** Whether the live region says each step as it comes (not while autoplay runs silently). */
	announceSteps(announce: boolean) {
		this.#now.setAttribute('aria-live', announce ? 'polite' : 'off');
	}

	/** Takes the time labels off the diagram (the list keeps its last replay's times). */
	clearLabels() {
		for (const label of this.#labels) label.remove();
		this.#labels = [];
	}

	paint(view: DiagramView, reducedMotion: boolean) {
		this.#playWord.textContent = view.playWord;
		this.#playIcon.setAttribute('d', this.#playIcon.dataset[view.playing ? 'pause' : 'play'] ?? '');
		this.#labels.forEach((label, i) => {
			label.setAttribute('visibility', view.labelled[i] ? 'visible' : 'hidden');
		});
		const path = view.packet && this.#lines[view.packet.message];
		if (view.packet && path) {
			const point = path.getPointAtLength(view.packet.progress * path.getTotalLength());
			this.#packet.setAttribute('cx', String(point.x));
			this.#packet.setAttribute('cy', String(point.y));
			this.#packet.setAttribute('data-kind', view.packet.kind);
		}
		this.#packet.setAttribute('visibility', path ? 'visible' : 'hidden');

		if (view.hop === this.#shown) return;
		this.#shown = view.hop;
		this.#svg.toggleAttribute('data-stepping', view.active !== undefined);
		for (const part of this.#svg.querySelectorAll<SVGElement>('[data-step]')) {
			const message = Number(part.dataset['step']);
			part.toggleAttribute('data-step-active', message === view.active);
			part.toggleAttribute('data-step-past', view.past.has(message));
		}
		this.#items.forEach((li, i) => {
			if (i === view.active) li.setAttribute('aria-current', 'step');
			else li.removeAttribute('aria-current');
		});
		this.#now.textContent = view.caption;
		const line = view.active === undefined ? undefined : this.#lines[view.active];
		if (line) this.#reveal(line, reducedMotion);
	}

	/** On a narrow screen the diagram scrolls sideways: bring the active arrow into view. */
	#reveal(line: SVGGeometryElement, reducedMotion: boolean) {
		const canvas = this.canvas;
		if (canvas.scrollWidth <= canvas.clientWidth) return;
		const box = line.getBoundingClientRect();
		const frame = canvas.getBoundingClientRect();
		if (box.left >= frame.left && box.right <= frame.right) return;
		canvas.scrollTo({
			left: canvas.scrollLeft + (box.left + box.right) / 2 - (frame.left + frame.right) / 2,
			behavior: reducedMotion ? 'instant' : 'smooth',
		});
	}

	#svgElement<K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string>) {
		const element = document.createElementNS('http://www.w3.org/2000/svg', name);
		for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
		return this.#svg.appendChild(element);
	}
}

/**
 * <sequence-diagram>: plays a build-time rendered mermaid sequence diagram. It highlights the
 * active message (data-step-active), dims the rest, moves a packet along the active arrow and
 * says each step in a live region. The arithmetic lives in ~/lib/diagram-timeline.
 *
 * Playback is a clock over a list of hops: by default the diagram's own messages one after
 * another; after `replay(timeline)`, a demo's real request, to scale and labelled. With
 * prefers-reduced-motion there is no autoplay and no travelling packet; steps change at once.
 */
import {
	describeStep,
	frameAt,
	hopLabel,
	nextStep,
	parseStepFragment,
	playbackScale,
	stepFragment,
	storyTimeline,
	timelineEnd,
	validateTimeline,
	type Hop,
	type SequenceDiagramApi,
	type StepText,
	type TimelineEntry,
} from '~/lib/diagram-timeline';

const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
/** After playing to the end, the last step stays on show this long (playback ms). */
const holdMs = 1200;

export class SequenceDiagramElement extends HTMLElement implements SequenceDiagramApi {
	#svg!: SVGSVGElement;
	#canvas!: HTMLElement;
	#now!: HTMLElement;
	#playWord!: HTMLElement;
	#playIcon!: SVGPathElement;
	#packet!: SVGCircleElement;
	#steps: StepText[] = [];
	#items: HTMLLIElement[] = [];
	#lines: SVGGeometryElement[] = [];
	#labels: SVGTextElement[] = [];

	#hops: Hop[] = [];
	/** Playback ms per timeline ms at 1× speed. */
	#scale = 1;
	/** The clock, in timeline ms; -1 before anything was played. */
	#t = -1;
	/** Where the clock stops; null while paused. */
	#stopAt: number | null = null;
	#speed = 1;
	/** Nothing highlighted: the diagram as drawn (at first, and after playing to the end). */
	#overview = true;
	#shown = NaN;
	#raf = 0;
	#last = 0;
	#autoplay: 'pending' | 'running' | 'done' = 'pending';
	#finished: (() => void) | undefined;
	#observer: IntersectionObserver | undefined;

	connectedCallback() {
		const q = <T extends Element>(selector: string) => this.querySelector<T>(selector)!;
		this.#svg = q('.canvas > svg');
		this.#canvas = q('.canvas');
		this.#now = q('.now');
		this.#playWord = q('.play .word');
		this.#playIcon = q('.play path');
		this.#items = [...this.querySelectorAll<HTMLLIElement>('.steps li')];
		this.#steps = this.#items.map((li) => {
			const words = (li.querySelector('a')?.textContent ?? '').replace(/\s+/g, ' ').trim();
			const [, from = '', to = '', text = ''] = /^(.*?) → (.*?): (.*)$/.exec(words) ?? [];
			return { from, to, text };
		});
		this.#lines = [
			...this.#svg.querySelectorAll<SVGGeometryElement>('[data-et="message"][data-step]'),
		];
		this.#packet = this.#svgElement('circle', {
			r: '7',
			class: 'packet',
			'aria-hidden': 'true',
			visibility: 'hidden',
		});
		this.#useHops(storyTimeline(this.#steps.length), 1);

		q<HTMLElement>('.player').hidden = false;
		this.addEventListener('click', this.#onClick);
		q<HTMLSelectElement>('select').addEventListener('change', (event) => {
			this.#speed = Number((event.target as HTMLSelectElement).value) || 1;
		});
		addEventListener('hashchange', this.#onHash);
		reducedMotion.addEventListener('change', this.#render);
		this.#onHash();

		this.#observer = new IntersectionObserver(
			([entry]) => this.#onVisible(!!entry?.isIntersecting),
			{
				threshold: 0.5,
			}
		);
		this.#observer.observe(this.#canvas);
	}

	disconnectedCallback() {
		this.#pause();
		this.#observer?.disconnect();
		removeEventListener('hashchange', this.#onHash);
		reducedMotion.removeEventListener('change', this.#render);
	}

	/** The diagram's arrows, top to bottom, as its list of steps says them. */
	get arrows(): readonly StepText[] {
		return this.#steps;
	}

	/** Replays a demo's timeline to scale, labelling each hop; resolves when it has played. */
	async replay(timeline: readonly TimelineEntry[]): Promise<void> {
		const hops = validateTimeline(timeline, this.#steps.length);
		this.#userTookOver();
		this.#useHops(hops, playbackScale(timelineEnd(hops)));
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
		await this.#play(0);
	}

	#useHops(hops: Hop[], scale: number) {
		this.#pause();
		this.#finished?.();
		for (const label of this.#labels) label.remove();
		this.#labels = [];
		this.#hops = hops;
		this.#scale = scale;
		this.#t = -1;
		this.#overview = true;
		this.#render();
	}

	#svgElement<K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string>) {
		const element = document.createElementNS('http://www.w3.org/2000/svg', name);
		for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
		return this.#svg.appendChild(element);
	}

	#onClick = (event: Event) => {
		const action = (event.target as Element)
			.closest('button[data-action]')
			?.getAttribute('data-action');
		if (!action) return;
		this.#userTookOver();
		const count = this.#hops.length;
		const current = this.#current();
		if (action === 'play') {
			if (this.#stopAt !== null) this.#pause();
			else void this.#play(this.#overview || this.#t >= timelineEnd(this.#hops) ? 0 : this.#t);
		} else if (action === 'restart') {
			if (reducedMotion.matches) this.#show(0);
			else void this.#play(0);
		} else if (action === 'next' || action === 'back') {
			const target = nextStep(current, count, action === 'next' ? 1 : -1);
			const hop = this.#hops[target];
			if (!hop) return;
			if (action === 'next' && target !== current && !reducedMotion.matches) {
				this.#overview = false;
				void this.#play(hop.start, hop.start + hop.duration);
			} else this.#show(target);
			history.replaceState(history.state, '', stepFragment(this.id, hop.message));
		}
	};

	#onHash = () => {
		const link = parseStepFragment(location.hash, this.id, this.#steps.length);
		if (!link || link.step === null) return;
		this.#userTookOver();
		let target = this.#hops.findIndex((hop) => hop.message === link.step);
		if (target < 0) {
			this.#useHops(storyTimeline(this.#steps.length), 1);
			target = link.step;
		}
		this.#show(target);
		// Bring the diagram, not the step's list item, into view; on a fresh page, only after
		// the browser's own scroll to the fragment (which happens until load).
		const reveal = () => this.scrollIntoView({ block: 'center' });
		if (document.readyState === 'complete') reveal();
		else addEventListener('load', () => setTimeout(reveal), { once: true });
	};

	#onVisible(visible: boolean) {
		if (visible && this.#autoplay === 'pending' && !reducedMotion.matches) {
			this.#autoplay = 'running';
			this.#now.setAttribute('aria-live', 'off');
			void this.#play(0);
		} else if (this.#autoplay === 'running') {
			if (!visible) this.#pause();
			else if (this.#stopAt === null) void this.#play(this.#t);
		}
	}

	/** A person is in charge now: no more autoplay, and every step is announced. */
	#userTookOver() {
		this.#autoplay = 'done';
		this.#now.setAttribute('aria-live', 'polite');
	}

	#current(): number {
		return this.#overview ? -1 : frameAt(this.#hops, this.#t).hop;
	}

	/** Shows hop `index` arrived, paused. */
	#show(index: number) {
		this.#pause();
		const hop = this.#hops[index];
		if (!hop) return;
		this.#overview = false;
		this.#t = hop.start + hop.duration;
		this.#render();
	}

	/** Runs the clock from `from` to `until` (by default the end, then back to the overview). */
	#play(from: number, until?: number): Promise<void> {
		this.#pause();
		this.#finished?.();
		const toEnd = until === undefined;
		this.#t = from;
		this.#stopAt = until ?? timelineEnd(this.#hops) + holdMs / this.#scale;
		this.#overview = false;
		this.#last = performance.now();
		this.#raf = requestAnimationFrame(this.#tick);
		this.#render();
		return new Promise((resolve) => {
			this.#finished = () => {
				this.#finished = undefined;
				if (toEnd && this.#t >= (this.#stopAt ?? Infinity)) this.#overview = true;
				resolve();
			};
		});
	}

	#pause() {
		cancelAnimationFrame(this.#raf);
		const wasPlaying = this.#stopAt !== null;
		this.#stopAt = null;
		if (wasPlaying) this.#render();
	}

	#tick = (now: number) => {
		const stopAt = this.#stopAt;
		if (stopAt === null) return;
		// A long gap (a background tab) must not skip steps.
		this.#t += (Math.min(now - this.#last, 100) * this.#speed) / this.#scale;
		this.#last = now;
		if (this.#t < stopAt) {
			this.#raf = requestAnimationFrame(this.#tick);
			this.#render();
			return;
		}
		this.#t = stopAt;
		this.#finished?.();
		this.#stopAt = null;
		this.#render();
		// Autoplay ran once, silently; from now on every step is announced.
		if (this.#autoplay === 'running' && this.#overview) this.#userTookOver();
	};

	#render = () => {
		const playing = this.#stopAt !== null;
		this.#playWord.textContent = playing ? 'Pause' : 'Play';
		this.#playIcon.setAttribute('d', this.#playIcon.dataset[playing ? 'pause' : 'play'] ?? '');
		const { hop: index, progress } = this.#overview
			? { hop: -1, progress: 1 }
			: frameAt(this.#hops, this.#t);
		const hop = this.#hops[index];
		this.#labels.forEach((label, i) => {
			label.setAttribute(
				'visibility',
				(this.#hops[i]?.start ?? Infinity) <= this.#t ? 'visible' : 'hidden'
			);
		});

		const line = hop && this.#lines[hop.message];
		const travelling = !!line && progress < 1 && !reducedMotion.matches;
		if (travelling) {
			const point = line.getPointAtLength(progress * line.getTotalLength());
			this.#packet.setAttribute('cx', String(point.x));
			this.#packet.setAttribute('cy', String(point.y));
			this.#packet.setAttribute('data-kind', hop.kind ?? '');
		}
		this.#packet.setAttribute('visibility', travelling ? 'visible' : 'hidden');

		if (index === this.#shown) return;
		this.#shown = index;
		const visited = new Set(this.#hops.slice(0, Math.max(0, index)).map((h) => h.message));
		this.#svg.toggleAttribute('data-stepping', !!hop);
		for (const part of this.#svg.querySelectorAll<SVGElement>('[data-step]')) {
			const message = Number(part.dataset['step']);
			part.toggleAttribute('data-step-active', message === hop?.message);
			part.toggleAttribute('data-step-past', visited.has(message));
		}
		this.#items.forEach((li, i) => {
			if (i === hop?.message) li.setAttribute('aria-current', 'step');
			else li.removeAttribute('aria-current');
		});
		const step = hop && this.#steps[hop.message];
		this.#now.textContent = step
			? describeStep(step, hop.message, this.#steps.length, hop.kind ? hop : undefined)
			: this.#t > 0
				? `Played all ${this.#steps.length} steps.`
				: '';
		if (line) this.#reveal(line);
	};

	/** On a narrow screen the diagram scrolls sideways: bring the active arrow into view. */
	#reveal(line: SVGGeometryElement) {
		const canvas = this.#canvas;
		if (canvas.scrollWidth <= canvas.clientWidth) return;
		const box = line.getBoundingClientRect();
		const frame = canvas.getBoundingClientRect();
		if (box.left >= frame.left && box.right <= frame.right) return;
		canvas.scrollTo({
			left: canvas.scrollLeft + (box.left + box.right) / 2 - (frame.left + frame.right) / 2,
			behavior: reducedMotion.matches ? 'instant' : 'smooth',
		});
	}
}

customElements.define('sequence-diagram', SequenceDiagramElement);

declare global {
	interface HTMLElementTagNameMap {
		'sequence-diagram': SequenceDiagramElement;
	}
}

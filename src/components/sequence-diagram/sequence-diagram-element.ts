/**
 * <sequence-diagram>: plays a build-time rendered mermaid sequence diagram. It highlights the
 * active message (data-step-active), dims the rest, moves a packet along the active arrow and
 * says each step in a live region. This file wires the controls, the page's address and the
 * animation frames to the clock (./sequence-diagram-playback); what a moment shows is
 * ./sequence-diagram-view, painted by ./sequence-diagram-paint.
 *
 * Playback is a clock over a list of hops: by default the diagram's own messages one after
 * another; after `replay(timeline)`, a demo's real request, to scale and labelled. With
 * prefers-reduced-motion there is no autoplay and no travelling packet; steps change at once.
 */
import {
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
import { DiagramPaint } from './sequence-diagram-paint';
import { Playback, planMove } from './sequence-diagram-playback';
import { diagramView } from './sequence-diagram-view';

const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');

export class SequenceDiagramElement extends HTMLElement implements SequenceDiagramApi {
	#paint!: DiagramPaint;
	#clock = new Playback();
	#raf = 0;
	#last = 0;
	#autoplay: 'pending' | 'running' | 'done' = 'pending';
	#observer: IntersectionObserver | undefined;

	connectedCallback() {
		this.#paint = new DiagramPaint(this);
		this.#useHops(storyTimeline(this.arrows.length), 1);

		this.querySelector<HTMLElement>('.player')!.hidden = false;
		this.addEventListener('click', this.#onClick);
		this.querySelector('select')!.addEventListener('change', (event) => {
			this.#clock.speed = Number((event.target as HTMLSelectElement).value) || 1;
		});
		addEventListener('hashchange', this.#onHash);
		reducedMotion.addEventListener('change', this.#render);
		this.#onHash();

		this.#observer = new IntersectionObserver(
			([entry]) => this.#onVisible(!!entry?.isIntersecting),
			{ threshold: 0.5 }
		);
		this.#observer.observe(this.#paint.canvas);
	}

	disconnectedCallback() {
		this.#pause();
		this.#observer?.disconnect();
		removeEventListener('hashchange', this.#onHash);
		reducedMotion.removeEventListener('change', this.#render);
	}

	/** The diagram's arrows, top to bottom, as its list of steps says them. */
	get arrows(): readonly StepText[] {
		return this.#paint.steps;
	}

	/** Replays a demo's timeline to scale, labelling each hop; resolves when it has played. */
	async replay(timeline: readonly TimelineEntry[]): Promise<void> {
		const hops = validateTimeline(timeline, this.arrows.length);
		this.#userTookOver();
		this.#useHops(hops, playbackScale(timelineEnd(hops)));
		this.#paint.labelHops(hops);
		await this.#play(0);
	}

	#useHops(hops: Hop[], scale: number) {
		this.#pause();
		this.#clock.load(hops, scale);
		this.#paint.clearLabels();
		this.#render();
	}

	#onClick = (event: Event) => {
		const action = (event.target as Element)
			.closest('button[data-action]')
			?.getAttribute('data-action');
		if (!action) return;
		this.#userTookOver();
		const move = planMove(action, this.#clock, reducedMotion.matches);
		if (move?.kind === 'pause') this.#pause();
		else if (move?.kind === 'play') void this.#play(move.from, move.until);
		else if (move?.kind === 'show') this.#show(move.index);
		if (move?.link !== undefined) {
			history.replaceState(history.state, '', stepFragment(this.id, move.link));
		}
	};

	#onHash = () => {
		const link = parseStepFragment(location.hash, this.id, this.arrows.length);
		if (!link || link.step === null) return;
		this.#userTookOver();
		let target = this.#clock.hops.findIndex((hop) => hop.message === link.step);
		if (target < 0) {
			this.#useHops(storyTimeline(this.arrows.length), 1);
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
			this.#paint.announceSteps(false);
			void this.#play(0);
		} else if (this.#autoplay === 'running') {
			if (!visible) this.#pause();
			else if (!this.#clock.playing) void this.#play(this.#clock.time);
		}
	}

	/** A person is in charge now: no more autoplay, and every step is announced. */
	#userTookOver() {
		this.#autoplay = 'done';
		this.#paint.announceSteps(true);
	}

	#show(index: number) {
		this.#pause();
		if (this.#clock.show(index)) this.#render();
	}

	#play(from: number, until?: number): Promise<void> {
		this.#pause();
		const played = this.#clock.play(from, until);
		this.#last = performance.now();
		this.#raf = requestAnimationFrame(this.#tick);
		this.#render();
		return played;
	}

	#pause() {
		cancelAnimationFrame(this.#raf);
		if (this.#clock.pause()) this.#render();
	}

	#tick = (now: number) => {
		if (!this.#clock.playing) return;
		const running = this.#clock.advance(now - this.#last);
		this.#last = now;
		if (running) this.#raf = requestAnimationFrame(this.#tick);
		this.#render();
		// Autoplay ran once, silently; from now on every step is announced.
		if (!running && this.#autoplay === 'running' && this.#clock.overview) this.#userTookOver();
	};

	#render = () => {
		const reduced = reducedMotion.matches;
		this.#paint.paint(diagramView(this.#clock, this.arrows, reduced), reduced);
	};
}

customElements.define('sequence-diagram', SequenceDiagramElement);

declare global {
	interface HTMLElementTagNameMap {
		'sequence-diagram': SequenceDiagramElement;
	}
}

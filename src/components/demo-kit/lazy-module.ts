/**
 * Code a demo loads only when it may be used: the page ships the demo's markup (its first state
 * rendered at build time) and a few lines of element, and the model, the settings form and the
 * rest arrive when the demo comes near the screen or the reader touches it.
 */
import { startWhenNear } from './actions';

/** The exports of every module in `M`, as one object. */
type Merged<M extends readonly unknown[]> = M extends readonly [infer First, ...infer Rest]
	? Awaited<First> & Merged<Rest>
	: unknown;

/**
 * A loader for several modules at once, giving one object with all their exports (the modules
 * must not export the same name twice). Write the `import()`s in the callback, so the bundler
 * splits each into its own chunk and nothing loads until the loader is called.
 */
export function importAll<const M extends readonly Promise<object>[]>(
	imports: () => M
): () => Promise<Merged<M>> {
	return () => Promise.all(imports()).then((modules) => Object.assign({}, ...modules) as Merged<M>);
}

/** One demo's lazily loaded code: loaded once, by whichever comes first, nearness or use. */
export class LazyModule<T> {
	#load: () => Promise<T>;
	#loaded: Promise<T> | undefined;
	#ready: ((code: T) => void) | undefined;
	#stopWatching: (() => void) | undefined;

	constructor(load: () => Promise<T>) {
		this.#load = load;
	}

	/**
	 * Loads the code when `element` comes near the screen or is focused or touched, and then
	 * runs `ready` with it, once (a demo wires its controls there).
	 */
	whenNear(element: HTMLElement, ready: (code: T) => void): void {
		this.#ready = ready;
		if (!this.#loaded) this.#stopWatching = startWhenNear(element, () => void this.load());
	}

	/** Loads the code now if it has not started loading (the reader acted first); once only. */
	load(): Promise<T> {
		if (this.#loaded) return this.#loaded;
		this.stop();
		this.#loaded = this.#load().then((code) => {
			this.#ready?.(code);
			return code;
		});
		return this.#loaded;
	}

	/** Stops watching the element (for disconnectedCallback); a load under way goes on. */
	stop(): void {
		this.#stopWatching?.();
		this.#stopWatching = undefined;
	}
}

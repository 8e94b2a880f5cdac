/**
 * A value that tells its subscribers when it changes: the whole state store of a demo
 * (in the spirit of Starlight's theme designer), with no framework behind it.
 */
export class Atom<T> {
	#value: T;
	#subscribers = new Set<(value: T) => void>();

	constructor(initial: T) {
		this.#value = initial;
	}

	get(): T {
		return this.#value;
	}

	set(value: T): void {
		if (Object.is(value, this.#value)) return;
		this.#value = value;
		for (const subscriber of [...this.#subscribers]) subscriber(value);
	}

	/** Calls `subscriber` now and on every change; returns the function that stops it. */
	subscribe(subscriber: (value: T) => void): () => void {
		this.#subscribers.add(subscriber);
		subscriber(this.#value);
		return () => this.#subscribers.delete(subscriber);
	}
}

/**
 * Code a demo loads only when it may be used: the page ships the demo's markup (its first state
 * rendered at build time) and a few lines of element, and the model and the rest arrive when
 * the demo starts (`lazy` in demo-element.ts: near the screen, or touched).
 */

/** The exports of every module in `M`, as one object. */
type Merged<M extends readonly unknown[]> = M extends readonly [infer First, ...infer Rest]
	? Awaited<First> & Merged<Rest>
	: unknown;

/**
 * A loader for several modules at once, giving one object with all their exports (the modules
 * must not export the same name twice). Write the `import()`s in the callback, so the bundler
 * splits each into its own chunk and nothing loads until the loader is called (in `start()`).
 */
export function importAll<const M extends readonly Promise<object>[]>(
	imports: () => M
): () => Promise<Merged<M>> {
	return () => Promise.all(imports()).then((modules) => Object.assign({}, ...modules) as Merged<M>);
}

/** How every demo wires its buttons and wakes up: the same behaviour, written once. */

/**
 * Runs `handler` when `button` is clicked, and ignores clicks while the last run is still going;
 * `aria-busy` tells assistive technology (and the CSS) meanwhile.
 */
export function onClick(button: HTMLButtonElement, handler: () => Promise<void>): void {
	button.addEventListener('click', () => {
		if (button.getAttribute('aria-busy') === 'true') return;
		button.setAttribute('aria-busy', 'true');
		void handler().finally(() => button.removeAttribute('aria-busy'));
	});
}

/** `onClick` for the demo's `[data-action="…"]` button. */
export function onAction(root: ParentNode, action: string, handler: () => Promise<void>): void {
	onClick(root.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!, handler);
}

/**
 * Calls `start` once, when `element` comes within 200 px of the screen or the reader focuses or
 * touches it, so a demo's code loads only when it may be used. Returns a function that stops
 * watching (for disconnectedCallback).
 */
export function startWhenNear(element: HTMLElement, start: () => void): () => void {
	let started = false;
	const once = () => {
		if (started) return;
		started = true;
		observer.disconnect();
		start();
	};
	const observer = new IntersectionObserver(
		(entries) => {
			if (entries.some((entry) => entry.isIntersecting)) once();
		},
		{ rootMargin: '200px' }
	);
	observer.observe(element);
	element.addEventListener('focusin', once, { once: true });
	element.addEventListener('pointerdown', once, { once: true });
	return () => observer.disconnect();
}

/**
 * Table cells for <first-visit>: a text cell and a bar cell (DOM only; what they say comes from
 * first-visit-view.ts).
 */
export function cell(tag: 'th' | 'td', text: string, scope?: string): HTMLElement {
	const element = document.createElement(tag);
	element.textContent = text;
	if (scope) element.setAttribute('scope', scope);
	return element;
}

/** The small print under a phase: how its number was taken. */
export function how(text: string): HTMLElement {
	const span = document.createElement('span');
	span.className = 'how';
	span.textContent = text;
	return span;
}

/**
 * A bar of one or more segments, each as wide as its share of the longest row. A bar that only
 * repeats its row's number is hidden from screen readers; one with phases is described.
 */
export function barCell(
	segments: readonly { kind: string; share: number; label: string }[],
	description?: string
) {
	const td = document.createElement('td');
	const bar = document.createElement('span');
	bar.className = 'bar';
	if (description) {
		bar.setAttribute('role', 'img');
		bar.setAttribute('aria-label', description);
	} else bar.setAttribute('aria-hidden', 'true');
	for (const segment of segments) {
		const part = document.createElement('span');
		part.dataset['kind'] = segment.kind;
		part.title = segment.label;
		part.style.inlineSize = `${Math.max(0, segment.share * 100)}%`;
		bar.append(part);
	}
	td.append(bar);
	return td;
}

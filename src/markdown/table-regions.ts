/**
 * Every Markdown table becomes a named, keyboard-focusable scroll region:
 * `<div class="table-region" role="region" tabindex="0" aria-labelledby="…">`.
 *
 * Why: Starlight lets a table wider than the column scroll sideways (`overflow: auto` on the
 * table itself). On a phone most of the site's tables are wider than the screen, and Chromium
 * and Safari do not let the keyboard reach a scroll box that holds nothing focusable, so the
 * right-hand columns were mouse- and touch-only (WCAG 2.1.1; axe `scrollable-region-focusable`).
 * The pattern is Adrian Roselli's “Under-Engineered Responsive Tables”
 * (https://adrianroselli.com/2020/11/under-engineered-responsive-tables.html): it needs no
 * JavaScript, keeps the real table semantics, and names the region so a screen reader says
 * what the tab stop is. The name is the section heading the table sits under, or, without one,
 * its column headers. The matching CSS is in src/styles/custom.css (`.table-region`).
 *
 * Registered on Astro's Markdown processor (Sätteri), which Starlight's MDX pages also use; it
 * runs after Starlight's own plugins, so headings already carry their ids.
 */
import type { AstroIntegration } from 'astro';

/** The parts of Sätteri's hast nodes and visitor context this plugin reads. */
interface HastNode {
	type: string;
	tagName?: string;
	properties?: Record<string, unknown>;
	children?: HastNode[];
}
interface VisitorContext {
	parent(node: HastNode): HastNode | undefined;
	indexOf(node: HastNode): number | undefined;
	textContent(node: HastNode): string;
}
interface ProcessorWithHastPlugins {
	options: { hastPlugins: unknown[] };
}

const headingTags = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);

/** The heading element itself, or the one inside Starlight's `div.sl-heading-wrapper`. */
function headingIn(node: HastNode): HastNode | undefined {
	if (node.type !== 'element') return undefined;
	if (node.tagName && headingTags.has(node.tagName)) return node;
	const wrapper = node.properties?.['class'] ?? node.properties?.['className'];
	if (String(wrapper).includes('sl-heading-wrapper')) return node.children?.find(headingIn);
	return undefined;
}

/** The nearest heading before `table` among its siblings, if it has an id. */
function precedingHeadingId(table: HastNode, ctx: VisitorContext): string | undefined {
	const siblings = ctx.parent(table)?.children ?? [];
	const index = ctx.indexOf(table) ?? siblings.indexOf(table);
	for (let i = index - 1; i >= 0; i--) {
		const heading = headingIn(siblings[i]!);
		if (heading) {
			const id = heading.properties?.['id'];
			return typeof id === 'string' && id ? id : undefined;
		}
	}
	return undefined;
}

/** “Table: a, b, c” from the header cells, for a table with no heading above it. */
function columnsLabel(table: HastNode, ctx: VisitorContext): string {
	const headers: string[] = [];
	const collect = (node: HastNode) => {
		if (node.type === 'element' && node.tagName === 'th')
			headers.push(ctx.textContent(node).trim());
		else node.children?.forEach(collect);
	};
	collect(table);
	const named = headers.filter(Boolean);
	return named.length ? `Table: ${named.join(', ')}` : 'Table';
}

export const tableRegionsPlugin = {
	name: 'table-regions',
	element: {
		filter: ['table'],
		visit(table: HastNode, ctx: VisitorContext): HastNode {
			const headingId = precedingHeadingId(table, ctx);
			return {
				type: 'element',
				tagName: 'div',
				properties: {
					class: 'table-region',
					role: 'region',
					tabindex: '0',
					...(headingId
						? { 'aria-labelledby': headingId }
						: { 'aria-label': columnsLabel(table, ctx) }),
				},
				children: [table],
			};
		},
	},
};

/** Adds the plugin to the configured Markdown processor (list after `starlight()`). */
export function tableRegions(): AstroIntegration {
	return {
		name: 'table-regions',
		hooks: {
			'astro:config:setup': ({ config }) => {
				const processor = config.markdown.processor as unknown as ProcessorWithHastPlugins;
				if (!Array.isArray(processor?.options?.hastPlugins)) {
					throw new Error(
						'table-regions: the Markdown processor takes no hast plugins; is it still Sätteri?'
					);
				}
				processor.options.hastPlugins.push(tableRegionsPlugin);
			},
		},
	};
}

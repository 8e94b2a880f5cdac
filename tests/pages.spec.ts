import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { policyOf, watchViolations } from './csp-violations';
import { expect, test } from './fixtures';
import { sitemapPaths } from './sitemap';

const paths = sitemapPaths();

test('the sitemap lists the home page and the whoami page', () => {
	expect(paths).toContain('/');
	expect(paths).toContain('/problem/what-pocketbase-sees/');
});

/** Where readers arrive from: a desktop window and a phone (touch, mobile viewport). */
const screens = [
	{ name: 'desktop', viewport: { width: 1280, height: 720 }, isMobile: false, hasTouch: false },
	{ name: 'phone', viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true },
] as const;
for (const { name, ...screen } of screens) {
	const { width, height } = screen.viewport;
	test.describe(`${name} ${width}×${height}`, () => {
		// A diagram in view plays by itself, and its caption says the step it is on, so with motion
		// the tree would depend on the moment it is read. With reduced motion nothing plays and two
		// loads are comparable; diagrams.spec.ts covers playback with motion.
		test.use({ ...screen, reducedMotion: 'reduce' });

		for (const path of paths) {
			test(`${path} loads under the CSP without console errors or run-time diagram code and passes axe (WCAG 2.2 AA) in both themes`, async ({
				page,
				consoleErrors,
			}) => {
				// A load and two axe runs, on the slowest pages about 10 s on a busy machine.
				test.setTimeout(60_000);
				const violations = await watchViolations(page);
				const light = await openInTheme(page, path, 'light');
				// The page carries the policy (a meta tag, right after charset) and breaks none of it.
				await policyOf(page);
				expect(violations).toEqual([]);
				expect(consoleErrors).toEqual([]);
				expect(await axeViolations(page, 'all')).toEqual([]);

				// A theme is only colours: Starlight swaps CSS custom properties, and the site's
				// diagrams and code read them, so the page a screen reader gets is the same. The
				// reader switches as Starlight's picker does (it stores the choice and sets
				// data-theme); that a stored choice applies before the first paint, the light load
				// above has shown. The snapshot comparison proves the tree stays the same, and then
				// the rules that read colours run again in the dark theme (the rest would repeat
				// the light run).
				await switchTheme(page, 'dark');
				const dark = await accessibilityTree(page);
				expect(dark).toEqual(light);
				expect(violations).toEqual([]);
				expect(consoleErrors).toEqual([]);
				expect(await axeViolations(page, 'colour')).toEqual([]);
			});
		}
	});
}

/**
 * Loads `path` as a reader who picked `theme` in Starlight's theme picker (it keeps the choice in
 * localStorage and its inline head script applies it before the first paint; the built HTML says
 * "dark", so a "light" here proves that script ran under the policy). Returns the page's
 * accessibility tree with its numbers masked, once demos have finished their first connection check.
 */
async function openInTheme(page: Page, path: string, theme: 'light' | 'dark') {
	await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
	// Diagrams are drawn at build time: no page may fetch mermaid or its parts at run time.
	const diagramCode: string[] = [];
	page.on('request', (request) => {
		if (/mermaid|sequenceDiagram|dagre|cytoscape|katex/i.test(request.url()))
			diagramCode.push(request.url());
	});
	const response = await page.goto(path);
	expect(response?.status()).toBe(200);
	await expect(page.locator('h1')).toHaveCount(1);
	await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
	await page.waitForLoadState('networkidle');
	expect(diagramCode).toEqual([]);
	return accessibilityTree(page);
}

/** What Starlight's theme picker does on a change, and then no colour still on its way. */
async function switchTheme(page: Page, theme: 'light' | 'dark') {
	await page.evaluate((t) => {
		localStorage.setItem('starlight-theme', t);
		document.documentElement.dataset['theme'] = t;
	}, theme);
	await expect.poll(() => page.evaluate(() => document.getAnimations().length)).toBe(0);
}

/** The page's accessibility tree, with what may differ between two readings masked. */
async function accessibilityTree(page: Page): Promise<string> {
	// Measured figures (a connection check's milliseconds) differ from reading to reading, and the
	// theme picker shows the theme chosen.
	const tree = await page.locator('body').ariaSnapshot();
	return tree.replace(/\d+/g, '#').replace(/(option "(?:Dark|Light|Auto)") \[selected\]/g, '$1');
}

/** One line per violated rule, naming each element and what axe measured (e.g. the contrast). */
async function axeViolations(page: Page, rules: 'all' | 'colour'): Promise<string[]> {
	// The site has no frames (asserted here), so axe's frame-by-frame mode, which gathers results in
	// an extra blank page and took about twice as long on the code-heavy pages, adds nothing: the
	// in-page run checks the same rules over the same document.
	await expect(page.locator('iframe, frame')).toHaveCount(0);
	// Only violations are read: with `resultTypes`, axe still runs every rule but lists one node of
	// each pass instead of all of them, which took a sixth off this test's time.
	const axe = new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] });
	const results = await (
		rules === 'all'
			? axe.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
			: // The two rules among those that read colours (axe's `cat.color` category).
				axe.withRules(['color-contrast', 'link-in-text-block'])
	).analyze();
	return results.violations.flatMap((violation) => {
		const nodes = violation.nodes.filter(
			(node) => !isKnownStarlightException(violation.id, node.target)
		);
		if (nodes.length === 0) return [];
		const where = nodes.map((node) => {
			const summary = node.failureSummary?.replace(/\s+/g, ' ').trim();
			return summary ? `${node.target.join(' ')} [${summary}]` : node.target.join(' ');
		});
		return [`${violation.id}: ${violation.help} (${where.join(', ')})`];
	});
}

/**
 * Starlight's own search button has `aria-label="Search"` while its visible text also shows the
 * keyboard hint “Ctrl K”, which axe's label-content-name-mismatch flags
 * (https://dequeuniversity.com/rules/axe/4.10/label-content-name-mismatch). The accessible name
 * still begins with the visible word “Search”, so speech users can activate it by saying it;
 * this exception covers that one element and that one rule only.
 */
function isKnownStarlightException(rule: string, target: unknown[]): boolean {
	return rule === 'label-content-name-mismatch' && target.join(' ').includes('data-open-modal');
}

import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { sitemapPaths } from './sitemap';

const paths = sitemapPaths();

test('the sitemap lists the home page and the whoami page', () => {
	expect(paths).toContain('/');
	expect(paths).toContain('/problem/what-pocketbase-sees/');
});

for (const path of paths) {
	test(`${path} loads without console errors and passes axe (WCAG 2.2 AA)`, async ({
		page,
		consoleErrors,
	}) => {
		const response = await page.goto(path);
		expect(response?.status()).toBe(200);
		await expect(page.locator('h1')).toHaveCount(1);
		// Let demos finish their first connection check before judging the console.
		await page.waitForLoadState('networkidle');
		expect(consoleErrors).toEqual([]);

		const results = await new AxeBuilder({ page })
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
			.analyze();
		const violations = results.violations
			.map((v) => ({
				...v,
				nodes: v.nodes.filter((node) => !isKnownStarlightException(v.id, node.target)),
			}))
			.filter((v) => v.nodes.length > 0);
		expect(
			violations.map(
				(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
			)
		).toEqual([]);
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

/**
 * Watching a page for Content-Security-Policy violations, and reading the policy it carries.
 * Shared by csp.spec.ts (the interactions) and pages.spec.ts (every page of the sitemap).
 */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** What the init script below calls for each violation the page sees. */
interface ViolationReporter {
	reportCspViolation(text: string): void;
}

/** Starts collecting the page's CSP violations (events and console messages), across reloads. */
export async function watchViolations(page: Page): Promise<string[]> {
	const found: string[] = [];
	await page.exposeBinding('reportCspViolation', (_source, text: string) => found.push(text));
	await page.addInitScript(() => {
		const reporter = window as unknown as ViolationReporter;
		document.addEventListener('securitypolicyviolation', (event) =>
			reporter.reportCspViolation(
				`${event.effectiveDirective} refused ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}: ${event.sample}`
			)
		);
	});
	page.on('console', (message) => {
		if (/Content.Security.Policy/i.test(message.text())) found.push(message.text());
	});
	return found;
}

/** The policy's directives, by name, from the page's meta tag; it must come right after charset. */
export async function policyOf(page: Page): Promise<Map<string, string[]>> {
	const { content, position } = await page.evaluate(() => {
		const meta = document.head.querySelector('meta[http-equiv="content-security-policy"]');
		return {
			content: meta?.getAttribute('content') ?? '',
			position: meta ? [...document.head.children].indexOf(meta) : -1,
		};
	});
	// A meta policy governs only what follows it: only <meta charset> may come first.
	expect(position).toBe(1);
	return new Map(
		content
			.split(';')
			.map((directive) => directive.trim().split(/\s+/))
			.filter((parts) => parts[0])
			.map(([name, ...sources]) => [name!, sources])
	);
}

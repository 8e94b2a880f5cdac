import { describe, expect, it } from 'vitest';
import { completePolicy } from './complete-policy';
import { sha256Source } from './inline-scripts';

const page = (head: string) =>
	`<!DOCTYPE html><html><head><meta charset="utf-8"/><title>t</title>${head}</head><body></body></html>`;
const meta = (policy: string) => `<meta http-equiv="content-security-policy" content="${policy}">`;

describe('completePolicy', () => {
	it('moves the policy to follow <meta charset>, so it governs the whole <head>', () => {
		const html = page(`<script>theme()</script>${meta("script-src 'self'")}`);
		expect(completePolicy(html)).toBe(
			`<!DOCTYPE html><html><head><meta charset="utf-8"/>${meta("script-src 'self'")}<title>t</title><script>theme()</script></head><body></body></html>`
		);
	});

	it('adds the hash of each inline <style> that style-src lacks, once', () => {
		const known = sha256Source('a{}');
		const html = page(
			`${meta(`script-src 'self'; style-src 'self' '${known}'; style-src-attr 'unsafe-inline'`)}<style>a{}</style><style media="print">b{}</style><style>b{}</style>`
		);
		const policy = /content="([^"]*)"/.exec(completePolicy(html))?.[1];
		expect(policy).toBe(
			`script-src 'self'; style-src 'self' '${known}' '${sha256Source('b{}')}'; style-src-attr 'unsafe-inline'`
		);
	});

	it('leaves a page without a policy as it is', () => {
		const html = page('<style>a{}</style>');
		expect(completePolicy(html)).toBe(html);
	});
});

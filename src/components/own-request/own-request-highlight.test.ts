import { describe, expect, it } from 'vitest';
import { highlight } from './own-request-highlight';

/** The text a reader sees in the HTML: tags dropped, entities read back. */
function shownText(html: string): string {
	return html
		.replace(/<[^>]*>/g, '')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&');
}

/** Each coloured piece of the code: its text, its light colour and its dark one. */
function tokens(html: string): { text: string; light: string; dark: string }[] {
	return [...html.matchAll(/<span style="([^"]*)">([^<]*)<\/span>/g)].map(([, style, text]) => ({
		text: shownText(text!),
		light: /(?:^|;)color:([^;]+)/.exec(style!)?.[1] ?? '',
		dark: /--shiki-dark:([^;]+)/.exec(style!)?.[1] ?? '',
	}));
}

describe('highlight', () => {
	const code = "const a = '<img src=x onerror=alert(1)>';\nlet b = 2;\n";

	it('keeps the code’s text exactly, as text: markup in it is never markup', async () => {
		const html = await highlight(code);
		expect(shownText(html)).toBe(code.replace(/\n$/, ''));
		expect(html).not.toContain('<img');
	});

	it('marks the code’s tokens apart, so a keyword and a string differ', async () => {
		const found = tokens(await highlight(code));
		const keyword = found.find((token) => token.text === 'const');
		const string = found.find((token) => token.text.includes('onerror'));
		expect(keyword).toBeDefined();
		expect(string).toBeDefined();
		expect(keyword!.light).not.toBe(string!.light);
	});

	it('carries a colour for each theme on every token, so the theme switch needs no rerun', async () => {
		const found = tokens(await highlight(code));
		expect(found.length).toBeGreaterThan(4);
		for (const token of found) {
			expect(token.light).not.toBe('');
			expect(token.dark).not.toBe('');
		}
		const keyword = found.find((token) => token.text === 'const')!;
		expect(keyword.dark).not.toBe(keyword.light);
	});

	it('is one focusable block, a line of it per line of code', async () => {
		const html = await highlight(code);
		expect(html.match(/<pre\b[^>]*tabindex="0"/g)).toHaveLength(1);
		expect(html.match(/class="line"/g)).toHaveLength(2);
	});
});

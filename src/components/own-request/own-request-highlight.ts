/**
 * Colours generated TypeScript with shiki, as small as it goes: shiki's primitive (tokens
 * only, none of its HTML tree code), the one language, two themes and the JavaScript regex
 * engine (no WebAssembly). The dark theme is GitHub's "dark default": the older github-dark's
 * grey comments miss WCAG AA contrast (3.0:1). The page is built with the default request
 * already coloured by this same module; the browser imports it only when the reader changes
 * the request.
 */
import { codeToTokensWithThemes, createShikiPrimitiveAsync, type ShikiPrimitive } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import typescript from 'shiki/langs/typescript.mjs';
import githubDarkDefault from 'shiki/themes/github-dark-default.mjs';
import githubLight from 'shiki/themes/github-light.mjs';
import { escapeHtml } from '../demo-kit/format';

const themes = { light: 'github-light', dark: 'github-dark-default' } as const;

let primitive: Promise<ShikiPrimitive> | undefined;

function load(): Promise<ShikiPrimitive> {
	primitive ??= createShikiPrimitiveAsync({
		themes: [githubLight, githubDarkDefault],
		langs: [typescript],
		engine: createJavaScriptRegexEngine(),
	});
	return primitive;
}

/** FontStyle bits (shiki's enum): 1 italic, 2 bold, 4 underline; both themes share them here. */
function fontCss(fontStyle: number | undefined): string {
	if (!fontStyle || fontStyle < 0) return '';
	return [
		fontStyle & 1 ? `font-style:italic;` : '',
		fontStyle & 2 ? `font-weight:bold;` : '',
		fontStyle & 4 ? `text-decoration:underline;` : '',
	].join('');
}

/**
 * The code as HTML: a focusable <pre class="shiki"> whose spans carry the light colour inline
 * and the dark one as `--shiki-dark`, so the site's theme switch recolours it without running
 * this again. Every piece of code text is escaped.
 */
export async function highlight(code: string): Promise<string> {
	const shiki = await load();
	const light = shiki.getTheme(themes.light);
	const dark = shiki.getTheme(themes.dark);
	const lines = codeToTokensWithThemes(shiki, code.replace(/\n$/, ''), {
		lang: 'typescript',
		themes,
	});
	const body = lines
		.map((tokens) => {
			const spans = tokens.map((token) => {
				const l = token.variants['light'] ?? {};
				const d = token.variants['dark'] ?? {};
				const style = `color:${l.color ?? light.fg};--shiki-dark:${d.color ?? dark.fg};${fontCss(l.fontStyle)}`;
				return `<span style="${escapeHtml(style)}">${escapeHtml(token.content)}</span>`;
			});
			return `<span class="line">${spans.join('')}</span>`;
		})
		.join('\n');
	const preStyle = `background-color:${light.bg};--shiki-dark-bg:${dark.bg};color:${light.fg};--shiki-dark:${dark.fg}`;
	return `<pre class="shiki" style="${escapeHtml(preStyle)}" tabindex="0"><code>${body}</code></pre>`;
}

/**
 * Colours generated TypeScript with shiki, as small as it goes: the core, the one language,
 * two themes and the JavaScript regex engine (no WebAssembly). The dark theme is GitHub's
 * "dark default": the older github-dark's grey comments miss WCAG AA contrast (3.0:1).
 * The page is built with the default request already coloured by this same module; the
 * browser imports it only when the reader changes the request.
 */
import { createHighlighterCore, type HighlighterCore } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import typescript from 'shiki/langs/typescript.mjs';
import githubDarkDefault from 'shiki/themes/github-dark-default.mjs';
import githubLight from 'shiki/themes/github-light.mjs';

let highlighter: Promise<HighlighterCore> | undefined;

function load(): Promise<HighlighterCore> {
	highlighter ??= createHighlighterCore({
		themes: [githubLight, githubDarkDefault],
		langs: [typescript],
		engine: createJavaScriptRegexEngine(),
	});
	return highlighter;
}

/**
 * The code as HTML: a <pre class="shiki"> whose spans carry the light colour and the dark one
 * as `--shiki-dark`, so the site's theme switch recolours it without running this again.
 */
export async function highlight(code: string): Promise<string> {
	return (await load()).codeToHtml(code, {
		lang: 'typescript',
		themes: { light: 'github-light', dark: 'github-dark-default' },
	});
}

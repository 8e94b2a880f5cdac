import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { inlineScriptBodies, sha256Source, starlightInlineScriptHashes } from './inline-scripts';

describe('inlineScriptBodies', () => {
	it('returns the exact text of is:inline scripts and skips bundled ones', () => {
		const source = `---\n---\n<script is:inline>\n\tone();\n</script>\n<script>two();</script>\n<script is:inline aria-hidden="true">three()</script>`;
		expect(inlineScriptBodies(source)).toEqual(['\n\tone();\n', 'three()']);
	});
});

describe('sha256Source', () => {
	it('is the base64 SHA-256 of the UTF-8 text, as CSP hash sources are', () => {
		const text = 'platformKey.textContent = "⌘";';
		const expected = createHash('sha256').update(Buffer.from(text, 'utf8')).digest('base64');
		expect(sha256Source(text)).toBe(`sha256-${expected}`);
	});
});

describe('starlightInlineScriptHashes', () => {
	it('includes the theme script that Starlight runs before the first paint', () => {
		const require = createRequire(import.meta.url);
		const themeProvider = readFileSync(
			require.resolve('@astrojs/starlight/components/ThemeProvider.astro'),
			'utf8'
		);
		const [body] = inlineScriptBodies(themeProvider);
		expect(body).toContain('starlight-theme');
		expect(starlightInlineScriptHashes()).toContain(sha256Source(body!));
	});
});

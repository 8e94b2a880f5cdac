import { describe, expect, it } from 'vitest';
import { highlight } from './own-request-highlight';

describe('highlight', () => {
	it('colours each token for both themes and escapes the code’s text', async () => {
		const html = await highlight("const a = '<img src=x onerror=alert(1)>';\n");
		expect(html).toMatch(
			/^<pre class="shiki" style="background-color:#fff;--shiki-dark-bg:#0d1117;/
		);
		expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
		expect(html).not.toContain('<img');
		// `const` is a keyword: red in GitHub light, salmon in GitHub dark default.
		expect(html).toContain('<span style="color:#D73A49;--shiki-dark:#FF7B72;">const</span>');
		expect(html.match(/<span class="line">/g)).toHaveLength(1);
	});
});

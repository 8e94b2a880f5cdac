/**
 * Reads a `_headers` file (the format Netlify and Cloudflare Pages share): a path pattern on its
 * own line, then its headers indented below it as `Name: value`; `#` starts a comment line.
 */
export interface HeaderRule {
	pattern: string;
	headers: Record<string, string>;
}

export function parseHeadersFile(text: string): HeaderRule[] {
	const rules: HeaderRule[] = [];
	for (const [index, line] of text.split('\n').entries()) {
		if (line.trim() === '' || line.trim().startsWith('#')) continue;
		if (!/^\s/.test(line)) {
			rules.push({ pattern: line.trim(), headers: {} });
			continue;
		}
		const header = /^\s+([A-Za-z0-9-]+):\s*(.+)$/.exec(line);
		const rule = rules.at(-1);
		if (!header || !rule) throw new Error(`_headers line ${index + 1} is not a header: ${line}`);
		rule.headers[header[1]!] = header[2]!.trim();
	}
	return rules;
}

/** Whether a `_headers` path pattern (`*` matches any run of characters) covers `path`. */
export function patternMatches(pattern: string, path: string): boolean {
	const source = pattern
		.split('*')
		.map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
		.join('.*');
	return new RegExp(`^${source}$`).test(path);
}

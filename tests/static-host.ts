/**
 * Serves dist/ the way a static host that reads `_headers` does (Netlify, Cloudflare Pages):
 * each file with the headers of every rule whose pattern matches its path. `astro preview`
 * ignores the file, so this is how a test sees the site with those headers.
 */
import { readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { parseHeadersFile, patternMatches } from '../src/security/headers-file';

const contentTypes: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.json': 'application/json',
	'.xml': 'application/xml',
	'.wasm': 'application/wasm',
};

function fileFor(root: string, pathname: string): string | undefined {
	const path = normalize(join(root, decodeURIComponent(pathname)));
	if (!path.startsWith(root)) return undefined;
	try {
		return statSync(path).isDirectory() ? join(path, 'index.html') : path;
	} catch {
		return undefined;
	}
}

export async function startStaticHost(root: string): Promise<{ url: string; server: Server }> {
	const rules = parseHeadersFile(readFileSync(join(root, '_headers'), 'utf8'));
	const server = createServer((request, response) => {
		const { pathname } = new URL(request.url ?? '/', 'http://host');
		const file = fileFor(root, pathname);
		let body: Buffer;
		try {
			body = readFileSync(file ?? '');
		} catch {
			response.writeHead(404).end();
			return;
		}
		for (const rule of rules) {
			if (patternMatches(rule.pattern, pathname)) {
				for (const [name, value] of Object.entries(rule.headers)) response.setHeader(name, value);
			}
		}
		response.setHeader(
			'Content-Type',
			contentTypes[extname(file ?? '')] ?? 'application/octet-stream'
		);
		response.end(body);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return { url: `http://127.0.0.1:${port}`, server };
}

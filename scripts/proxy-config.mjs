// Renders the deploy recipe's proxy configurations (playground/deploy/Caddyfile and nginx.conf)
// for a proxy on loopback in front of a test PocketBase. The tests must run the very files a
// deploy host installs, so this changes only what cannot be the same on a test machine: the
// listening address, PocketBase's port, TLS (off: no certificate for a loopback port) and, for
// nginx, the port-80 server that only serves certbot and redirects. Every limit stays as written;
// each substitution must find its line, so a reshaped configuration fails here instead of being
// tested half-rendered. scripts/proxy-process.mjs starts the proxies from these texts.
import { readFileSync } from 'node:fs';
import { deployExample } from './serve-flags.mjs';

export const deployDir = new URL('../playground/deploy/', import.meta.url);

/** @param {'Caddyfile' | 'nginx.conf'} name */
export function readDeployConfig(name) {
	return readFileSync(new URL(name, deployDir), 'utf8');
}

/**
 * The proxy's port, and the PocketBase hosts behind it: one port (`npm run test:deploy`) or
 * several (the failover check, scripts/failover-check.mjs), each on loopback.
 * @typedef {{ port: number; upstreamPorts: number[] }} LoopbackPorts
 */

/** The deploy recipe's one upstream line in nginx.conf, with its passive-check parameters. */
export const nginxUpstreamParameters = 'max_fails=1 fail_timeout=10s';

/**
 * Replaces each line whose trimmed text is `line` (there must be exactly `count`) with
 * `replacement`, indented as it was; a `null` replacement removes the line.
 * @param {string[]} lines
 * @param {string} file
 * @param {string} line
 * @param {string | null} replacement
 * @param {number} [count]
 */
function replaceLines(lines, file, line, replacement, count = 1) {
	const found = lines.filter((l) => l.trim() === line).length;
	if (found !== count) {
		throw new Error(
			`playground/deploy/${file} changed shape: expected ${count} line(s) \`${line}\`, found ${found}. Update scripts/proxy-config.mjs with it.`
		);
	}
	return lines.flatMap((l) => {
		if (l.trim() !== line) return [l];
		return replacement === null ? [] : [l.slice(0, l.indexOf(line)) + replacement];
	});
}

/**
 * The `server { … }` block that contains `marker` as one of its lines, as a range of line
 * indices. Braces inside quoted strings (the JSON refusals) do not count.
 * @param {string[]} lines
 * @param {string} marker
 */
function serverBlockWith(lines, marker) {
	for (let start = 0; start < lines.length; start++) {
		if (lines[start]?.trim() !== 'server {') continue;
		let depth = 0;
		for (let end = start; end < lines.length; end++) {
			const bare = (lines[end] ?? '').replace(/'[^']*'|"[^"]*"/g, '');
			depth += (bare.match(/\{/g)?.length ?? 0) - (bare.match(/\}/g)?.length ?? 0);
			if (depth === 0) {
				const block = lines.slice(start, end + 1);
				if (block.some((l) => l.trim() === marker)) return { start, end };
				break;
			}
		}
	}
	throw new Error(
		`playground/deploy/nginx.conf changed shape: no server block with \`${marker}\`.`
	);
}

/**
 * playground/deploy/nginx.conf for `listen 127.0.0.1:<port>` in front of PocketBase on
 * `127.0.0.1:<upstreamPort>`, without TLS and without the port-80 server.
 * @param {LoopbackPorts} ports
 * @param {string} [text] the configuration (the committed file unless given)
 */
export function renderNginx(ports, text = readDeployConfig('nginx.conf')) {
	const file = 'nginx.conf';
	let lines = text.split('\n');
	const port80 = serverBlockWith(lines, 'listen 80;');
	lines = [...lines.slice(0, port80.start), ...lines.slice(port80.end + 1)];
	lines = replaceLines(lines, file, 'listen 443 ssl http2;', `listen 127.0.0.1:${ports.port};`);
	lines = replaceLines(lines, file, 'listen [::]:443 ssl http2;', null);
	const certificate = `/etc/letsencrypt/live/${deployExample.domain}`;
	lines = replaceLines(lines, file, `ssl_certificate ${certificate}/fullchain.pem;`, null);
	lines = replaceLines(lines, file, `ssl_certificate_key ${certificate}/privkey.pem;`, null);
	lines = replaceLines(
		lines,
		file,
		`server ${deployExample.http} ${nginxUpstreamParameters};`,
		ports.upstreamPorts
			.map((upstream) => `server 127.0.0.1:${upstream} ${nginxUpstreamParameters};`)
			.join('\n\t')
	);
	return lines.join('\n');
}

/**
 * The main configuration nginx starts with in the tests: Debian's /etc/nginx/nginx.conf as far
 * as it matters here (worker processes and connections, an http block that includes the
 * playground's file), with its pid file, logs and temporary files under nginx's `-p` prefix.
 * @param {string} siteFile the rendered playground configuration, relative to the prefix
 */
export function nginxMainConfig(siteFile) {
	return [
		'worker_processes auto;',
		'pid nginx.pid;',
		'error_log stderr;',
		'events {',
		'\tworker_connections 768;',
		'}',
		'http {',
		'\tdefault_type application/octet-stream;',
		'\taccess_log off;',
		'\tclient_body_temp_path temp/client_body;',
		'\tproxy_temp_path temp/proxy;',
		'\tfastcgi_temp_path temp/fastcgi;',
		'\tuwsgi_temp_path temp/uwsgi;',
		'\tscgi_temp_path temp/scgi;',
		`\tinclude ${siteFile};`,
		'}',
		'',
	].join('\n');
}

/**
 * playground/deploy/Caddyfile for `http://127.0.0.1:<port>` in front of PocketBase on
 * `127.0.0.1:<upstreamPort>`, bound to loopback only. An http:// site address is Caddy's own way to
 * leave TLS off, and the admin endpoint (which every Caddy would want on localhost:2019) is turned
 * off; the tests stop Caddy with a signal.
 * @param {LoopbackPorts} ports
 * @param {string} [text] the configuration (the committed file unless given)
 */
export function renderCaddy(ports, text = readDeployConfig('Caddyfile')) {
	const file = 'Caddyfile';
	let lines = text.split('\n');
	lines = replaceLines(lines, file, '{', '{\n\tadmin off');
	lines = replaceLines(
		lines,
		file,
		`${deployExample.domain} {`,
		`http://127.0.0.1:${ports.port} {\n\tbind 127.0.0.1`
	);
	lines = replaceLines(
		lines,
		file,
		`reverse_proxy ${deployExample.http} {`,
		`reverse_proxy ${ports.upstreamPorts.map((upstream) => `127.0.0.1:${upstream}`).join(' ')} {`
	);
	return lines.join('\n');
}

import { describe, expect, test } from 'vitest';
import { readDeployConfig, renderCaddy, renderNginx } from './proxy-config.mjs';
import { clientAddressHeader } from './proxy-process.mjs';

const ports = { port: 41_000, upstreamPorts: [42_000] };

/** Lines of `text`, trimmed, without blanks and comments. */
const directives = (text: string) =>
	text
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line !== '' && !line.startsWith('#'));

/** Every JSON refusal body a configuration answers with, and the status it is sent with. */
function refusals(text: string) {
	const nginx = [...text.matchAll(/return (\d{3}) '(\{.*\})';/g)];
	const caddy = [...text.matchAll(/respond `(\{.*\})` (\d{3})/g)];
	return [
		...nginx.map(([, status, body]) => ({ status: Number(status), body: body ?? '' })),
		...caddy.map(([, body, status]) => ({ status: Number(status), body: body ?? '' })),
	];
}

/** `body` reads as PocketBase's own errors do: `{ data: {}, message, status }`. */
function expectPocketBaseError(body: string, status: number) {
	const error = JSON.parse(body) as Record<string, unknown>;
	expect(Object.keys(error)).toEqual(['data', 'message', 'status']);
	expect(error['data']).toEqual({});
	expect(typeof error['message']).toBe('string');
	expect(error['status']).toBe(status);
}

describe('the nginx configuration the tests run is the deploy recipe’s', () => {
	const committed = readDeployConfig('nginx.conf');
	const rendered = renderNginx(ports);

	test('it keeps every limit, the client-address header and the realtime settings', () => {
		for (const line of [
			'client_header_timeout 10s;',
			'large_client_header_buffers 4 8k;',
			'client_max_body_size 64k;',
			'client_body_buffer_size 64k;',
			'client_body_timeout 10s;',
			'keepalive_timeout 30s;',
			'send_timeout 30s;',
			'limit_conn_zone $binary_remote_addr zone=playground_conn:10m;',
			'limit_conn playground_conn 30;',
			'return 411;',
			`proxy_set_header ${clientAddressHeader} $remote_addr;`,
			'proxy_set_header X-Forwarded-For "";',
			'proxy_buffering off;',
			'proxy_read_timeout 6m;',
		]) {
			expect(directives(committed)).toContain(line);
			expect(directives(rendered)).toContain(line);
		}
	});

	test('only the addresses and TLS change: loopback, the test PocketBase, no certificate', () => {
		const changed = new Set([
			'listen 443 ssl http2;',
			'listen [::]:443 ssl http2;',
			'server 127.0.0.1:8090 max_fails=1 fail_timeout=10s;',
		]);
		const kept = directives(committed).filter(
			(line) => !changed.has(line) && !line.startsWith('ssl_certificate')
		);
		// Everything but the port-80 server (certbot and the redirect) is still there.
		const port80 = [
			'listen 80;',
			'listen [::]:80;',
			'location /.well-known/acme-challenge/ {',
			'root /var/www/html;',
			'return 301 https://$host$request_uri;',
		];
		for (const line of kept.filter((l) => !port80.includes(l))) {
			expect(directives(rendered)).toContain(line);
		}
		expect(directives(rendered)).toContain(`listen 127.0.0.1:${ports.port};`);
		expect(directives(rendered)).toContain('server 127.0.0.1:42000 max_fails=1 fail_timeout=10s;');
		expect(directives(rendered).join('\n')).not.toMatch(/ssl|listen 80|listen \[::\]|8090/);
	});

	test('several hosts: one per reader by address, passive checks, the answering host named', () => {
		const three = renderNginx({ port: 41_000, upstreamPorts: [42_000, 42_001, 42_002] });
		for (const line of [
			'hash $binary_remote_addr consistent;',
			'server 127.0.0.1:42000 max_fails=1 fail_timeout=10s;',
			'server 127.0.0.1:42001 max_fails=1 fail_timeout=10s;',
			'server 127.0.0.1:42002 max_fails=1 fail_timeout=10s;',
			'add_header X-Playground-Host $playground_host always;',
			'add_header Access-Control-Expose-Headers X-Playground-Host always;',
		]) {
			expect(directives(three)).toContain(line);
		}
		expect(directives(committed)).toContain('hash $binary_remote_addr consistent;');
	});

	test('a reshaped configuration is refused, not rendered half-way', () => {
		expect(() =>
			renderNginx(ports, committed.replace('listen 443 ssl http2;', 'listen 443;'))
		).toThrow(/changed shape/);
		expect(() => renderNginx(ports, committed.replace('listen 80;', 'listen 8080;'))).toThrow(
			/changed shape/
		);
	});

	test('its refusals are JSON in PocketBase’s error shape, with their own status', () => {
		expect(refusals(committed).map((r) => r.status)).toEqual([411, 413, 429, 414]);
		for (const { status, body } of refusals(committed)) expectPocketBaseError(body, status);
	});
});

describe('the Caddyfile the tests run is the deploy recipe’s', () => {
	const committed = readDeployConfig('Caddyfile');
	const rendered = renderCaddy(ports);

	test('it keeps every limit, the client-address header and the realtime settings', () => {
		for (const line of [
			'read_header 10s',
			'read_body 10s',
			'idle 30s',
			'max_header_size 8KiB',
			'@long_url expression {http.request.uri}.size() > 8192',
			'max_size 64KiB',
			'buffer_requests',
			'max_buffer_size 65537',
			`header_up ${clientAddressHeader} {remote_host}`,
			'header_up -X-Forwarded-For',
			'header_up -Forwarded',
		]) {
			expect(directives(committed)).toContain(line);
			expect(directives(rendered)).toContain(line);
		}
		// Caddy 2.6 would keep a realtime stream going upstream after its client left.
		expect(directives(committed).join('\n')).not.toContain('flush_interval');
	});

	test('only the addresses and TLS change: loopback, the test PocketBase, plain HTTP', () => {
		const changed = new Set(['playground.example.com {', 'reverse_proxy 127.0.0.1:8090 {']);
		for (const line of directives(committed).filter((l) => !changed.has(l))) {
			expect(directives(rendered)).toContain(line);
		}
		expect(directives(rendered)).toContain(`http://127.0.0.1:${ports.port} {`);
		expect(directives(rendered)).toContain('bind 127.0.0.1');
		expect(directives(rendered)).toContain('reverse_proxy 127.0.0.1:42000 {');
		expect(directives(rendered)).toContain('admin off');
		expect(directives(rendered).join('\n')).not.toMatch(/example\.com|8090/);
	});

	test('several hosts: one per reader by address, active and passive checks, the host named', () => {
		const three = renderCaddy({ port: 41_000, upstreamPorts: [42_000, 42_001, 42_002] });
		expect(directives(three)).toContain(
			'reverse_proxy 127.0.0.1:42000 127.0.0.1:42001 127.0.0.1:42002 {'
		);
		for (const line of [
			'lb_policy ip_hash',
			'lb_try_duration 5s',
			'health_uri /api/health',
			'health_interval 5s',
			'fail_duration 10s',
			'header_down X-Playground-Host {http.reverse_proxy.upstream.hostport}',
			'header_down Access-Control-Expose-Headers X-Playground-Host',
		]) {
			expect(directives(committed)).toContain(line);
			expect(directives(three)).toContain(line);
		}
	});

	test('a reshaped configuration is refused, not rendered half-way', () => {
		expect(() =>
			renderCaddy(ports, committed.replace('reverse_proxy 127.0.0.1:8090', 'reverse_proxy :8090'))
		).toThrow(/changed shape/);
	});

	test('its refusals are JSON in PocketBase’s error shape, with their own status', () => {
		expect(refusals(committed).map((r) => r.status)).toEqual([414, 413, 413]);
		for (const { status, body } of refusals(committed)) expectPocketBaseError(body, status);
	});
});

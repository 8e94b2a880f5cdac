import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
	deployExample,
	deployServeArgs,
	localServeArgs,
	publicQueryTimeoutSeconds,
	publicServeArgs,
} from './serve-flags.mjs';

const deployDir = new URL('../playground/deploy/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, deployDir), 'utf8');

/** Every `<binary> serve …` command in a text, with its `\`-continued lines, as words. */
function serveCommands(text: string): string[][] {
	const lines = text.split('\n');
	const commands: string[][] = [];
	lines.forEach((line, i) => {
		const start = line.indexOf(`${deployExample.binary} serve`);
		if (start === -1) return;
		let command = line.slice(start);
		for (let j = i + 1; command.trimEnd().endsWith('\\') && j < lines.length; j++) {
			command = command.trimEnd().slice(0, -1) + ' ' + (lines[j] ?? '');
		}
		commands.push(command.trim().split(/\s+/).slice(1));
	});
	return commands;
}

const documented = deployServeArgs('proxy');
const direct = deployServeArgs('direct');

describe('the public playground is started with one set of flags', () => {
	test('the systemd unit starts exactly what the public-mode launcher would, behind the proxy', () => {
		const unit = read('pocketbase-playground.service');
		const execStart = unit.split('\n').filter((line) => line.startsWith('ExecStart='));
		expect(execStart).toHaveLength(1);
		expect(serveCommands(unit)).toEqual([documented]);
	});

	test('every serve command in the deploy README is that command, or the direct form', () => {
		const commands = serveCommands(read('README.md'));
		expect(commands).toContainEqual(documented);
		for (const command of commands) expect([documented, direct]).toContainEqual(command);
	});

	test('public mode turns dev mode off, limits CORS to the site and bounds query time', () => {
		expect(documented).toContain('--dev=false');
		expect(documented).toContain('--origins=https://guide.example.com');
		expect(documented).toContain(`--queryTimeout=${publicQueryTimeoutSeconds}`);
		// Behind the proxy, PocketBase listens on loopback only: the proxy is the only way in.
		expect(documented.slice(0, 2)).toEqual(['serve', '--http=127.0.0.1:8090']);
		// `serve <domain>` is PocketBase's form for automatic TLS on :80 and :443.
		expect(direct.slice(0, 2)).toEqual(['serve', deployExample.domain]);
		expect(direct.slice(2)).toEqual(documented.slice(2));
	});

	test('both proxy configurations serve the example name and forward to that loopback address', () => {
		/** The word after `directive` on each line that starts with it (not a block's `{`). */
		const operands = (text: string, directive: string) =>
			text
				.split('\n')
				.map((line) => line.trim().split(/\s+/))
				.filter(([word, operand]) => word === directive && operand !== '{')
				.map(([, operand]) => operand?.replace(/;$/, ''));
		const caddy = read('Caddyfile');
		expect(operands(caddy, 'reverse_proxy')).toEqual([deployExample.http]);
		expect(caddy.split('\n')).toContain(`${deployExample.domain} {`);
		const nginx = read('nginx.conf');
		expect(operands(nginx, 'server')).toEqual([deployExample.http]);
		expect(operands(nginx, 'server_name')).toEqual([deployExample.domain, deployExample.domain]);
	});

	test('public mode refuses to start without the site origin, or with a wildcard or a path', () => {
		const dirs = { dataDir: 'd', migrationsDir: 'm', hooksDir: 'h', http: '127.0.0.1:8090' };
		expect(() => publicServeArgs({ ...dirs, origins: [] })).toThrow(/origins/);
		expect(() => publicServeArgs({ ...dirs, origins: ['*'] })).toThrow(/origins/);
		expect(() => publicServeArgs({ ...dirs, origins: ['https://guide.example/docs'] })).toThrow(
			/origins/
		);
		expect(() =>
			publicServeArgs({ dataDir: 'd', migrationsDir: 'm', hooksDir: 'h', origins: ['https://a.b'] })
		).toThrow(/domain/);
	});

	test('local runs stay on loopback with dev mode only when asked for', () => {
		const dirs = { dataDir: 'd', migrationsDir: 'm', hooksDir: 'h', host: '127.0.0.1', port: 8090 };
		expect(localServeArgs({ ...dirs, dev: false })).toContain('--dev=false');
		expect(localServeArgs({ ...dirs, dev: false })).toContain('--http=127.0.0.1:8090');
		expect(localServeArgs({ ...dirs, dev: true })).toContain('--dev=true');
	});
});

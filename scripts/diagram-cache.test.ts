import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	assertDiagramId,
	cacheFileBase,
	diagramCacheKey,
	DiagramCacheError,
	diagramsDir,
	loadRenderedDiagram,
	readMermaidVersion,
	renderedDir,
	renderSettings,
	stableStringify,
} from './diagram-cache';

const source = 'sequenceDiagram\n    A->>B: hello\n';

describe('diagramCacheKey', () => {
	it('is a sha256 hex digest that stays the same for the same inputs', () => {
		const key = diagramCacheKey(source, '12.3.0');
		expect(key).toMatch(/^[0-9a-f]{64}$/);
		expect(diagramCacheKey(source, '12.3.0')).toBe(key);
	});

	it('changes with the source, the mermaid version and the render settings', () => {
		const key = diagramCacheKey(source, '12.3.0');
		expect(diagramCacheKey(`${source}    B-->>A: hi\n`, '12.3.0')).not.toBe(key);
		expect(diagramCacheKey(source, '12.3.1')).not.toBe(key);
		const otherSettings = { ...renderSettings, postProcess: renderSettings.postProcess + 1 };
		expect(diagramCacheKey(source, '12.3.0', otherSettings)).not.toBe(key);
	});

	it('ignores Windows line endings and the order of settings keys', () => {
		expect(diagramCacheKey(source.replace(/\n/g, '\r\n'), '12.3.0')).toBe(
			diagramCacheKey(source, '12.3.0')
		);
		expect(diagramCacheKey(source, '1', { a: 1, b: { c: 2, d: 3 } })).toBe(
			diagramCacheKey(source, '1', { b: { d: 3, c: 2 }, a: 1 })
		);
	});
});

describe('stableStringify', () => {
	it('sorts keys at every depth and leaves arrays in order', () => {
		expect(stableStringify({ b: [2, { y: 1, x: 0 }], a: 'x', u: undefined })).toBe(
			'{"a":"x","b":[2,{"x":0,"y":1}]}'
		);
	});
});

describe('names', () => {
	it('names cache files after the diagram and the start of its key', () => {
		expect(cacheFileBase('direct-flow', 'abcdef0123456789ffff')).toBe(
			'direct-flow.abcdef0123456789'
		);
	});

	it('accepts only kebab-case ids', () => {
		expect(() => assertDiagramId('proxy-flow')).not.toThrow();
		for (const bad of ['Proxy', 'proxy_flow', '../x', 'a--b', '-a', '']) {
			expect(() => assertDiagramId(bad)).toThrow(/kebab-case/);
		}
	});

	it('reads the installed mermaid version', () => {
		expect(readMermaidVersion()).toMatch(/^\d+\.\d+\.\d+/);
	});
});

describe('loadRenderedDiagram', () => {
	let root: string;
	const version = '12.3.0';

	beforeEach(() => {
		root = mkdtempSync(join(tmpdir(), 'diagram-cache-'));
		mkdirSync(join(root, renderedDir), { recursive: true });
		writeFileSync(join(root, diagramsDir, 'demo.mmd'), source);
	});
	afterEach(() => rmSync(root, { recursive: true, force: true }));

	function writeEntry(key: string) {
		const base = join(root, renderedDir, cacheFileBase('demo', key));
		writeFileSync(`${base}.svg`, '<svg id="demo-svg"></svg>');
		writeFileSync(`${base}.json`, JSON.stringify({ id: 'demo', key, steps: [] }));
	}

	it('returns the SVG and its metadata when the entry matches', () => {
		writeEntry(diagramCacheKey(source, version));
		const { svg, meta } = loadRenderedDiagram('demo', { root, mermaidVersion: version });
		expect(svg).toContain('demo-svg');
		expect(meta.id).toBe('demo');
	});

	it('throws, naming the diagram and the command, when the entry is missing', () => {
		expect(() => loadRenderedDiagram('demo', { root, mermaidVersion: version })).toThrow(
			DiagramCacheError
		);
		expect(() => loadRenderedDiagram('demo', { root, mermaidVersion: version })).toThrow(
			/Diagram "demo".*Run `npm run diagrams`/s
		);
	});

	it('throws when the source changed after rendering (a stale entry)', () => {
		writeEntry(diagramCacheKey(source, version));
		writeFileSync(join(root, diagramsDir, 'demo.mmd'), `${source}    B-->>A: changed\n`);
		expect(() => loadRenderedDiagram('demo', { root, mermaidVersion: version })).toThrow(
			/npm run diagrams/
		);
	});

	it('throws when mermaid was upgraded after rendering', () => {
		writeEntry(diagramCacheKey(source, version));
		expect(() => loadRenderedDiagram('demo', { root, mermaidVersion: '12.4.0' })).toThrow(
			/mermaid 12\.4\.0/
		);
	});

	it('throws for a diagram without a source file', () => {
		expect(() => loadRenderedDiagram('nope', { root, mermaidVersion: version })).toThrow(
			/no src\/diagrams\/nope\.mmd/
		);
	});
});

describe('the committed cache', () => {
	it('has a current entry for every diagram in src/diagrams', () => {
		const ids = readdirSync(diagramsDir)
			.filter((name) => name.endsWith('.mmd'))
			.map((name) => name.slice(0, -4));
		expect(ids.length).toBeGreaterThanOrEqual(8);
		for (const id of ids) {
			const { svg, meta } = loadRenderedDiagram(id);
			expect(meta.steps.length, id).toBe((svg.match(/data-et="message"/g) ?? []).length);
			expect(svg, id).toContain(`id="${id}-svg"`);
			expect(readFileSync(join(diagramsDir, `${id}.mmd`), 'utf8'), id).toMatch(
				/accTitle:[\s\S]*accDescr/
			);
		}
	});
});

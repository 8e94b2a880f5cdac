/**
 * The committed cache of rendered sequence diagrams: src/diagrams/<id>.mmd is rendered by
 * `npm run diagrams` (scripts/render-diagrams.mjs, in a real browser) into
 * src/diagrams/rendered/<id>.<key>.svg plus <id>.<key>.json (title, size, steps). The key is a
 * hash of everything that shapes the picture: the source, the mermaid version and the render
 * settings below. The build only reads the cache, so it needs no browser; a missing or stale
 * entry stops it with a message that names the diagram and the command that fixes it.
 *
 * This module is imported by the Astro component at build time and, through Node's own
 * TypeScript support, by the render script: keep it to erasable syntax and `node:` imports.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export const diagramsDir = 'src/diagrams';
export const renderedDir = 'src/diagrams/rendered';
export const refreshCommand = 'npm run diagrams';

/** Starlight's system font stack, so text is measured with the fonts the page will use. */
const fontStack =
	"-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', 'Noto Sans', Arial, sans-serif";

/**
 * Everything besides the source that changes the rendered SVG. `postProcess` names the
 * version of the clean-up the render script applies; bump it when that code changes.
 */
export const renderSettings = {
	postProcess: 2,
	mermaid: {
		startOnLoad: false,
		securityLevel: 'strict',
		look: 'classic',
		theme: 'base',
		fontFamily: fontStack,
		sequence: {
			useMaxWidth: false,
			mirrorActors: false,
			showSequenceNumbers: true,
			diagramMarginX: 8,
			diagramMarginY: 16,
			width: 120,
			height: 46,
			actorMargin: 30,
			boxMargin: 8,
			noteMargin: 8,
			messageMargin: 34,
			actorFontSize: 15,
			messageFontSize: 15,
			noteFontSize: 15,
			wrap: false,
		},
	},
} as const;

export interface DiagramStep {
	/** Display name of the participant that sends the message. */
	from: string;
	to: string;
	/** The message text as the diagram shows it. */
	text: string;
	/** Notes drawn after this message and before the next one. */
	notes: string[];
}

/** The .json half of a cache entry. */
export interface RenderedDiagramMeta {
	id: string;
	key: string;
	mermaidVersion: string;
	title: string;
	description: string;
	/** The SVG's natural size in CSS pixels. */
	width: number;
	height: number;
	steps: DiagramStep[];
}

export interface RenderedDiagram {
	svg: string;
	meta: RenderedDiagramMeta;
}

const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Diagram ids become file names, element ids and URL fragments: lower-case kebab only. */
export function assertDiagramId(id: string): void {
	if (!idPattern.test(id)) {
		throw new Error(`Diagram id "${id}" must be lower-case kebab-case (letters, digits, hyphens).`);
	}
}

/** Line endings differ between checkouts; the picture does not. */
export function normaliseSource(source: string): string {
	return source.replace(/\r\n?/g, '\n');
}

/** JSON with object keys sorted, so the key never depends on property order. */
export function stableStringify(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
	if (value !== null && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, v]) => v !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
	}
	return JSON.stringify(value);
}

/** sha256 (hex) of the diagram source, the mermaid version and the render settings. */
export function diagramCacheKey(
	source: string,
	mermaidVersion: string,
	settings: unknown = renderSettings
): string {
	return createHash('sha256')
		.update(stableStringify({ source: normaliseSource(source), mermaidVersion, settings }))
		.digest('hex');
}

/** File name (without extension) of a cache entry: readable id, then enough of the key. */
export function cacheFileBase(id: string, key: string): string {
	return `${id}.${key.slice(0, 16)}`;
}

/** The installed mermaid's version, read from its package.json under `root`. */
export function readMermaidVersion(root: string = process.cwd()): string {
	const require = createRequire(join(root, 'package.json'));
	const manifest: unknown = JSON.parse(
		readFileSync(require.resolve('mermaid/package.json'), 'utf8')
	);
	const version = (manifest as { version?: unknown }).version;
	if (typeof version !== 'string') throw new Error('Could not read the installed mermaid version.');
	return version;
}

export class DiagramCacheError extends Error {
	override name = 'DiagramCacheError';
}

/**
 * Reads diagram `id` from the cache and checks it matches the current source, mermaid and
 * settings. Throws DiagramCacheError (never falls back) when it does not.
 */
export function loadRenderedDiagram(
	id: string,
	options: { root?: string; mermaidVersion?: string } = {}
): RenderedDiagram {
	assertDiagramId(id);
	const root = options.root ?? process.cwd();
	const sourcePath = join(root, diagramsDir, `${id}.mmd`);
	if (!existsSync(sourcePath)) {
		throw new DiagramCacheError(`Diagram "${id}": there is no ${diagramsDir}/${id}.mmd.`);
	}
	const mermaidVersion = options.mermaidVersion ?? readMermaidVersion(root);
	const key = diagramCacheKey(readFileSync(sourcePath, 'utf8'), mermaidVersion);
	const base = join(root, renderedDir, cacheFileBase(id, key));
	if (!existsSync(`${base}.svg`) || !existsSync(`${base}.json`)) {
		throw new DiagramCacheError(
			`Diagram "${id}" has no rendered SVG for its current source (${diagramsDir}/${id}.mmd, ` +
				`mermaid ${mermaidVersion}). Run \`${refreshCommand}\` and commit ${renderedDir}/.`
		);
	}
	const meta = JSON.parse(readFileSync(`${base}.json`, 'utf8')) as RenderedDiagramMeta;
	if (meta.key !== key) {
		throw new DiagramCacheError(
			`Diagram "${id}": the cache entry ${cacheFileBase(id, key)} belongs to another source. ` +
				`Run \`${refreshCommand}\`.`
		);
	}
	return { svg: readFileSync(`${base}.svg`, 'utf8'), meta };
}

// `npm run diagrams`: renders every src/diagrams/<id>.mmd with the real mermaid package in a
// headless Chromium (the same browser the tests use) and refreshes the committed cache in
// src/diagrams/rendered/. Entries whose key still matches are left alone, so a second run does
// nothing; entries that no longer match any diagram are deleted.
//   npm run diagrams              render what is missing or stale, delete what is unused
//   npm run diagrams -- --check   only report; exit 1 if anything is missing or stale
//   npm run diagrams -- --force   render everything again
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import {
	assertDiagramId,
	cacheFileBase,
	diagramCacheKey,
	diagramsDir,
	normaliseSource,
	readMermaidVersion,
	renderedDir,
	renderSettings,
} from './diagram-cache.ts';
import { chromiumArgs, resolveBrowser } from './browser.mjs';
import { projectRoot } from './pocketbase-process.mjs';

/** The render page, with mermaid's bundle loaded as a global. */
/** @typedef {typeof window & { mermaid: import('mermaid').Mermaid }} MermaidWindow */

const check = process.argv.includes('--check');
const force = process.argv.includes('--force');
const sourceDir = join(projectRoot, diagramsDir);
const cacheDir = join(projectRoot, renderedDir);
mkdirSync(cacheDir, { recursive: true });

const mermaidVersion = readMermaidVersion(projectRoot);
const diagrams = readdirSync(sourceDir)
	.filter((name) => name.endsWith('.mmd'))
	.sort()
	.map((name) => {
		const id = name.slice(0, -'.mmd'.length);
		assertDiagramId(id);
		const source = normaliseSource(readFileSync(join(sourceDir, name), 'utf8'));
		const key = diagramCacheKey(source, mermaidVersion);
		return { id, source, key, base: cacheFileBase(id, key) };
	});

const cached = new Set(readdirSync(cacheDir));
const isFresh = (/** @type {{ base: string }} */ d) =>
	cached.has(`${d.base}.svg`) && cached.has(`${d.base}.json`);
const toRender = diagrams.filter((d) => force || !isFresh(d));
const wanted = new Set(diagrams.flatMap((d) => [`${d.base}.svg`, `${d.base}.json`]));
const unused = [...cached].filter((name) => !wanted.has(name));

if (check) {
	for (const d of diagrams.filter((d) => !isFresh(d))) console.error(`✖ ${d.id}: missing or stale`);
	for (const name of unused) console.error(`✖ ${renderedDir}/${name}: no longer used`);
	const problems = diagrams.filter((d) => !isFresh(d)).length + unused.length;
	if (problems) console.error(`Run \`npm run diagrams\` and commit ${renderedDir}/.`);
	else console.log(`✔ ${diagrams.length} diagrams, cache up to date (mermaid ${mermaidVersion}).`);
	process.exit(problems ? 1 : 0);
}

if (toRender.length) {
	const { executablePath, source } = await resolveBrowser();
	console.log(
		`Rendering ${toRender.length} diagram(s) with mermaid ${mermaidVersion} in ${source} Chromium…`
	);
	const browser = await chromium.launch({ executablePath, args: chromiumArgs });
	try {
		const require = createRequire(join(projectRoot, 'package.json'));
		const bundle = readFileSync(
			join(require.resolve('mermaid/package.json'), '..', 'dist', 'mermaid.min.js'),
			'utf8'
		);
		for (const d of toRender) {
			// A fresh page per diagram: mermaid numbers some ids per page, and the output must not
			// depend on which other diagrams were rendered in the same run.
			const page = await browser.newPage();
			// No network: mermaid comes from node_modules, and nothing else may be fetched.
			await page.route('**/*', (route) => route.abort());
			await page.setContent(
				'<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>'
			);
			await page.addScriptTag({ content: bundle });
			await page.evaluate(
				(config) => /** @type {MermaidWindow} */ (window).mermaid.initialize(config),
				renderSettings.mermaid
			);
			/** @type {{ svg: string; meta: Omit<import('./diagram-cache.ts').RenderedDiagramMeta, 'id' | 'key' | 'mermaidVersion'> }} */
			let result;
			try {
				result = await page.evaluate(renderInPage, {
					id: d.id,
					source: d.source,
					spanningNotes: spanningNotes(d.source),
				});
			} catch (error) {
				throw new Error(
					`Diagram "${d.id}" (${diagramsDir}/${d.id}.mmd) failed to render:\n${String(error)}`,
					{ cause: error }
				);
			}
			assertSelfContained(d.id, result.svg);
			const meta = { id: d.id, key: d.key, mermaidVersion, ...result.meta };
			writeFileSync(join(cacheDir, `${d.base}.svg`), `${result.svg}\n`);
			writeFileSync(join(cacheDir, `${d.base}.json`), `${JSON.stringify(meta, null, '\t')}\n`);
			console.log(
				`  ✔ ${d.id} → ${renderedDir}/${d.base}.svg (${meta.steps.length} steps, ${meta.width} px wide)`
			);
			await page.close();
		}
	} finally {
		await browser.close();
	}
}

for (const name of unused) {
	rmSync(join(cacheDir, name));
	console.log(`  ✖ removed unused ${renderedDir}/${name}`);
}
console.log(
	`Diagrams: ${diagrams.length}, rendered ${toRender.length}, up to date ${diagrams.length - toRender.length}, removed ${unused.length}.`
);

/**
 * For each note in the source, in order: does it stretch over several participants
 * (`Note over A,B: …`)?
 * @param {string} source
 */
function spanningNotes(source) {
	return [...source.matchAll(/^\s*note\s+(?:over|left of|right of)\s+([^:\n]+):/gim)].map((m) =>
		(m[1] ?? '').includes(',')
	);
}

/**
 * A rendered diagram must not reach out of the page: no remote CSS import, no external url().
 * @param {string} id @param {string} svg
 */
function assertSelfContained(id, svg) {
	const remote = svg.match(/@import|url\(\s*['"]?(?:https?:)?\/\/|(?:href|src)="(?:https?:)?\/\//);
	if (remote)
		throw new Error(
			`Diagram "${id}": the rendered SVG still refers to a remote resource (${remote[0]}).`
		);
	const colour = svg.match(/(?:fill|stroke)="(?!none"|url\()[^"]+"/);
	if (colour)
		throw new Error(`Diagram "${id}": a literal colour survived post-processing (${colour[0]}).`);
}

/**
 * Runs inside the page: renders one diagram with mermaid, then cleans the SVG up for the site.
 * - mermaid's own <style> goes: every colour and font comes from the site's CSS (Starlight's
 *   --sl-color-* properties), so a theme switch needs no re-render;
 * - literal fill/stroke attributes, inline font families, filters and unused <defs> go;
 * - every id is prefixed with the diagram's, so several diagrams can share a page;
 * - each message's line, text, number and following notes get data-step="N" (0-based), the
 *   hook the player uses; mermaid's data-et="message" data-id="iN" stay as they are.
 * @param {{ id: string; source: string; spanningNotes: boolean[] }} input
 */
async function renderInPage({ id, source, spanningNotes }) {
	const svgId = `${id}-svg`;
	const { mermaid } = /** @type {MermaidWindow} */ (window);
	const { svg } = await mermaid.render(svgId, source);
	const host = document.createElement('div');
	host.innerHTML = svg;
	const root = /** @type {SVGSVGElement} */ (host.querySelector('svg'));

	for (const style of root.querySelectorAll('style')) style.remove();
	for (const el of root.querySelectorAll('*')) {
		for (const name of ['fill', 'stroke']) {
			const value = el.getAttribute(name);
			if (value && value !== 'none' && !value.startsWith('url(')) el.removeAttribute(name);
		}
		for (const name of ['filter', 'font-family', 'name']) el.removeAttribute(name);
		// Fonts come from the page (Starlight's --sl-font); mermaid inlines its stack everywhere.
		if (el instanceof SVGElement && el.style.fontFamily) {
			el.style.removeProperty('font-family');
			if (!el.style.length) el.removeAttribute('style');
		}
	}

	// Unique ids: prefix, then rewrite every reference to them.
	/** @type {Map<string, string>} */
	const renamed = new Map();
	for (const el of root.querySelectorAll('[id]')) {
		if (el.id.startsWith(`${svgId}-`)) continue;
		const next = `${svgId}-${el.id}`;
		renamed.set(el.id, next);
		el.id = next;
	}
	for (const el of [root, ...root.querySelectorAll('*')]) {
		for (const attr of [...el.attributes]) {
			let value = attr.value;
			if (attr.name === 'aria-labelledby' || attr.name === 'aria-describedby') {
				value = value
					.split(/\s+/)
					.map((token) => renamed.get(token) ?? token)
					.join(' ');
			} else {
				value = value.replace(
					/url\(#([^)]+)\)/g,
					(/** @type {string} */ all, /** @type {string} */ ref) =>
						renamed.has(ref) ? `url(#${renamed.get(ref)})` : all
				);
				if ((attr.name === 'href' || attr.name === 'xlink:href') && value.startsWith('#')) {
					value = `#${renamed.get(value.slice(1)) ?? value.slice(1)}`;
				}
			}
			if (value !== attr.value) el.setAttribute(attr.name, value);
		}
	}

	// Drop <defs> entries nothing refers to (mermaid ships icons and markers for every case).
	const used = root.outerHTML;
	for (const def of root.querySelectorAll('defs > [id]')) {
		if (!used.includes(`#${def.id})`) && !used.includes(`"#${def.id}"`)) def.remove();
	}
	for (const defs of root.querySelectorAll('defs')) if (!defs.children.length) defs.remove();
	for (const g of root.querySelectorAll('g')) if (!g.childNodes.length) g.remove();

	// Size: natural pixels from the viewBox; lifelines end at the bottom instead of y=2000.
	const [, minY = 0, width = 0, height = 0] = (root.getAttribute('viewBox') ?? '')
		.split(/\s+/)
		.map(Number);
	root.removeAttribute('style');
	root.setAttribute('width', String(width));
	root.setAttribute('height', String(height));
	for (const line of root.querySelectorAll('line.actor-line'))
		line.setAttribute('y2', String(minY + height));

	// Steps: a message's text comes just before its line; its number just after.
	const actorNames = new Map(
		[...root.querySelectorAll('[data-et="participant"]')].map((g) => [
			g.getAttribute('data-id'),
			[...g.querySelectorAll('text')].map((t) => t.textContent?.trim()).join(' '),
		])
	);
	/** @type {{ from: string; to: string; text: string; notes: string[]; itemId: number }[]} */
	const steps = [];
	/** @type {Element[]} */
	let pendingText = [];
	for (const el of [...root.children]) {
		if (el.matches('text.messageText')) {
			pendingText.push(el);
		} else if (el.matches('[data-et="message"]')) {
			const n = steps.length;
			for (const t of [el, ...pendingText]) t.setAttribute('data-step', String(n));
			steps.push({
				from: actorNames.get(el.getAttribute('data-from')) ?? el.getAttribute('data-from') ?? '',
				to: actorNames.get(el.getAttribute('data-to')) ?? el.getAttribute('data-to') ?? '',
				text: pendingText.map((t) => t.textContent?.trim()).join(' '),
				notes: [],
				itemId: Number(el.getAttribute('data-id')?.slice(1)),
			});
			pendingText = [];
		} else if (
			steps.length &&
			(el.matches('text.sequenceNumber') || el.matches('line[marker-start]'))
		) {
			el.setAttribute('data-step', String(steps.length - 1));
		}
	}
	if (pendingText.length || steps.length !== root.querySelectorAll('[data-et="message"]').length) {
		throw new Error('Unexpected SVG structure: message texts and lines do not pair up.');
	}
	// A note belongs to the message before it; a note across several participants heads the
	// part that follows, so it belongs to the next message (or the last one, at the end).
	const notes = [...root.querySelectorAll('[data-et="note"]')].sort(
		(a, b) =>
			Number(a.getAttribute('data-id')?.slice(1)) - Number(b.getAttribute('data-id')?.slice(1))
	);
	for (const [i, note] of notes.entries()) {
		const itemId = Number(note.getAttribute('data-id')?.slice(1));
		const next = steps.findIndex((step) => step.itemId > itemId);
		const previous = steps.findLastIndex((step) => step.itemId < itemId);
		const owner = spanningNotes[i] && next >= 0 ? next : previous;
		if (owner < 0) continue;
		note.setAttribute('data-step', String(owner));
		steps[owner]?.notes.push(
			[...note.querySelectorAll('tspan')].map((t) => t.textContent?.trim()).join(' ') ||
				(note.textContent ?? '').trim()
		);
	}

	return {
		svg: root.outerHTML,
		meta: {
			title: root.querySelector('title')?.textContent?.trim() ?? id,
			description: root.querySelector('desc')?.textContent?.trim() ?? '',
			width,
			height,
			steps: steps.map(({ itemId, ...step }) => step),
		},
	};
}

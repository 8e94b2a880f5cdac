import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { builtSite } from '../scripts/site-process.mjs';

const path = '/problem/what-pocketbase-sees/';

/** The message the diagram highlights, as its 0-based step number ('' when none). */
async function activeStep(diagram: Locator): Promise<string> {
	return diagram.evaluate(
		(el) =>
			el.querySelector('[data-et="message"][data-step-active]')?.getAttribute('data-step') ?? ''
	);
}

async function packetVisible(diagram: Locator): Promise<boolean> {
	return diagram.evaluate((el) => {
		const packet = el.querySelector('.packet');
		return (
			!!packet &&
			getComputedStyle(packet).display !== 'none' &&
			packet.getAttribute('visibility') === 'visible'
		);
	});
}

/**
 * Samples `probe` every animation frame for up to `ms`. Resolves, as soon as the probe is true,
 * with the step highlighted in that same frame ('' for none), or with null if it never was. The
 * step is read in the frame itself: a later read races the run's end on a busy machine.
 */
async function firstSeen(
	page: Page,
	diagramId: string,
	ms: number,
	probe: 'packet' | 'stepping'
): Promise<string | null> {
	return page.evaluate(
		({ id, ms, probe }) =>
			new Promise<string | null>((resolve) => {
				const el = document.getElementById(id)!;
				const end = performance.now() + ms;
				const look = () => {
					const packet = el.querySelector('.packet');
					const seen =
						probe === 'packet'
							? !!packet &&
								packet.getAttribute('visibility') === 'visible' &&
								getComputedStyle(packet).display !== 'none'
							: el.querySelector('.canvas > svg')!.hasAttribute('data-stepping');
					const step =
						el.querySelector('[data-et="message"][data-step-active]')?.getAttribute('data-step') ??
						'';
					if (seen) resolve(step);
					else if (performance.now() >= end) resolve(null);
					else requestAnimationFrame(look);
				};
				look();
			}),
		{ id: diagramId, ms, probe }
	);
}

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the diagrams are in the HTML as SVG, with a title, a description and the steps as text', async ({
		page,
	}) => {
		await page.goto(path);
		for (const [id, messages] of [
			['direct-flow', 2],
			['proxy-flow', 4],
		] as const) {
			const diagram = page.locator(`#${id}`);
			const svg = diagram.locator('svg[aria-roledescription="sequence"]');
			await expect(svg).toBeVisible();
			expect((await svg.boundingBox())?.width).toBeGreaterThan(300);
			await expect(svg).toHaveAccessibleName(/calls PocketBase/);
			await expect(svg.locator('desc')).toContainText('PocketBase');
			await expect(diagram.locator('[data-et="message"]')).toHaveCount(messages);
			// The controls need JavaScript, so they stay out of the way without it.
			await expect(diagram.getByRole('button')).toHaveCount(0);
			await diagram.locator('summary').click();
			await expect(diagram.locator('.steps li')).toHaveCount(messages);
		}
		await expect(page.locator('#proxy-flow .steps li').nth(1)).toContainText(
			'App server → PocketBase'
		);
	});
});

// That no page requests mermaid at run time is checked where every page is loaded anyway, in
// both themes at both widths: tests/pages.spec.ts. Here: none of its code is in the built site.
test('the built site contains none of mermaid’s code', () => {
	const filesIn = (dir: string): string[] =>
		readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
			entry.isDirectory() ? filesIn(join(dir, entry.name)) : [join(dir, entry.name)]
		);
	const files = filesIn(builtSite);
	// Script and style files, and the inline scripts of every page (prose may name mermaid).
	const code = [
		...files
			.filter((file) => /\.(m?js|css)$/.test(file))
			.map((file) => ({ file, text: readFileSync(file, 'utf8') })),
		...files
			.filter((file) => file.endsWith('.html'))
			.map((file) => ({
				file,
				text: [...readFileSync(file, 'utf8').matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)]
					.map((m) => m[1])
					.join('\n'),
			})),
	];
	expect(code.filter(({ file }) => file.endsWith('.js')).length).toBeGreaterThan(3);
	// Words only mermaid's code contains (its name, its config keys and its parser's entry points).
	const signatures = /mermaid|securityLevel|sequenceDiagram|getDiagramFromText|flowchart-v2/i;
	expect(code.filter(({ text }) => signatures.test(text)).map(({ file }) => file)).toEqual([]);
});

test.describe('with reduced motion', () => {
	test.use({ reducedMotion: 'reduce' });

	test('nothing plays by itself, and steps change at once without a travelling packet', async ({
		page,
	}) => {
		await page.goto(path);
		const diagram = page.locator('#proxy-flow');
		await diagram.scrollIntoViewIfNeeded();
		await expect(diagram.getByRole('button', { name: 'Play' })).toBeVisible();
		expect(await firstSeen(page, 'proxy-flow', 2500, 'stepping')).toBeNull();

		await diagram.getByRole('button', { name: 'Next' }).click();
		expect(await activeStep(diagram)).toBe('0');
		expect(await packetVisible(diagram)).toBe(false);

		await diagram.getByRole('button', { name: 'Play' }).click();
		expect(await firstSeen(page, 'proxy-flow', 2000, 'packet')).toBeNull();
		await expect.poll(() => activeStep(diagram)).not.toBe('0');
	});

	test('the steps can be played by keyboard alone, and each step is announced', async ({
		page,
	}) => {
		await page.goto(path);
		const diagram = page.locator('#proxy-flow');
		const now = diagram.locator('.now');
		await expect(now).toHaveAttribute('aria-live', 'polite');

		// Tab from the scrollable diagram into its controls: Restart, Back, Play, Next.
		await diagram.locator('.canvas').focus();
		await page.keyboard.press('Tab');
		await expect(diagram.getByRole('button', { name: 'Restart' })).toBeFocused();
		await page.keyboard.press('Tab');
		await page.keyboard.press('Tab');
		await page.keyboard.press('Tab');
		await expect(diagram.getByRole('button', { name: 'Next' })).toBeFocused();

		await page.keyboard.press('Enter');
		expect(await activeStep(diagram)).toBe('0');
		await expect(now).toHaveText('Step 1 of 4: Browser → App server: GET /whoami + session cookie');
		await page.keyboard.press('Space');
		expect(await activeStep(diagram)).toBe('1');
		await expect(now).toContainText('Step 2 of 4: App server → PocketBase');
		await expect(diagram.locator('.steps li').nth(1)).toHaveAttribute('aria-current', 'step');
		// The other messages step back (dimmed); the active one does not.
		const opacity = (selector: string) =>
			diagram.locator(selector).evaluate((el) => Number(getComputedStyle(el).opacity));
		expect(await opacity('[data-et="message"][data-step="2"]')).toBeLessThan(0.5);
		expect(await opacity('[data-et="message"][data-step="1"]')).toBe(1);
		// Each step has its own address.
		await expect(page).toHaveURL(/#proxy-flow\/step-2$/);

		await page.keyboard.press('Shift+Tab');
		await page.keyboard.press('Shift+Tab');
		await expect(diagram.getByRole('button', { name: 'Back' })).toBeFocused();
		await page.keyboard.press('Enter');
		expect(await activeStep(diagram)).toBe('0');
	});
});

test('a step link opens the diagram at that step', async ({ page }) => {
	await page.goto(`${path}#direct-flow/step-2`);
	const diagram = page.locator('#direct-flow');
	await expect.poll(() => activeStep(diagram)).toBe('1');
	await expect(diagram.locator('.now')).toContainText('Step 2 of 2: PocketBase → Browser');
	await expect(diagram.locator('.canvas > svg')).toBeInViewport();

	// Following a link to another step from the list moves there. (Browsers open the list by
	// themselves when the link's target is inside it; open it if this one did not.)
	const details = diagram.locator('details');
	if (!(await details.evaluate((el: HTMLDetailsElement) => el.open)))
		await diagram.locator('summary').click();
	await diagram.locator('.steps a').first().click();
	await expect.poll(() => activeStep(diagram)).toBe('0');
});

test('with motion allowed, a diagram plays by itself when it comes into view, packet and all', async ({
	page,
}) => {
	await page.goto(path);
	const diagram = page.locator('#proxy-flow');
	// At half speed the run lasts about 12 s, so Pause below lands well before its end. Choosing a
	// speed is not taking over: the diagram still starts by itself.
	await diagram.getByLabel('Speed').selectOption('0.5');
	await diagram.evaluate((el) => el.scrollIntoView({ block: 'center' }));
	const stepWithPacket = await firstSeen(page, 'proxy-flow', 4000, 'packet');
	expect(stepWithPacket).not.toBeNull();
	expect(stepWithPacket).not.toBe('');
	// Pause holds the current step.
	await diagram.getByRole('button', { name: 'Pause' }).click();
	const held = await activeStep(diagram);
	await page.waitForTimeout(1500);
	expect(await activeStep(diagram)).toBe(held);
	await expect(diagram.getByRole('button', { name: 'Play' })).toBeVisible();
});

test.describe('theme', () => {
	// Still pictures: no autoplay or colour transition may run between the two readings.
	test.use({ reducedMotion: 'reduce' });

	test('switching the Starlight theme repaints the diagram from CSS, without re-rendering it', async ({
		page,
	}) => {
		await page.goto(path);
		const diagram = page.locator('#direct-flow');
		const paint = () =>
			diagram.evaluate((el) => {
				const line = el.querySelector('[data-et="message"]')!;
				const actor = el.querySelector('rect.actor')!;
				const text = el.querySelector('text.messageText')!;
				return {
					stroke: getComputedStyle(line).stroke,
					actorFill: getComputedStyle(actor).fill,
					textFill: getComputedStyle(text).fill,
				};
			});
		const svgBefore = await diagram
			.locator('.canvas > svg')
			.evaluate((svg) => svg.innerHTML.length);

		await page.evaluate(() => (document.documentElement.dataset['theme'] = 'dark'));
		const dark = await paint();
		await page.evaluate(() => (document.documentElement.dataset['theme'] = 'light'));
		const light = await paint();

		expect(light.stroke).not.toBe(dark.stroke);
		expect(light.actorFill).not.toBe(dark.actorFill);
		expect(light.textFill).not.toBe(dark.textFill);
		expect(await diagram.locator('.canvas > svg').evaluate((svg) => svg.innerHTML.length)).toBe(
			svgBefore
		);
	});
});

test('replay(timeline) replays a demo’s timings to scale and labels each hop measured or modelled', async ({
	page,
}) => {
	await page.goto(path);
	const diagram = page.locator('#proxy-flow');
	const rejected = await diagram.evaluate((el: HTMLElementTagNameMap['sequence-diagram']) =>
		el.replay([{ message: 9, start: 0, duration: 1, kind: 'measured' }]).then(
			() => '',
			(error: unknown) => String(error)
		)
	);
	expect(rejected).toContain('message must be an integer from 0 to 3');

	await diagram.locator('select').selectOption('2');
	await diagram.evaluate((el: HTMLElementTagNameMap['sequence-diagram']) =>
		el.replay([
			{ message: 0, start: 0, duration: 40, kind: 'modelled', label: 'to the server' },
			{ message: 1, start: 43, duration: 6.2, kind: 'measured' },
			{ message: 2, start: 49.2, duration: 6.2, kind: 'measured' },
			{ message: 3, start: 58, duration: 40, kind: 'modelled' },
		])
	);
	await expect(diagram.locator('.hop-label')).toHaveText([
		'to the server: 40 ms, modelled',
		'6.2 ms, measured',
		'6.2 ms, measured',
		'40 ms, modelled',
	]);
	await expect(diagram.locator('.hop-label[data-kind="measured"]')).toHaveCount(2);
	await expect(diagram.locator('.steps li').nth(1).locator('.hop-time')).toHaveText(
		'6.2 ms, measured'
	);
	await expect(diagram.locator('.now')).toHaveText('Played all 4 steps.');
});

test.describe('on a 320 px screen', () => {
	test.use({ viewport: { width: 320, height: 700 } });

	test('a wide diagram scrolls sideways instead of shrinking its text', async ({ page }) => {
		await page.goto(path);
		const canvas = page.locator('#proxy-flow .canvas');
		const { scale, overflows } = await canvas.evaluate((el) => {
			const svg = el.querySelector('svg')!;
			return {
				scale: svg.getBoundingClientRect().width / svg.viewBox.baseVal.width,
				overflows: el.scrollWidth > el.clientWidth,
			};
		});
		expect(scale).toBeGreaterThanOrEqual(0.75);
		expect(overflows).toBe(true);
		// The page itself does not scroll sideways.
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			320
		);
	});
});

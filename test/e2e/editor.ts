/**
 * Drives n8n's editor in headless Chromium (Debian's package, through playwright-core) as an
 * operator would: log in, open the node panel, search a vendor, read the actions n8n lists for
 * our node, add one and fill a field. Only 127.0.0.1 is reachable from the page.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

import { chromium, selectors, type Browser, type Page } from 'playwright-core';

import { OWNER, ROOT } from '../../scripts/n8n-server';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * Where the editor pictures go: test-results/screenshots/ (ignored by git) on every run, so
 * `npm test` leaves the work tree clean; docs/ (the README's pictures) only with SCREENSHOTS=docs,
 * which `npm run screenshots` sets.
 */
export const SCREENSHOT_DIR = process.env.SCREENSHOTS === 'docs' ? path.join(ROOT, 'docs') : path.join(ROOT, 'test-results', 'screenshots');

export function screenshotPath(name: string): string {
	mkdirSync(SCREENSHOT_DIR, { recursive: true });
	return path.join(SCREENSHOT_DIR, name);
}

/** The scripts operators type (fontconfig language codes) that the editor ships no font for. */
export const OPERATOR_SCRIPTS = ['th', 'vi', 'zh-tw'] as const;

/** The operator scripts no installed font covers (all of them when fontconfig itself is missing). */
export function missingFonts(): string[] {
	return OPERATOR_SCRIPTS.filter((lang) => {
		try {
			return execFileSync('fc-list', [`:lang=${lang}`, 'family'], { encoding: 'utf8' }).trim() === '';
		} catch {
			return true;
		}
	});
}

/**
 * Runs in the page (a string, as this project compiles without the DOM types): the characters of
 * `sample` drawn as the missing-glyph box in the page's own font stack. Each is drawn on a canvas
 * and compared with U+0378, which is unassigned, so no font has it.
 */
const BOXED_CHARACTERS = `(sample) => {
	const family = getComputedStyle(document.body).fontFamily;
	const draw = (chars) => {
		const canvas = document.createElement('canvas');
		canvas.width = 64;
		canvas.height = 48;
		const context = canvas.getContext('2d');
		context.font = '32px ' + family;
		context.fillText(chars, 8, 36);
		return canvas.toDataURL();
	};
	const box = draw('\\u0378');
	return [...sample].filter((char) => char.trim() !== '' && draw(char) === box);
}`;

/** The characters of `text` the page cannot draw (empty boxes); empty when every one has a glyph. */
export async function unrenderedCharacters(page: Page, text: string): Promise<string[]> {
	return (await page.evaluate(`(${BOXED_CHARACTERS})(${JSON.stringify(text)})`)) as string[];
}

export async function openEditor(url: string): Promise<{ browser: Browser; page: Page }> {
	if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}: run "apt-get install -y chromium" (scripts/ensure-chromium.sh does it)`);
	const missing = missingFonts();
	if (missing.length) throw new Error(`No font covers ${missing.join(', ')}: Thai and Chinese would show as empty boxes. Run "apt-get install -y fonts-noto-core fonts-noto-cjk" (scripts/ensure-chromium.sh does it)`);
	selectors.setTestIdAttribute('data-test-id');
	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
	// The editor is served by n8n itself; anything else (the npm registry lookup of the package) is blocked.
	await context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
	const page = await context.newPage();
	await page.goto(`${url}/signin`);
	await page.fill('input[name=emailOrLdapLoginId]', OWNER.email);
	await page.fill('input[name=password]', OWNER.password);
	await page.getByTestId('form-submit-button').click();
	await page.waitForURL(/home|workflows/, { timeout: 30_000 });
	return { browser, page };
}

/** Searches the node panel for `search` and returns the trigger and action names n8n lists for `nodeName`. */
export async function listActions(page: Page, url: string, search: string, nodeName: string): Promise<string[]> {
	await page.goto(`${url}/workflow/new`);
	await page.getByTestId('canvas-add-button').click({ timeout: 30_000 });
	await page.getByTestId('node-creator-search-bar').fill(search);
	await page.getByTestId('node-creator-item-name').filter({ hasText: new RegExp(`^${nodeName}$`) }).first().click();
	const actionsHeader = page.getByText(/^Actions \(\d+\)$/);
	await actionsHeader.click();
	await page.waitForTimeout(300);
	// A long list (a node with its trigger's events too) is rendered as it scrolls: read it while
	// scrolling to the end, until a few turns of the wheel bring nothing new (bounded).
	const items = page.getByTestId('node-creator-item-name');
	const seen = new Set<string>();
	const listed: string[] = [];
	for (let turn = 0, idle = 0; turn < 60 && idle < 3; turn++) {
		const before = seen.size;
		for (const name of await items.allInnerTexts()) {
			if (seen.has(name)) continue;
			seen.add(name);
			listed.push(name);
		}
		idle = seen.size === before ? idle + 1 : 0;
		await items.last().hover();
		await page.mouse.wheel(0, 600);
		await page.waitForTimeout(150);
	}
	return listed;
}

/** Adds the action named `action` (from the open panel), fills `parameter` and saves a screenshot. */
export async function addActionAndFill(page: Page, action: string, parameter: string, value: string, screenshot: string): Promise<void> {
	await page.getByTestId('node-creator-item-name').filter({ hasText: action }).first().click();
	await page.getByTestId('ndv').waitFor({ state: 'visible', timeout: 15_000 });
	const input = page.getByTestId(`parameter-input-${parameter}`).locator('input, textarea').first();
	await input.fill(value);
	await input.blur();
	await page.waitForTimeout(300);
	await page.screenshot({ path: screenshot });
}

export interface PanelEntry {
	name: string;
	/** The words n8n shows under the name ('' when it shows none). */
	description: string;
}

/** Searches the node panel of a new workflow for `search` and returns every entry it lists. */
export async function panelEntries(page: Page, url: string, search: string): Promise<PanelEntry[]> {
	await page.goto(`${url}/workflow/new`);
	await page.getByTestId('canvas-add-button').click({ timeout: 30_000 });
	await page.getByTestId('node-creator-search-bar').fill(search);
	const entries = page.locator('[data-test-id=node-creator-action-item], [data-test-id=node-creator-node-item]');
	await entries.first().waitFor({ timeout: 15_000 });
	await page.waitForTimeout(300);
	const shown: PanelEntry[] = [];
	for (const entry of await entries.all()) {
		const [description = ''] = await entry.getByTestId('node-creator-item-description').allInnerTexts();
		shown.push({ name: (await entry.getByTestId('node-creator-item-name').innerText()).trim(), description: description.trim() });
	}
	return shown;
}

/**
 * In the open node's `parameter` picker (a resource locator in "From List" mode): types `search`
 * into the list's search box, waits for n8n to show the vendor's answer and picks the entry named
 * `itemName` (a picture of the open list goes to `screenshot`). Returns the names the list showed.
 */
export async function pickFromList(page: Page, parameter: string, search: string, itemName: string, screenshot?: string): Promise<string[]> {
	try {
		await page.getByTestId(`resource-locator-${parameter}`).getByTestId('rlc-input').click();
		// n8n puts the search box's test id on its input or on the input's wrapper, depending on the version.
		const searchBox = page.locator('input[data-test-id=rlc-search], [data-test-id=rlc-search] input').first();
		await searchBox.waitFor({ state: 'visible', timeout: 15_000 });
		await searchBox.fill(search);
		const item = page.getByTestId('rlc-item').filter({ hasText: itemName });
		await item.first().waitFor({ state: 'visible', timeout: 15_000 });
		const listed = await page.getByTestId('rlc-item').allInnerTexts();
		if (screenshot) await page.screenshot({ path: screenshot });
		await item.first().click();
		await page.waitForTimeout(300);
		return listed.map((text) => text.trim());
	} catch (error) {
		await page.screenshot({ path: screenshotPath(`pick-${parameter}-failed.png`) });
		throw error;
	}
}

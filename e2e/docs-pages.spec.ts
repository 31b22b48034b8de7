// The docs site: every page loads without console errors and every live example on it runs
// and shows the timeline its source promises. Pages come from the built search index, so a
// new page is tested without touching this file. Each page also passes axe's WCAG A/AA checks.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { accessibilityViolations } from './axe';

const SCREENS = 'test-results/screens';
// The build the preview serves (DOCS_DIST overrides it for a preview of another folder).
const dist = process.env.DOCS_DIST ?? resolve(import.meta.dirname, '../dist');
const indexFile = resolve(dist, 'docs/search-index.json');
const index = existsSync(indexFile)
  ? (JSON.parse(readFileSync(indexFile, 'utf8')) as { slug: string; title: string }[])
  : [];

test('the docs are built', () => {
  expect(index.length, `${indexFile} is missing: run pnpm run build first`).toBeGreaterThan(0);
});

/** Console errors and page errors seen while `page` is open. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

for (const { slug, title } of index) {
  test(`docs page ${slug} loads and its examples match their timelines`, async ({ page }) => {
    test.setTimeout(120_000);
    const errors = collectErrors(page);
    await page.goto(`/docs/${slug}.html`);
    await expect(page.locator('main h1').first()).toBeVisible();
    await expect(page).toHaveTitle(new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    const figures = page.locator('figure.live-example');
    const count = await figures.count();
    const sandboxes = page.locator('iframe[title="hookscope sandbox"]');
    if (count > 3) {
      // Examples far below the fold have not started: no sandbox yet.
      await expect(figures.nth(count - 1).getByTestId('live-example')).toHaveAttribute(
        'data-phase',
        'idle',
      );
      expect(await sandboxes.count()).toBeLessThan(count);
    }
    // Scroll every example into view first: each starts its own sandbox as it appears, so
    // they run side by side; then check them one by one.
    for (let i = 0; i < count; i++) await figures.nth(i).scrollIntoViewIfNeeded();
    for (let i = 0; i < count; i++) {
      const live = figures.nth(i).getByTestId('live-example');
      await expect(live).toHaveAttribute('data-phase', /done|error/, { timeout: 30_000 });
      await expect(live).toHaveAttribute('data-phase', 'done');
      const result = live.locator('.result');
      const expectedHooks = (await result.getAttribute('data-expected-hooks')) ?? '';
      const expectedLibraries = (await result.getAttribute('data-expected-libraries')) ?? '';
      await expect(result).toHaveAttribute('data-observed-hooks', expectedHooks);
      await expect(result).toHaveAttribute('data-observed-libraries', expectedLibraries);
      await expect(live.getByTestId('verdict')).toHaveAttribute('data-matches', 'true');
    }
    // One sandbox per example: they ran independently.
    await expect(sandboxes).toHaveCount(count);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SCREENS}/docs-${slug}.png` });
    expect(errors).toEqual([]);
    // Every example has run and drawn its timeline: the page as a reader meets it.
    expect(await accessibilityViolations(page)).toEqual([]);
  });
}

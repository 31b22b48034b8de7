// The docs' live examples beyond running: editing re-runs, "open in studio" reproduces the
// example, the iframe route (the copy-paste embed) runs it, search finds pages, and the pages'
// text is there without JavaScript.
import { expect, type Locator, type Page, test } from '@playwright/test';
import { Studio } from './studio';

const SCREENS = 'test-results/screens';

async function openExample(page: Page, slug: string, id: string): Promise<Locator> {
  await page.goto(`/docs/${slug}.html`);
  const live = page.locator(`figure#example-${id}`).getByTestId('live-example');
  await live.scrollIntoViewIfNeeded();
  await expect(live).toHaveAttribute('data-phase', 'done', { timeout: 30_000 });
  return live;
}

test('an edited example runs again and its timeline follows the edit', async ({ page }) => {
  const live = await openExample(page, 'tutorial', 'tutorial-classify');
  await expect(live.getByTestId('verdict')).toHaveAttribute('data-matches', 'true');
  // The tabs work from the keyboard: Config → the library → Packets.
  await live.getByRole('tab', { name: 'Config' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(live.getByRole('tab', { name: 'Packets' })).toHaveAttribute('aria-selected', 'true');
  await expect(live.getByRole('tab', { name: 'Packets' })).toBeFocused();
  await live.getByRole('textbox').fill('discover 00:0c:01:02:03:06\n');
  await expect(live.getByTestId('example-status')).toContainText('Run 2', { timeout: 20_000 });
  await expect(live.locator('.result')).toHaveAttribute(
    'data-observed-hooks',
    'pkt4_receive,pkt4_send',
  );
  await expect(live.getByTestId('verdict')).toHaveText('differs from the original example');

  // An edit of the library: pkt4_send no longer exported.
  await live.getByRole('tab', { name: 'libtutorial.so' }).click();
  const source = live.getByRole('textbox');
  const text = await source.inputValue();
  await source.fill(text.replace('export function pkt4_send', 'function pkt4_send'));
  await expect(live.getByTestId('example-status')).toContainText('Run 3', { timeout: 20_000 });
  await expect(live.locator('.result')).toHaveAttribute('data-observed-hooks', 'pkt4_receive');

  // The inspector shows what the selected callout did.
  await live.getByRole('button', { name: /pkt4_receive of library 1/ }).click();
  await expect(live.getByTestId('inspector')).toContainText('TUTORIAL_INTERESTING');
  await live.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS}/docs-edited-example.png` });
});

test('"open in studio" reproduces the example in the studio', async ({ page, context }) => {
  const live = await openExample(page, 'tutorial', 'tutorial-classify');
  const [studioPage] = await Promise.all([
    context.waitForEvent('page'),
    live.getByRole('button', { name: 'Open in studio' }).click(),
  ]);
  const studio = new Studio(studioPage);
  // The studio shows a shared workspace's code and asks before running it.
  const review = studioPage.getByRole('dialog', { name: 'Shared workspace' });
  await expect(review).toContainText('/usr/local/lib/libtutorial.so', { timeout: 20_000 });
  await review.getByRole('button', { name: 'Open and run this workspace' }).click();
  await expect(studioPage.getByLabel('Workspace').locator('option:checked')).toHaveText(
    'Docs: The tutorial library',
  );
  // The studio opens the run in its trace debugger: the example's timeline is there.
  const studioDebugger = studioPage.getByRole('region', { name: 'Trace debugger view' });
  await expect(studioDebugger.getByText('pkt4_receive').first()).toBeVisible({ timeout: 20_000 });
  await studio.screenshot('docs-opened-in-studio-debugger');
  await studioDebugger
    .getByRole('button', { name: /^Close/ })
    .first()
    .click();
  await expect(studio.pane('Packets').getByRole('row')).toHaveCount(4);
  await expect(studio.runStatus()).toHaveText(/^Run finished/, { timeout: 20_000 });
  await studio.showRunTab('Files');
  const file = studio.pane('Run').getByRole('figure');
  await expect(file).toContainText('/data/clients/interesting.log');
  await expect(file).toContainText('hwtype=1 00:0c:01:02:03:06 192.0.2.10');
  await studio.screenshot('docs-opened-in-studio');
  await studioPage.close();

  // The example's own trace debugger (the studio's, embedded) steps through the same run.
  await live.getByRole('button', { name: /Step through this run in the trace debugger/ }).click();
  const debuggerView = live.getByRole('region', { name: 'Trace debugger' });
  await expect(debuggerView).toBeVisible({ timeout: 20_000 });
  await debuggerView.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS}/docs-example-trace-debugger.png` });
});

test('the embed snippet shows a runnable example through the iframe route', async ({ page }) => {
  const live = await openExample(page, 'multiple-libraries', 'data-scope-arguments');
  await live.getByRole('button', { name: 'Embed' }).click();
  const snippet = await live.getByRole('textbox', { name: /Paste this/ }).inputValue();
  const src = /src="([^"]+)"/.exec(snippet)?.[1];
  expect(src).toMatch(/\/docs\/embed\.html#example=/);
  // The snippet itself, in a page of "another site" (here: a blank page with the iframe).
  await page.setContent(`<h1>Someone else's page</h1>${snippet}`);
  const frame = page.frameLocator('iframe[title^="hookscope example"]');
  const embedded = frame.getByTestId('live-example');
  await expect(embedded).toHaveAttribute('data-phase', 'done', { timeout: 30_000 });
  await expect(embedded.getByTestId('verdict')).toHaveAttribute('data-matches', 'true');
  await expect(embedded.locator('.result')).toHaveAttribute(
    'data-observed-libraries',
    '/usr/lib/library1.so,/opt/library2.so',
  );
  await page.screenshot({ path: `${SCREENS}/docs-embed-snippet.png` });
});

test('search finds pages by their words and headings', async ({ page }) => {
  await page.goto('/docs/index.html');
  const search = page.getByRole('searchbox', { name: 'Search the docs' });
  await search.fill('exact type');
  const results = page.getByRole('list', { name: 'Search results' });
  await expect(results.getByRole('link').first()).toHaveText(/Arguments and the exact-type rule/);
  await search.fill('lease4_decline');
  await expect(results.getByRole('link').first()).toHaveText(/kea-dhcp4 › lease4_decline/);
  await page.screenshot({ path: `${SCREENS}/docs-search.png` });
  await results.getByRole('link').first().click();
  await expect(page).toHaveURL(/hooks-dhcp4\.html#lease4_decline$/);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('a page shows its text, navigation and examples as plain code', async ({ page }) => {
    await page.goto('/docs/tutorial.html');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Tutorial: classifying clients',
    );
    await expect(page.getByText('The decision can be taken as soon as the query')).toBeVisible();
    await expect(
      page.getByRole('navigation', { name: 'Docs pages' }).getByRole('link'),
    ).toHaveCount(17);
    const figure = page.locator('figure#example-tutorial-classify');
    await expect(figure).toContainText('"hooks-libraries"');
    await expect(figure).toContainText('Expected timeline: hooks pkt4_receive → pkt4_send');
    await figure.getByText('Library /usr/local/lib/libtutorial.so').click();
    await expect(figure).toContainText('export function pkt4_receive');
    await page.screenshot({ path: `${SCREENS}/docs-without-javascript.png` });
  });
});

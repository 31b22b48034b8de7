// Issue 7's "every control reachable by keyboard, with accessible names; shortcuts listed in
// the UI": axe-core's WCAG A/AA checks over the studio and the trace debugger, and the
// debugger driven with the keyboard alone, from opening it to stepping and reading the list
// of shortcuts. (The docs pages get the same axe check in docs-pages.spec.ts.)
import { expect, type Page, test } from '@playwright/test';
import { accessibilityViolations, MONACO_GUTTER } from './axe';
import { SCREENS, Studio } from './studio';

/** What has the keyboard focus: its role-relevant tag and its accessible name. */
async function focused(page: Page): Promise<{ tag: string; name: string; inDebugger: boolean }> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element) return { tag: '', name: '', inDebugger: false };
    const labelled = element.getAttribute('aria-labelledby');
    const name =
      element.getAttribute('aria-label') ??
      (labelled ? (document.getElementById(labelled)?.textContent ?? '') : '');
    return {
      tag: element.tagName.toLowerCase(),
      name: (name || element.textContent || '').trim(),
      inDebugger: element.closest('[aria-label="Trace debugger"]') !== null,
    };
  });
}

test('the studio and the trace debugger pass the WCAG A/AA checks axe can make', async ({
  page,
}) => {
  const studio = await new Studio(page).open();
  await studio.openExample('The hooks guide tutorial');
  await studio.waitForRun();
  await studio.showRunTab('Hook sequence');
  // Hooks reached without callouts are drawn faintly, and still have to be readable.
  await expect(page.locator('.hook-sequence li.faint').first()).toBeVisible();
  expect(await accessibilityViolations(page, { exclude: [MONACO_GUTTER] })).toEqual([]);

  await page.getByRole('button', { name: 'Open trace debugger' }).click();
  await page.getByLabel('Trace', { exact: true }).selectOption('data-scope');
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await expect(inspector).toBeVisible();
  // A callout that changed its library's context: the inspector shows a highlighted diff.
  await expect(inspector.getByRole('region', { name: /^Context of library 1/ })).toContainText(
    'changed',
  );
  expect(await accessibilityViolations(page, { include: '[aria-label="Trace debugger"]' })).toEqual(
    [],
  );
});

test('the trace debugger is driven with the keyboard alone', async ({ page }) => {
  await new Studio(page).open();
  // Open the debugger from the keyboard.
  const open = page.getByRole('button', { name: 'Open trace debugger' });
  await open.focus();
  await page.keyboard.press('Enter');
  const trace = page.getByLabel('Trace', { exact: true });
  await expect(trace).toBeVisible();
  await trace.focus();
  await trace.selectOption('data-scope');
  const position = page.getByTestId('debugger-position');
  await expect(position).toContainText('callout 1 of 6');

  // Tab through the debugger: every stop has a name, and every step control is reached.
  const reached: string[] = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const stop = await focused(page);
    if (!stop.inDebugger) {
      if (reached.length > 0) break; // left the debugger: the tour is over
      continue;
    }
    expect(stop.name, `a ${stop.tag} in the debugger has no accessible name`).not.toBe('');
    reached.push(stop.name);
  }
  for (const control of [
    'Next callout',
    'Previous callout',
    'Next hook',
    'Previous hook',
    'Next request',
    'Previous request',
    'Run to next breakpoint',
    'Run back to previous breakpoint',
    'Breakpoint on this callout',
    'Keyboard shortcuts',
    'Add breakpoint',
    'putopt on gamma, library 2',
  ]) {
    expect(reached, `Tab never reaches "${control}"`).toContain(control);
  }

  // Buttons work from the keyboard: Enter on "Next hook" moves the cursor to beta.
  await page.getByRole('button', { name: 'Next hook' }).focus();
  await page.keyboard.press('Enter');
  await expect(position).toContainText('callout 3 of 6');
  await expect(position).toContainText('on beta');
  // A timeline cell chosen with Enter becomes the cursor.
  await page.getByRole('button', { name: 'add_option on gamma, library 1' }).focus();
  await page.keyboard.press('Enter');
  await expect(position).toContainText('callout 5 of 6');
  await expect(
    page.getByRole('region', { name: 'Inspector' }).getByRole('heading').first(),
  ).toContainText('add_option');

  // The shortcuts are listed in the UI, each with its key.
  const shortcuts = page.getByRole('group').filter({ hasText: 'Keyboard shortcuts' });
  await shortcuts.locator('summary').focus();
  await page.keyboard.press('Enter');
  const listed: readonly (readonly [string, string])[] = [
    ['n', 'Next callout'],
    ['h', 'Next hook'],
    ['r', 'Next request'],
    ['c', 'Run to next breakpoint'],
    ['b', 'Breakpoint on this callout'],
  ];
  for (const [key, label] of listed) {
    await expect(shortcuts.getByText(label, { exact: true })).toBeVisible();
    await expect(shortcuts.locator('kbd', { hasText: new RegExp(`^${key}$`) })).toHaveCount(1);
  }
  await page.screenshot({ path: `${SCREENS}/debugger-keyboard.png` });
});

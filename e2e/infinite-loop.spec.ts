import { expect, test } from '@playwright/test';
import { Studio } from './studio';

const PATH = '/usr/lib/kea/hooks/libloop.so';
const LOOP = `import { KEA_HOOKS_VERSION } from '@hookscope/engine';
export function version(): number { return KEA_HOOKS_VERSION; }
export function multi_threading_compatible(): number { return 1; }
export function pkt4_receive(): number {
  while (true) {}
}
`;

test('an endless loop in a callout is stopped with a message, and the page stays usable', async ({
  page,
}) => {
  const studio = await new Studio(page).open();
  await page.getByLabel('Time budget (ms)').fill('1000');
  await page.getByRole('button', { name: 'Add built packet' }).click();
  await studio.addLibrary(PATH);
  await studio.addToHooksLibraries(PATH);
  await studio.replaceEditorText(`Source of ${PATH}`, LOOP);

  const failure = studio.pane('Run').getByRole('alert');
  await expect(failure).toContainText('longer than its budget of 1000 ms', { timeout: 20_000 });
  await studio.screenshot('infinite-loop-stopped');

  // The page answers: rename the workspace, then fix the library and run again.
  await page.getByLabel('Name', { exact: true }).fill('Still here');
  await expect(page.getByLabel('Workspace').locator('option:checked')).toHaveText('Still here');
  await studio.replaceEditorText(`Source of ${PATH}`, LOOP.replace('while (true) {}', 'return 0;'));
  await expect(async () => {
    expect(await studio.waitForRun()).toMatch(/^Run finished/);
  }).toPass({ timeout: 20_000 });
  await expect(failure).toHaveCount(0);
  await studio.screenshot('infinite-loop-fixed');
});

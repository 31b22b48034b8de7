import { expect, test } from '@playwright/test';
import { Studio } from './studio';

test('a reload loses nothing: config, libraries, packets, workspaces', async ({ page }) => {
  const studio = await new Studio(page).open();
  await studio.replaceEditorText(
    'Kea config text',
    '{ # kept across reloads\n  "Dhcp4": { "hooks-libraries": [] }\n}\n',
  );
  await studio.addLibrary('/usr/lib/kea/hooks/libkeep.so');
  await studio.addToHooksLibraries('/usr/lib/kea/hooks/libkeep.so');
  await page.getByRole('button', { name: 'Add built packet' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Kept workspace');
  await page.getByRole('button', { name: 'New workspace' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Second one');
  await studio.screenshot('reload-before');
  // IndexedDB writes are asynchronous: give the last one a moment before the reload.
  await page.waitForTimeout(300);
  await page.reload();

  await expect(page.getByLabel('Workspace')).toHaveValue(/.+/);
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Second one');
  await page.getByLabel('Workspace').selectOption({ label: 'Kept workspace' });
  await expect(page.getByText('# kept across reloads')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('tab', { name: 'libkeep.so' })).toBeVisible();
  await expect(
    page.getByRole('button', { name: 'Remove /usr/lib/kea/hooks/libkeep.so' }),
  ).toBeVisible();
  await expect(
    studio.pane('Packets').getByRole('table', { name: 'Run steps' }).getByRole('row'),
  ).toHaveCount(2);
  await studio.screenshot('reload-after');
});

import { expect, test } from '@playwright/test';
import { Studio } from './studio';

test('explore', async ({ page }) => {
  page.on('console', (m) => console.log('console', m.type(), m.text()));
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  const studio = await new Studio(page).open();
  await page.getByRole('button', { name: 'Open trace debugger' }).click();
  await page.getByLabel('Trace', { exact: true }).selectOption('data-scope');
  await expect(page.getByRole('region', { name: 'Inspector' })).toBeVisible();
  await studio.screenshot('explore-1');
  await page.getByLabel('Compare with').selectOption('data-scope-reversed');
  await page.waitForTimeout(300);
  await studio.screenshot('explore-2');
});

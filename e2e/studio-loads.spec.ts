import { expect, test } from '@playwright/test';

test('the studio loads offline with no console error', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  const external: string[] = [];
  page.on('request', (r) => {
    // blob: and data: URLs never leave the browser (the sandbox worker starts from a blob)
    const url = r.url();
    if (/^(blob|data):/.test(url)) return;
    if (!url.startsWith('http://127.0.0.1:4179/')) external.push(url);
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'hookscope' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/studio-home.png' });
  expect(errors).toEqual([]);
  expect(external).toEqual([]);
});

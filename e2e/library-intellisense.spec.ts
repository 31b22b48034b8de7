import { expect, test } from '@playwright/test';
import { Studio } from './studio';

const PATH = '/usr/lib/kea/hooks/libmine.so';

test('a library typed in the editor with an IntelliSense completion, run on an imported capture', async ({
  page,
}) => {
  const studio = await new Studio(page).open();
  await studio.addLibrary(PATH);
  await studio.addToHooksLibraries(PATH);
  const editor = await studio.editor(`Source of ${PATH}`);

  // Into pkt4_receive, above `return 0;`: type the start of a method and take the completion.
  await editor.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('End');
  await page.keyboard.press('Home');
  await page.keyboard.type('handle.setSt');
  const suggestion = page.locator('.suggest-widget').getByText('setStatus', { exact: true });
  await expect(suggestion).toBeVisible({ timeout: 20_000 });
  await studio.screenshot('library-intellisense');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('(NextStep.DROP);\n  ');
  await expect(editor).toContainText('handle.setStatus(NextStep.DROP);');

  await studio.importCapture('e2e/fixtures/two-discovers.pcap');
  await expect(
    studio.pane('Packets').getByRole('table', { name: 'Run steps' }).getByRole('row'),
  ).toHaveCount(3);
  await expect(studio.pane('Packets')).toContainText('00:0c:01:02:03:05');

  await expect(async () => {
    expect(await studio.waitForRun()).toMatch(/^Run finished/);
    await studio.showRunTab('Hook sequence');
    await expect(studio.pane('Run').getByText('DROP').first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(studio.pane('Run').getByText(/library 1 · pkt4_receive/)).toHaveCount(2);
  await studio.showRunTab('Responses');
  await expect(studio.pane('Run').getByText('no response (dropped or not answered)')).toHaveCount(
    2,
  );
  await studio.pane('Packets').getByRole('button', { name: 'DHCPDISCOVER' }).first().click();
  await expect(
    studio.pane('Packets').getByRole('region', { name: 'Packet details' }),
  ).toBeVisible();
  await studio.screenshot('library-run-on-capture');
});

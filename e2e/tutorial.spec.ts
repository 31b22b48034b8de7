import { expect, test } from '@playwright/test';
import { Studio } from './studio';

test('the tutorial example, from an empty profile to the line in the virtual log file', async ({
  page,
}) => {
  const studio = await new Studio(page).open();
  await studio.screenshot('tutorial-empty-profile');
  await studio.openExample('The hooks guide tutorial');
  await expect(page.getByLabel('Workspace')).toHaveValue(/.+/);
  await expect(studio.pane('Packets').getByRole('row')).toHaveCount(3);
  expect(await studio.waitForRun()).toMatch(/^Run finished/);
  await expect(
    studio.pane('Libraries').getByRole('region', { name: 'Built-in libraries in this config' }),
  ).toContainText('The hooks guide tutorial');

  await studio.showRunTab('Hook sequence');
  await expect(studio.pane('Run').getByText('pkt4_receive').first()).toBeVisible();
  await studio.showRunTab('Files');
  const file = studio.pane('Run').getByRole('figure');
  await expect(file).toContainText('/data/clients/interesting.log');
  // The interesting client (bytes sum to 24) and the address the server offered it.
  await expect(file).toContainText(/hwtype=1 00:0c:01:02:03:06 192\.0\.2\.\d+/);
  await expect(file).not.toContainText('00:0c:01:02:03:05');
  await studio.screenshot('tutorial-virtual-file');
  await studio.showRunTab('Log');
  await expect(studio.pane('Run').getByRole('table', { name: 'Log records' })).toContainText(
    'TUTORIAL_WRITTEN',
  );
  await studio.screenshot('tutorial-log');
});

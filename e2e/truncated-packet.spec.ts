import { expect, test } from '@playwright/test';
import { Studio } from './studio';

test('a truncated packet gives a clear error', async ({ page }) => {
  const studio = await new Studio(page).open();
  await studio.importCapture('e2e/fixtures/truncated.hex');
  const packets = studio.pane('Packets');
  await expect(packets.getByRole('alert')).toContainText(
    /truncated\.hex: frame 1: truncated or malformed DHCP message at byte 120: expected a 236-byte BOOTP header/,
  );
  await expect(packets.getByRole('row').nth(1)).toContainText('malformed');
  await packets.getByRole('button', { name: 'malformed' }).click();
  await expect(packets.getByRole('region', { name: 'Packet details' })).toContainText(
    /does not decode: at byte \d+: expected/,
  );
  await studio.waitForRun();
  await studio.showRunTab('Responses');
  await expect(studio.pane('Run')).toContainText(
    /packet error: the server cannot parse it and drops it: at byte 120: expected a 236-byte BOOTP header/,
  );
  await studio.screenshot('truncated-packet');
});

// The trace debugger (issue 7), driven as a person would: stepping through the guide's
// data-scope example, SKIP and DROP where they happen, breakpoints, a compare of two library
// orders, export and re-import, and shared links.
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { SCREENS, Studio } from './studio';

const FIXTURES = 'e2e/fixtures/debugger';

/** A workspace as a share link holds it (raw DEFLATE, base64url: what fflate reads). */
function shareHash(workspace: object, extra = ''): string {
  const text = deflateRawSync(Buffer.from(JSON.stringify(workspace))).toString('base64url');
  return `/#debug&source=run${extra}&ws=${text}`;
}

/** The debugger's parts, named as on screen. */
class Debugger {
  constructor(readonly page: Page) {}

  async open(source?: 'data-scope' | 'data-scope-reversed' | 'run'): Promise<this> {
    await this.page.getByRole('button', { name: 'Open trace debugger' }).click();
    if (source) await this.page.getByLabel('Trace', { exact: true }).selectOption(source);
    await expect(this.inspector()).toBeVisible();
    return this;
  }

  region(): Locator {
    return this.page.getByRole('region', { name: 'Trace debugger', exact: true });
  }
  inspector(): Locator {
    return this.page.getByRole('region', { name: 'Inspector' });
  }
  timeline(): Locator {
    return this.page.getByRole('region', { name: 'Timeline', exact: true });
  }
  position(): Locator {
    return this.page.getByTestId('debugger-position');
  }
  /** A row of the inspector's Arguments or Context table: [before, after] cells. */
  cells(table: string, name: string): [Locator, Locator] {
    const row = this.inspector()
      .getByRole('region', { name: table })
      .locator(`tr[data-name="${name}"]`);
    return [row.locator('td.before'), row.locator('td.after')];
  }
  async press(key: string): Promise<void> {
    // Leave any form control, so the key reaches the debugger's shortcuts.
    await this.region()
      .getByRole('heading', { name: /^Requests/ })
      .click();
    await this.page.keyboard.press(key);
  }
  async shot(name: string): Promise<void> {
    await this.timeline().screenshot({ path: `${SCREENS}/${name}-timeline.png` });
    await this.inspector().screenshot({ path: `${SCREENS}/${name}-inspector.png` });
  }
}

test('stepping through the data-scope example shows what the guide’s figures say', async ({
  page,
}) => {
  await new Studio(page).open();
  const d = await new Debugger(page).open('data-scope');
  const t = d.timeline();
  // The figures: hooks alpha, beta, gamma across; library 1 and library 2 down; six callouts.
  await expect(t.locator('.hook-label')).toHaveText(['alpha', 'beta', 'gamma']);
  await expect(t.locator('.library-label')).toHaveText([
    /1\s*\/usr\/lib\/library1\.so/,
    /2\s*\/opt\/library2\.so/,
  ]);
  await expect(t.locator('.argument-line')).toHaveCount(3);
  await expect(t.locator('.context-line')).toHaveCount(2);
  await expect(t.getByRole('button')).toHaveCount(6);
  const log = d.inspector().getByRole('region', { name: 'Made by this callout' });

  // 1. alpha, library 1 (authorize): sees the client, puts foo = 2 in library 1's context.
  await expect(d.position()).toContainText('callout 1 of 6');
  await expect(d.position()).toContainText('on alpha, library 1');
  await expect(d.cells('Arguments', 'client')[0]).toContainText('"client-a"');
  await expect(d.cells('Context of library 1', 'foo')[0]).toHaveText('(absent)');
  await expect(d.cells('Context of library 1', 'foo')[1]).toHaveText(/number\s*2/);
  await expect(d.cells('Context of library 1', 'foo')[1].locator('.changed')).toHaveCount(1);
  await expect(log).toContainText('authorize stored context "foo" = 2');
  await d.shot('debugger-data-scope-1');

  // 2. alpha, library 2 (logpkt): its own context, without library 1's foo; stores "bar".
  await d.press('n');
  await expect(d.position()).toContainText('on alpha, library 2');
  await expect(d.cells('Context of library 2', 'foo')[0]).toHaveText('(absent)');
  await expect(d.cells('Context of library 2', 'foo')[1]).toHaveText(/string\s*"bar"/);
  await expect(log).toContainText('logpkt stored context "foo" = "bar"');

  // 3. beta, library 1 (check): library 1's context came down from alpha; fresh arguments.
  await d.press('n');
  await expect(d.position()).toContainText('on beta, library 1');
  await expect(d.cells('Context of library 1', 'foo')[0]).toHaveText(/number\s*2/);
  await expect(d.inspector().locator('tr[data-name="$note"]')).toHaveCount(0);
  await expect(log).toContainText('check reads context "foo" = 2');

  // 4. beta, library 2 (validate): library 2's foo is still "bar".
  await d.press('ArrowRight');
  await expect(d.position()).toContainText('on beta, library 2');
  await expect(d.cells('Context of library 2', 'foo')[0]).toHaveText(/string\s*"bar"/);
  await expect(log).toContainText('validate reads context "foo" = "bar"');

  // 5. gamma, library 1 (add_option): leaves a note in gamma's argument list.
  await d.press('n');
  await expect(d.position()).toContainText('on gamma, library 1');
  await expect(d.cells('Arguments', '$note')[0]).toHaveText('(absent)');
  await expect(d.cells('Arguments', '$note')[1]).toContainText('"hello from add_option"');
  await expect(d.cells('Arguments', 'options')[1]).toContainText('library 1 for client-a');

  // 6. gamma, library 2 (putopt): the argument passed along the hook from library 1.
  await d.press('n');
  await expect(d.position()).toContainText('on gamma, library 2');
  await expect(d.cells('Arguments', '$note')[0]).toContainText('"hello from add_option"');
  await expect(log).toContainText('putopt reads argument "$note" = "hello from add_option"');
  await d.shot('debugger-data-scope-6');
  await d.press('n');
  await expect(page.getByTestId('debugger-note')).toHaveText('This is the last callout.');

  // Back a hook, and the step is in the URL.
  await d.press('Shift+H');
  await expect(d.position()).toContainText('on beta, library 1');
  await expect(page).toHaveURL(/step=r0\.c1\.l1\.0\.beta\./);
  await page.screenshot({ path: `${SCREENS}/debugger-data-scope.png` });
});

test('a DROP and a SKIP are shown where they happen', async ({ page }) => {
  const studio = await new Studio(page).open();
  await studio.openExample('Next step: a deny list that drops');
  const d = await new Debugger(page).open();
  await d
    .region()
    .getByRole('button', { name: /\(denied\)/ })
    .click();
  const drop = d
    .timeline()
    .getByRole('button', { name: /on pkt4_receive.*status CONTINUE to DROP/ });
  await expect(drop).toBeVisible();
  await expect(drop.locator('.badge')).toHaveText('DROP');
  await expect(d.timeline().locator('.hook-label', { hasText: 'pkt4_receive' })).toContainText(
    '→ DROP',
  );
  // Nothing after pkt4_receive: the packet was dropped there.
  await expect(d.timeline().locator('.hook-label', { hasText: 'lease4_select' })).toHaveCount(0);
  await drop.click();
  await expect(page.getByTestId('inspector-status')).toHaveText('CONTINUE → DROP');
  await d.shot('debugger-drop');

  // SKIP in lease4_select: a workspace of built-in libraries only opens without a question.
  const skip = JSON.parse(readFileSync(`${FIXTURES}/skip-workspace.json`, 'utf8'));
  await page.goto('about:blank');
  await page.goto(shareHash(skip));
  await expect(page.getByRole('dialog', { name: 'Shared workspace' })).toHaveCount(0);
  await expect(d.inspector()).toBeVisible();
  await d
    .region()
    .getByRole('button', { name: /\(listed\)/ })
    .click();
  const skipped = d.timeline().getByRole('button', {
    name: /on lease4_select.*status CONTINUE to SKIP/,
  });
  await expect(skipped.locator('.badge')).toHaveText('SKIP');
  await skipped.click();
  await expect(page.getByTestId('inspector-status')).toHaveText('CONTINUE → SKIP');
  await d.shot('debugger-skip');
});

test('breakpoints stop where they are set', async ({ page }) => {
  await new Studio(page).open();
  const d = await new Debugger(page).open('data-scope');
  const form = page.getByRole('region', { name: 'Breakpoints' });
  await form.getByLabel('Break', { exact: true }).selectOption('hook');
  await form.getByLabel('Which hook').selectOption('gamma');
  await form.getByRole('button', { name: 'Add breakpoint' }).click();
  await d.press('c');
  await expect(d.position()).toContainText('on gamma, library 1');
  await d.press('c');
  await expect(d.position()).toContainText('on gamma, library 2');
  await d.press('c');
  await expect(page.getByTestId('debugger-note')).toHaveText('No breakpoint ahead.');
  await expect(page).toHaveURL(/bp=/);

  // A library breakpoint, from the first callout: library 2's first callout is on alpha.
  await form.getByLabel('Break', { exact: true }).selectOption('library');
  await form.getByLabel('Which library').selectOption('2');
  await form.getByRole('button', { name: 'Add breakpoint' }).click();
  await d
    .region()
    .getByRole('button', { name: /request from client-a/ })
    .click();
  await d.press('c');
  await expect(d.position()).toContainText('on alpha, library 2');
  await d.press('Shift+C');
  await expect(page.getByTestId('debugger-note')).toHaveText('No breakpoint behind.');

  // A condition on the other library order: putopt throws (its note is missing) on gamma.
  await form.getByRole('button', { name: /Remove breakpoint: hook gamma/ }).click();
  await form.getByRole('button', { name: /Remove breakpoint: library 2/ }).click();
  await form.getByLabel('Break', { exact: true }).selectOption('exception');
  await form.getByRole('button', { name: 'Add breakpoint' }).click();
  await page.getByLabel('Trace', { exact: true }).selectOption('data-scope-reversed');
  await d
    .region()
    .getByRole('button', { name: /request from client-a/ })
    .click();
  await d.press('c');
  await expect(d.position()).toContainText('on gamma, library 1');
  await expect(page.getByTestId('inspector-result')).toContainText('threw');
  await expect(page.getByTestId('inspector-status')).toHaveText('CONTINUE → DROP');
  // A breakpoint on the callout under the cursor, from the keyboard.
  await d.press('b');
  await expect(form.getByRole('listitem')).toHaveCount(2);
  await expect(form).toContainText(/callout .* on gamma in library 1/);
  await page.screenshot({ path: `${SCREENS}/debugger-breakpoints.png` });
});

test('comparing two library orders marks the first difference', async ({ page }) => {
  await new Studio(page).open();
  const d = await new Debugger(page).open('data-scope');
  await page.getByLabel('Compare with').selectOption('data-scope-reversed');
  const compare = page.getByRole('region', { name: 'Compare' });
  await expect(page.getByTestId('first-difference')).toContainText(
    'First difference: request 1, hook column 3',
  );
  await expect(page.getByTestId('first-difference')).toContainText('status 0 versus 2');
  await expect(d.timeline().locator('.hook-band.marked')).toHaveCount(1);
  await expect(compare.locator('.callout-cell.marked')).toHaveCount(1);
  await expect(compare.locator('.callout-cell.marked .badge')).toHaveText(['DROP', /threw/]);
  await d.press('d');
  await expect(d.position()).toContainText('callout 5 of 6');
  await expect(d.position()).toContainText('on gamma, library 1');
  await expect(d.timeline().locator('.callout-cell.current.marked')).toHaveCount(1);
  await page.screenshot({ path: `${SCREENS}/debugger-compare.png` });
});

test('an exported trace imports again unchanged', async ({ page }) => {
  await new Studio(page).open();
  const d = await new Debugger(page).open('data-scope');
  await d.press('n');
  const exportTrace = async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export trace' }).click(),
    ]);
    return readFileSync(await download.path(), 'utf8');
  };
  const first = await exportTrace();
  expect(JSON.parse(first)).toMatchObject({ format: 'hookscope-trace', version: 2 });
  await page.getByLabel('Import a trace', { exact: true }).setInputFiles({
    name: 'exported.json',
    mimeType: 'application/json',
    buffer: Buffer.from(first),
  });
  await expect(page.getByLabel('Trace', { exact: true })).toHaveValue('import');
  await expect(d.timeline().getByRole('button')).toHaveCount(6);
  const second = await exportTrace();
  expect(second).toBe(first);
  // A file that is not a trace says so.
  await page.getByLabel('Import a trace', { exact: true }).setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"something-else"}'),
  });
  await expect(page.getByRole('alert').filter({ hasText: 'hookscope-trace' })).toBeVisible();
});

const USER_LIBRARY = '/opt/hookscope/libshared.so';
const USER_SOURCE = `import { KEA_HOOKS_VERSION } from '@hookscope/engine';
export function version(): number { return KEA_HOOKS_VERSION; }
export function multi_threading_compatible(): number { return 1; }
// Marks every query it sees, in its context.
export function pkt4_receive(handle: { setContext(name: string, value: unknown): void }): number {
  handle.setContext('seen', 1);
  return 0;
}
export function pkt4_send(): number { return 0; }
`;

test('a shared link asks before running its code, then opens on the same step', async ({
  page,
  browser,
}) => {
  const config = `{
  "Dhcp4": {
    "interfaces-config": { "interfaces": [ "eth0" ] },
    "subnet4": [ { "id": 1, "subnet": "192.0.2.0/24",
      "pools": [ { "pool": "192.0.2.10 - 192.0.2.200" } ] } ],
    "hooks-libraries": [ { "library": "${USER_LIBRARY}" } ]
  }
}`;
  const workspace = {
    version: 1,
    name: 'Shared with code',
    family: 'dhcp4',
    keaVersion: '3.3.1',
    config,
    libraries: [{ path: USER_LIBRARY, language: 'ts', source: USER_SOURCE }],
    steps: [
      {
        kind: 'packet',
        id: 'discover',
        hex: readFileSync(`${FIXTURES}/discover.hex`, 'utf8').trim(),
        label: 'DISCOVER from a shared link',
      },
    ],
    // A generous budget: a loaded CI machine must not turn this into a budget failure.
    budgetMs: 10_000,
  };
  await page.goto(shareHash(workspace));
  const review = page.getByRole('dialog', { name: 'Shared workspace' });
  await expect(review).toContainText(USER_LIBRARY);
  await expect(review).toContainText("handle.setContext('seen', 1);");
  await expect(page.getByRole('region', { name: 'Trace debugger' })).toHaveCount(0);
  await page.screenshot({ path: `${SCREENS}/debugger-shared-review.png` });
  await review.getByRole('button', { name: 'Open and run this workspace' }).click();
  const d = new Debugger(page);
  await expect(d.position()).toContainText('on pkt4_receive', { timeout: 20_000 });
  await d.press('n');
  await expect(d.position()).toContainText('on pkt4_send');
  const place = await d.position().textContent();
  await page.getByRole('button', { name: 'Share workspace link' }).click();
  const link = await page.getByLabel(/^Share link/).inputValue();
  expect(link).toMatch(/step=.*pkt4_send/);

  // Someone else opens the link: the code is shown first; nothing runs before the answer.
  const other = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const second = await other.newPage();
  await second.goto(link);
  const ask = second.getByRole('dialog', { name: 'Shared workspace' });
  await expect(ask).toContainText("handle.setContext('seen', 1);");
  const workspaces = second.getByLabel('Workspace', { exact: true });
  await expect(workspaces.locator('option', { hasText: 'Shared with code' })).toHaveCount(0);
  await ask.getByRole('button', { name: 'Open and run this workspace' }).click();
  await expect(second.getByTestId('debugger-position')).toHaveText(place ?? '', {
    timeout: 20_000,
  });
  // The sandbox's own recording: the callout's arguments are there, packets as field trees.
  await expect(second.getByRole('region', { name: 'Inspector' })).toContainText('DHCPDISCOVER');
  await second.screenshot({ path: `${SCREENS}/debugger-shared-step.png` });
  await other.close();
});

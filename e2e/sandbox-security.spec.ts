import { expect, test } from '@playwright/test';
import { Studio } from './studio';

const PATH = '/usr/lib/kea/hooks/libnosy.so';
// Tries the network three ways and the studio's storage, and writes down what it got.
const NOSY = `import { KEA_HOOKS_VERSION } from '@hookscope/engine';
import { files } from '@hookscope/files';
export function version(): number { return KEA_HOOKS_VERSION; }
export function multi_threading_compatible(): number { return 1; }
export function load(): number {
  const got: string[] = [];
  const attempt = (what: string, f: () => string) => {
    try { got.push(what + ': ' + f()); } catch (e) { got.push(what + ' refused: ' + (e as Error).name); }
  };
  attempt('xhr', () => {
    const x = new XMLHttpRequest();
    x.open('GET', 'http://127.0.0.1:4179/index.html', false);
    x.send();
    return 'status ' + x.status + ', ' + x.responseText.length + ' chars';
  });
  attempt('indexedDB', () => { const r = indexedDB.open('hookscope'); return 'opened ' + typeof r; });
  attempt('fetch', () => { void fetch('http://127.0.0.1:4179/stolen?x=1').catch(() => undefined); return 'started'; });
  attempt('importScripts', () => { (self as unknown as { importScripts(u: string): void }).importScripts('http://127.0.0.1:4179/x.js'); return 'loaded'; });
  files.write('/data/probe.log', got.join('\\n') + '\\n');
  return 0;
}
`;

test('a library gets nothing from fetch, XHR or indexedDB', async ({ page, context }) => {
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const studio = await new Studio(page).open();
  await studio.addLibrary(PATH);
  await studio.addToHooksLibraries(PATH);
  await studio.replaceEditorText(`Source of ${PATH}`, NOSY);
  await expect(async () => {
    expect(await studio.waitForRun()).toMatch(/^Run finished/);
    await studio.showRunTab('Files');
    await expect(studio.pane('Run').getByRole('figure')).toContainText('/data/probe.log', {
      timeout: 1000,
    });
  }).toPass({ timeout: 20_000 });
  const probe = studio.pane('Run').getByRole('figure');
  await expect(probe).toContainText(/xhr refused: \w+/);
  await expect(probe).toContainText(/indexedDB refused: SecurityError/);
  await expect(probe).toContainText(/importScripts refused: \w+/);
  await studio.screenshot('sandbox-security');
  await page.waitForTimeout(500); // a fetch that got out would have shown by now
  expect(requests.filter((u) => /\/stolen|\/x\.js$/.test(u))).toEqual([]);
  expect(
    requests.filter((u) => !/^(blob|data):/.test(u) && !u.startsWith('http://127.0.0.1:4179/')),
  ).toEqual([]);
});

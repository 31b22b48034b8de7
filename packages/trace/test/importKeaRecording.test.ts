import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { buildTraceIndex } from '../src/buildTraceIndex';
import { getRequestTimeline } from '../src/getRequestTimeline';
import { importKeaRecording } from '../src/importKeaRecording';

// The corpus sits next to the repository: <repo>/../shared/corpora.
function findRepoRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) dir = dirname(dir);
  return dir;
}
const here = dirname(fileURLToPath(import.meta.url));
const corpus = join(findRepoRoot(here), '..', 'shared', 'corpora', 'kea-real-traces');
const present = existsSync(corpus);
if (!present) console.warn(`kea-real-traces not found at ${corpus}: its tests are skipped`);

const schema = JSON.parse(
  readFileSync(join(here, '..', 'src', 'trace.schema.json'), 'utf8'),
) as object;
const validate = new Ajv({ strict: false }).compile(schema);

describe('importKeaRecording (small inline recording)', () => {
  it('groups by handle, joins libraries on one hook, keeps a status set on purpose', () => {
    const lines = [
      { seq: 1, event: 'load', tag: 'lib1' },
      {
        seq: 2,
        event: 'callout',
        hook: 'pkt4_receive',
        library_index: 1,
        handle_id: 1,
        status: 0,
        arguments: ['query4'],
        types: { query4: 'isc::dhcp::Pkt4Ptr' },
        pkt: { query4: { type_name: 'DHCPDISCOVER', xid: '0x1', hwaddr: '02:00:00:00:00:02' } },
      },
      {
        seq: 3,
        event: 'callout',
        hook: 'pkt4_receive',
        library_index: 2,
        handle_id: 1,
        status: 0,
        arguments: ['query4'],
        types: { query4: 'isc::dhcp::Pkt4Ptr' },
        set_status: 2,
      },
      {
        seq: 4,
        event: 'callout',
        hook: 'dhcp4_srv_configured',
        library_index: 1,
        handle_id: 2,
        status: 0,
        arguments: ['io_context'],
        types: { io_context: 'isc::asiolink::IOServicePtr' },
      },
    ].map((line) => JSON.stringify(line));
    const trace = importKeaRecording(`${lines.join('\n')}\nnot json\n`, { server: 'dhcp4' });
    expect(trace.requests).toEqual([
      { id: 1, kind: 'packet', summary: 'DHCPDISCOVER xid=0x1 from 02:00:00:00:00:02' },
      { id: 2, kind: 'config', summary: 'dhcp4_srv_configured' },
    ]);
    expect(trace.events.map((e) => `${e.type} ${'hook' in e ? e.hook : ''}`)).toEqual([
      'hook-start pkt4_receive',
      'callout pkt4_receive',
      'callout pkt4_receive',
      'hook-end pkt4_receive',
      'hook-start dhcp4_srv_configured',
      'callout dhcp4_srv_configured',
      'hook-end dhcp4_srv_configured',
    ]);
    expect(trace.events[3]).toMatchObject({ type: 'hook-end', status: 2 });
    expect(trace.events[2]).toMatchObject({
      status: { before: 0, after: 2 },
      arguments: { before: { query4: { tag: 'isc::dhcp::Pkt4Ptr', opaque: true } } },
    });
    expect(trace.libraries.map((l) => l.library)).toEqual(['recorder (lib1)', 'library 2']);
    expect(validate(trace)).toBe(true);
  });
});

describe.skipIf(!present)('importKeaRecording (real Kea 2.2.0 recordings)', () => {
  const load = (name: string) => readFileSync(join(corpus, `${name}.jsonl`), 'utf8');

  it('lays out a DISCOVER as real Kea ran it', () => {
    const trace = importKeaRecording(load('v4-two-libraries'), { server: 'dhcp4' });
    expect(validate(trace)).toBe(true);
    const index = buildTraceIndex(trace);
    const discover = index.requests.findIndex((r) => r.summary.startsWith('DHCPDISCOVER'));
    expect(discover).toBeGreaterThanOrEqual(0);
    const timeline = getRequestTimeline(index, discover);
    expect(timeline.columns.map((c) => c.hook)).toEqual([
      'context_create',
      'buffer4_receive',
      'pkt4_receive',
      'subnet4_select',
      'ddns4_update',
      'lease4_select',
      'pkt4_send',
      'buffer4_send',
      'context_destroy',
    ]);
    // Two libraries: every hook is called once, with both callouts in library order.
    expect(timeline.rows.map((r) => r.library)).toEqual([1, 2]);
    expect(timeline.columns.every((c) => c.argumentLine.length === 2)).toBe(true);
  });

  it('shows a DROP set in pkt4_send', () => {
    const trace = importKeaRecording(load('v4-status-drop-pkt4-send'), { server: 'dhcp4' });
    const index = buildTraceIndex(trace);
    const dropped = index.trace.events.find((e) => e.type === 'hook-end' && e.hook === 'pkt4_send');
    expect(dropped).toMatchObject({ status: 2 });
  });
});

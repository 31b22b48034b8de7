// Bad bytes never crash: mutated and truncated real messages either decode (and then pack
// back to exactly the mutated bytes, with every value readable or a DhcpParseError) or raise
// DhcpParseError with an offset inside the input.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesEqual } from '../src/bytes';
import { readCapture, readDhcpPackets } from '../src/capture/readDhcpPackets';
import { DhcpParseError } from '../src/dhcpParseError';
import { fieldTree } from '../src/fieldTree';
import type { Option } from '../src/option';
import { type AnyPkt, type DhcpFamily, unpack } from '../src/packet';
import { packetJson } from '../src/packetJson';
import { FIXTURES } from './corpus';

const seeds: { family: DhcpFamily; bytes: Uint8Array }[] = [];
for (const name of [
  'zeek-dhcp.pcap',
  'dhcpv6-mud.pcap',
  'dhcpv6-ia-pd.pcap',
  'dhcp-agent-options.pcap',
  'dhcpv6-vendor-specific-information.pcap',
]) {
  for (const f of readDhcpPackets(readFileSync(join(FIXTURES, name)))) {
    seeds.push({ family: f.family, bytes: f.bytes.slice() });
  }
}

function touchAll(p: AnyPkt): void {
  const walk = (opts: readonly Option[]) => {
    for (const o of opts) {
      try {
        o.getValue();
      } catch (e) {
        if (!(e instanceof DhcpParseError)) throw e;
      }
      o.toText();
      walk(o.getOptions());
    }
  };
  walk(p.options);
  if (p.family === 'dhcp6') for (const r of p.relayInfo) walk(r.options);
  packetJson(p);
  fieldTree(p);
  p.toText();
}

/** Decodes; returns false for a DhcpParseError (checked), rethrows anything else. */
function tryDecode(family: DhcpFamily, bytes: Uint8Array): boolean {
  try {
    const p = unpack(bytes, family);
    touchAll(p);
    expect(bytesEqual(p.pack(), bytes)).toBe(true);
    return true;
  } catch (e) {
    if (!(e instanceof DhcpParseError)) throw e;
    expect(e.offset).toBeGreaterThanOrEqual(0);
    expect(e.offset).toBeLessThanOrEqual(bytes.length);
    return false;
  }
}

const seed = fc.constantFrom(...seeds);

// thousands of cases per property: allow for a busy machine
const SLOW = 60_000;

describe('malformed input raises only DhcpParseError', () => {
  it('has seeds of both families', () => {
    expect(seeds.filter((s) => s.family === 'dhcp4').length).toBeGreaterThan(5);
    expect(seeds.filter((s) => s.family === 'dhcp6').length).toBeGreaterThan(5);
  });

  it(
    'survives byte mutations',
    () => {
      fc.assert(
        fc.property(
          seed,
          fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), {
            minLength: 1,
            maxLength: 8,
          }),
          (s, edits) => {
            const b = s.bytes.slice();
            for (const [at, v] of edits) b[at % b.length] = v;
            tryDecode(s.family, b);
          },
        ),
        { numRuns: 3000 },
      );
    },
    SLOW,
  );

  it(
    'survives truncation, and reports an offset for every cut of a whole message',
    () => {
      fc.assert(
        fc.property(seed, fc.nat(), (s, cut) => {
          tryDecode(s.family, s.bytes.subarray(0, cut % (s.bytes.length + 1)));
        }),
        { numRuns: 2000 },
      );
    },
    SLOW,
  );

  it(
    'lenient decoding (as Kea) of a cut message still packs back to the same bytes',
    () => {
      let accepted = 0;
      fc.assert(
        fc.property(seed, fc.nat(), (s, cut) => {
          const b = s.bytes.subarray(0, cut % (s.bytes.length + 1));
          try {
            const p = unpack(b, s.family, { lenient: true });
            touchAll(p);
            expect(bytesEqual(p.pack(), b)).toBe(true);
            accepted++;
          } catch (e) {
            if (!(e instanceof DhcpParseError)) throw e;
          }
        }),
        // A fixed seed: the share of cuts that decode depends on which messages are drawn (546
        // to 900 of 2000 seen), so a threshold on a random draw was flaky.
        { numRuns: 2000, seed: 20261125 },
      );
      // cuts inside the BOOTP header, a relay-msg or an option's length byte stay errors; the
      // count guards against the property holding vacuously (this seed accepts 546)
      expect(accepted).toBeGreaterThan(500);
    },
    SLOW,
  );

  it(
    'survives inserted and deleted runs of bytes',
    () => {
      fc.assert(
        fc.property(
          seed,
          fc.nat(),
          fc.uint8Array({ maxLength: 12 }),
          fc.nat({ max: 12 }),
          (s, at, ins, del) => {
            const i = at % (s.bytes.length + 1);
            const b = new Uint8Array([
              ...s.bytes.subarray(0, i),
              ...ins,
              ...s.bytes.subarray(i + del),
            ]);
            tryDecode(s.family, b);
          },
        ),
        { numRuns: 2000 },
      );
    },
    SLOW,
  );

  it(
    'reads mutated capture files without throwing anything but DhcpParseError',
    () => {
      const file = new Uint8Array(readFileSync(join(FIXTURES, 'dhcp-option-108.pcapng')));
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), {
            minLength: 1,
            maxLength: 6,
          }),
          (edits) => {
            const b = file.slice();
            for (const [at, v] of edits) b[at % b.length] = v;
            try {
              for (const f of readDhcpPackets(b)) if (f.pkt) touchAll(f.pkt);
            } catch (e) {
              if (!(e instanceof DhcpParseError)) throw e;
              expect(e.offset).toBeLessThanOrEqual(b.length);
            }
          },
        ),
        { numRuns: 1000 },
      );
      expect([...readCapture(file)].length).toBe(2);
    },
    SLOW,
  );
});

import { buildRequest6, buildSolicit, Option, Pkt6 } from '@hookscope/dhcp';
import type { CalloutHandle, LibraryModule } from '@hookscope/engine';
import { describe, expect, it } from 'vitest';
import { config6, HW, makeServer, SERVER_ID6 } from './helpers';

const UPDATES_ON = {
  'dhcp-ddns': { 'enable-updates': true },
  'ddns-qualifying-suffix': 'example.org',
};

/** A Client FQDN option: flags, then `name` in labels (full when it ends with a dot). */
function fqdn(flags: number, name: string): Option {
  const bytes: number[] = [flags];
  for (const label of name.split('.').filter((l) => l !== '')) {
    bytes.push(label.length, ...new TextEncoder().encode(label));
  }
  if (name.endsWith('.')) bytes.push(0);
  return new Option('v6', 39, Uint8Array.from(bytes));
}

/** The answer's Client FQDN as "flags name" ("-" when there is none). */
function answerName(bytes: Uint8Array | undefined): string {
  const option = Pkt6.unpack(bytes ?? new Uint8Array()).getOption(39);
  if (!option) return '-';
  const data = option.getData();
  const labels: string[] = [];
  let i = 1;
  let full = false;
  while (i < data.length) {
    const len = data[i] ?? 0;
    if (len === 0) {
      full = true;
      break;
    }
    labels.push(new TextDecoder().decode(data.subarray(i + 1, i + 1 + len)));
    i += len + 1;
  }
  return `${data[0]} ${labels.join('.')}${full ? '.' : ''}`;
}

function exchange(server: ReturnType<typeof makeServer>['server'], options: Option[]) {
  const advertise = server.receive(buildSolicit({ hwaddr: HW, options }).pack())[0];
  const reply = server.receive(
    buildRequest6({
      hwaddr: HW,
      serverId: SERVER_ID6,
      addresses: ['2001:db8:1::100'],
      options,
    }).pack(),
  )[0];
  return { advertise: answerName(advertise), reply: answerName(reply) };
}

describe('DHCPv6 client names (Kea processClientFqdn / generateFqdn)', () => {
  it('a partial name is qualified with ddns-qualifying-suffix and kept in the lease', () => {
    const { server } = makeServer('dhcp6', {});
    server.configure(config6([], UPDATES_ON));
    // client S=1: the server does the forward update (S), no override (O=0)
    expect(exchange(server, [fqdn(1, 'Laptop')]).reply).toBe('1 laptop.example.org.');
    expect(server.leases()[0]?.hostname).toBe('laptop.example.org.');
  });

  it('an empty name: the ADVERTISE carries it empty, the REPLY a generated one', () => {
    const { server } = makeServer('dhcp6', {});
    server.configure(config6([], { ...UPDATES_ON, 'ddns-generated-prefix': 'anon' }));
    const names = exchange(server, [fqdn(1, '')]);
    expect(names.advertise).toBe('1 ');
    expect(names.reply).toBe('1 anon-2001-db8-1--100.example.org.');
    expect(server.leases()[0]?.hostname).toBe('anon-2001-db8-1--100.example.org.');
  });

  it('ddns-replace-client-name always: the client name is replaced by a generated one', () => {
    const { server } = makeServer('dhcp6', {});
    server.configure(config6([], { ...UPDATES_ON, 'ddns-replace-client-name': 'always' }));
    expect(exchange(server, [fqdn(1, 'laptop')]).reply).toBe(
      '1 myhost-2001-db8-1--100.example.org.',
    );
  });

  it('R117: when-not-present: without an FQDN the server makes one up and ddns6_update runs', () => {
    const seen: string[] = [];
    const lib: LibraryModule = {
      version: () => 30301,
      multi_threading_compatible: () => 1,
      ddns6_update(handle: CalloutHandle) {
        seen.push(`${handle.getArgument('hostname')}|${handle.getArgument('fwd-update')}`);
        return 0;
      },
    };
    const { server } = makeServer('dhcp6', { '/lib/d.so': lib });
    server.configure(
      config6([{ library: '/lib/d.so' }], {
        ...UPDATES_ON,
        'ddns-replace-client-name': 'when-not-present',
      }),
    );
    expect(exchange(server, []).reply).toBe('1 myhost-2001-db8-1--100.example.org.');
    expect(seen).toEqual(['|true', '|true']);
  });

  it('R117: updates off: no FQDN, no option, no ddns6_update; with one, N and O answer S', () => {
    const seen: string[] = [];
    const lib: LibraryModule = {
      version: () => 30301,
      multi_threading_compatible: () => 1,
      ddns6_update() {
        seen.push('ddns6_update');
        return 0;
      },
    };
    const { server } = makeServer('dhcp6', { '/lib/d.so': lib });
    server.configure(
      config6([{ library: '/lib/d.so' }], { 'ddns-qualifying-suffix': 'example.org' }),
    );
    expect(exchange(server, []).reply).toBe('-');
    expect(seen).toEqual([]);
    // S=1 from the client, updates off: the server answers N=1 and O=1 (it overrode S)
    const { server: other } = makeServer('dhcp6', {});
    other.configure(config6([], { 'ddns-qualifying-suffix': 'example.org' }));
    expect(exchange(other, [fqdn(1, 'laptop')]).reply).toBe('6 laptop.example.org.');
  });
});

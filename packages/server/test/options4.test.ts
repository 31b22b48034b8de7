import { buildDiscover } from '@hookscope/dhcp';
import { describe, expect, it } from 'vitest';
import { config4, decode4, makeServer } from './helpers';

describe('configured options in DHCPv4 answers', () => {
  it('sends requested options and always-send ones, the most specific level winning', () => {
    const { server } = makeServer('dhcp4', {});
    const config = config4([], {
      'option-data': [
        { name: 'domain-name-servers', data: '192.0.2.53, 192.0.2.54' },
        { name: 'domain-name', data: 'example.org', 'always-send': true },
        { name: 'routers', data: '192.0.2.254' },
      ],
    });
    (config.Dhcp4.subnet4[0] as Record<string, unknown>)['option-data'] = [
      { name: 'routers', data: '192.0.2.1' },
    ];
    expect(server.configure(config).result).toBe(0);
    const offer = decode4(
      server.receive(buildDiscover({ hwaddr: '02:00:00:00:20:01', xid: 9, prl: [3, 6] }).pack())[0],
    );
    expect(offer.getOption(3)?.getValue()).toEqual(['192.0.2.1']);
    expect(offer.getOption(6)?.getValue()).toEqual(['192.0.2.53', '192.0.2.54']);
    expect(offer.getOption(15)?.getValue()).toBe('example.org');
    expect(offer.getOption(51)?.getValue()).toBe(4000);
    expect(offer.getOption(54)?.getValue()).toBe('192.0.2.1');
  });

  it('answers a relayed DISCOVER to the relay and echoes option 82', () => {
    const { server } = makeServer('dhcp4', {});
    server.configure(config4());
    const query = buildDiscover({
      hwaddr: '02:00:00:00:20:02',
      relay: { giaddr: '192.0.2.10', circuitId: '65746830' },
    });
    const [sent] = server.receiveDetailed(query.pack());
    expect(sent?.remoteAddress).toBe('192.0.2.10');
    expect(sent?.remotePort).toBe(67);
    const offer = decode4(sent?.bytes);
    expect(offer.getGiaddr()).toBe('192.0.2.10');
    expect(offer.getOption(82)).toBeDefined();
    // Kea packs option 53 first and 82 last
    expect(offer.options[0]?.code).toBe(53);
    expect(offer.options[offer.options.length - 1]?.code).toBe(82);
  });
});

import { describe, expect, it } from 'vitest';
import { MESSAGE_KEYS, makeCatalogue } from './messages';

describe('the server message catalogue', () => {
  it('fills the family digit only where it belongs, and ids are unique per family', () => {
    for (const family of ['dhcp4', 'dhcp6'] as const) {
      const catalogue = makeCatalogue(family);
      const digit = family.slice(-1);
      const ids = Object.values(catalogue).map((m) => m.id);
      expect(new Set(ids).size).toBe(MESSAGE_KEYS.length);
      expect(catalogue.DHCPX_PACKET_PROCESS_EXCEPTION?.id).toBe(
        `DHCP${digit}_PACKET_PROCESS_EXCEPTION`,
      );
      expect(catalogue.DHCPX_HOOK_SUBNETX_SELECT_DROP?.id).toBe(
        `DHCP${digit}_HOOK_SUBNET${digit}_SELECT_DROP`,
      );
      expect(catalogue.DHCPX_HOOK_PACKET_RCVD_SKIP?.text).toContain(`pkt${digit}_receive`);
      expect(catalogue.DHCPX_CONFIG_COMPLETE?.logger).toBe(`dhcp${digit}`);
      for (const m of Object.values(catalogue)) expect(m.id).toMatch(/^[A-Z0-9_]+$/);
      // ids Kea spells differently per family (as its logs show them)
      expect(catalogue.DHCPX_LEASE_RECLAIM?.id).toBe(`ALLOC_ENGINE_V${digit}_LEASE_RECLAIM`);
      expect(catalogue.DHCPX_PACKET_DROP_0001?.id).toBe(
        digit === '4' ? 'DHCP4_PACKET_DROP_0001' : 'DHCP6_PACKET_DROP_PARSE_FAIL',
      );
      expect(catalogue.DHCPX_RELEASE?.id).toBe(
        digit === '4' ? 'DHCP4_RELEASE' : 'DHCP6_RELEASE_NA',
      );
    }
  });
});

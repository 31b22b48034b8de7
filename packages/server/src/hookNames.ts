import type { KeaFeatures } from './keaVersion';

/**
 * Hook points each server registers, as Kea does at start-up. Each Kea server also registers
 * the other family's allocation-engine hooks (the allocation engine library registers both),
 * which libraries can see in the list of hook names.
 */
export function hookNamesFor(family: 'dhcp4' | 'dhcp6', features: KeaFeatures): string[] {
  const shared = [
    'command_processed',
    'lease4_select',
    'lease4_renew',
    'lease4_expire',
    'lease4_recover',
    'lease6_select',
    'lease6_renew',
    'lease6_rebind',
    'lease6_expire',
    'lease6_recover',
    'cb4_updated',
    'cb6_updated',
  ];
  if (family === 'dhcp4') {
    const own = [
      'buffer4_receive',
      'pkt4_receive',
      'subnet4_select',
      'leases4_committed',
      'lease4_release',
      'pkt4_send',
      'buffer4_send',
      'lease4_decline',
      'host4_identifier',
      'ddns4_update',
      'dhcp4_srv_configured',
    ];
    if (features.lease4Offer) own.push('lease4_offer');
    if (features.lease4ServerDecline) own.push('lease4_server_decline');
    return [...own, ...shared];
  }
  const own = [
    'buffer6_receive',
    'pkt6_receive',
    'subnet6_select',
    'leases6_committed',
    'lease6_release',
    'lease6_decline',
    'pkt6_send',
    'buffer6_send',
    'host6_identifier',
    'ddns6_update',
    'dhcp6_srv_configured',
  ];
  if (features.addressRegistration) own.push('addr6_register');
  return [...own, ...shared];
}

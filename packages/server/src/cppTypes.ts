import type { KeaFeatures } from './keaVersion';

/**
 * Kea's C++ type names, used as the engine's type tags of every argument the server sets, so a
 * library's `getArgument(name, tag)` follows Kea's exact-type rule and a trace shows the real
 * C++ types (the recorded Kea traces name the same strings).
 */
export const CPP = {
  pkt4: 'isc::dhcp::Pkt4Ptr',
  pkt6: 'isc::dhcp::Pkt6Ptr',
  subnet4: 'isc::dhcp::Subnet4Ptr',
  constSubnet4: 'isc::dhcp::ConstSubnet4Ptr',
  subnet6: 'isc::dhcp::Subnet6Ptr',
  constSubnet6: 'isc::dhcp::ConstSubnet6Ptr',
  subnet4Collection: 'const isc::dhcp::Subnet4Collection*',
  subnet6Collection: 'const isc::dhcp::Subnet6Collection*',
  lease4: 'isc::dhcp::Lease4Ptr',
  lease6: 'isc::dhcp::Lease6Ptr',
  lease4Collection: 'isc::dhcp::Lease4CollectionPtr',
  lease6Collection: 'isc::dhcp::Lease6CollectionPtr',
  clientId: 'isc::dhcp::ClientIdPtr',
  hwaddr: 'isc::dhcp::HWAddrPtr',
  option6Ia: 'isc::dhcp::Option6IAPtr',
  ddnsParams: 'isc::dhcp::DdnsParamsPtr',
  identifierType: 'isc::dhcp::Host::IdentifierType',
  bytes: 'std::vector<uint8_t>',
  string: 'std::string',
  bool: 'bool',
  uint32: 'uint32_t',
  element: 'isc::data::ConstElementPtr',
  ioService: 'isc::asiolink::IOServicePtr',
  networkState: 'isc::dhcp::NetworkStatePtr',
  srvConfig: 'isc::dhcp::SrvConfigPtr',
  constHost: 'isc::dhcp::ConstHostPtr',
  ioAddress: 'isc::asiolink::IOAddress',
  auditEntries: 'isc::db::AuditEntryCollectionPtr',
} as const;

/** Every C++ type tag the servers use: a recorder may probe a value against each of them. */
export const ALL_CPP_TAGS: readonly string[] = Object.values(CPP);

export function subnet4Tag(features: KeaFeatures): string {
  return features.constSubnets ? CPP.constSubnet4 : CPP.subnet4;
}

export function subnet6Tag(features: KeaFeatures): string {
  return features.constSubnets ? CPP.constSubnet6 : CPP.subnet6;
}

export {
  bytesEqual,
  fromHex,
  ipv4ToBytes,
  ipv4ToUint32,
  ipv6ToBytes,
  ipv6ToText,
  toHex,
  uint32ToIpv4,
} from './bytes';
export { DhcpParseError } from './dhcpParseError';
export { HWAddr } from './hwAddr';
export * from './messageTypes';
export { Option } from './option';
export type { OptionDataType, OptionDefinition, Universe } from './optionDefinition';
export {
  DHCP_AGENT_OPTION_SPACE,
  DHCP4_OPTION_SPACE,
  DHCP6_OPTION_SPACE,
  getOptionDefinition,
  getOptionDefinitionByName,
  getOptionDefinitions,
  VENDOR_ENCAPSULATED_OPTION_SPACE,
  vendorSpace,
} from './optionDefinitions';
export type { OptionRun } from './optionList';
export type { OptionValue } from './optionValue';
export { type AnyPkt, type DhcpFamily, pack, unpack, unpack4, unpack6 } from './packet';
export { Pkt } from './pkt';
export { DHCP_OPTIONS_COOKIE, DHCPV4_PKT_HDR_LEN, Pkt4 } from './pkt4';
export { D6O_RELAY_MSG, Pkt6, type RelayInfo, type RelaySearchOrder } from './pkt6';

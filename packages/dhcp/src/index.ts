export {
  buildDecline,
  buildDiscover,
  buildInform,
  buildRelease,
  buildRequest,
  type Client4Options,
  type RequestKind,
} from './build4';
export {
  buildConfirm,
  buildDecline6,
  buildInformationRequest,
  buildRebind,
  buildRelease6,
  buildRenew,
  buildRequest6,
  buildSolicit,
  type Client6Options,
  type Relay6Spec,
} from './build6';
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
export {
  type CaptureFrame,
  frameTime,
  LINKTYPE_ETHERNET,
  LINKTYPE_IPV4,
  LINKTYPE_IPV6,
  LINKTYPE_LINUX_SLL,
  LINKTYPE_LINUX_SLL2,
  LINKTYPE_LOOP,
  LINKTYPE_NULL,
  LINKTYPE_RAW,
} from './capture/captureFrame';
export { decodeFrame, type UdpDatagram } from './capture/decodeFrame';
export { packetFrame } from './capture/packetFrame';
export { parseHexText } from './capture/parseHexText';
export {
  type CaptureFormat,
  type DhcpFrame,
  detectCaptureFormat,
  familyByPorts,
  readCapture,
  readDhcpPackets,
} from './capture/readDhcpPackets';
export { readPcap } from './capture/readPcap';
export { readPcapng } from './capture/readPcapng';
export {
  buildUdpFrame,
  type FrameToWrite,
  type PcapngInterface,
  type PcapWriteOptions,
  type UdpFrameSpec,
  writePcap,
  writePcapng,
} from './capture/writePcap';
export { createOption, createOption4, createOption6 } from './createOption';
export { DhcpParseError } from './dhcpParseError';
export { type FieldNode, fieldTree } from './fieldTree';
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
export {
  type AnyPkt,
  type DhcpFamily,
  pack,
  type UnpackOptions,
  unpack,
  unpack4,
  unpack6,
} from './packet';
export {
  type Fields4Json,
  type OptionJson,
  optionJson,
  type PacketJson,
  packetJson,
  type RelayJson,
} from './packetJson';
export { Pkt } from './pkt';
export { DHCP_OPTIONS_COOKIE, DHCPV4_PKT_HDR_LEN, Pkt4 } from './pkt4';
export { D6O_RELAY_MSG, Pkt6, type RelayInfo, type RelaySearchOrder } from './pkt6';

/** One frame read from a capture file or hex text. */
export interface CaptureFrame {
  /** 1-based frame number, as Wireshark and tcpdump count them. */
  frame: number;
  /** Seconds since the epoch and the nanoseconds past it. */
  tsSec: number;
  tsNsec: number;
  /** Link-layer type (LINKTYPE_* number): 1 Ethernet, 113 SLL, 276 SLL2, 101 raw IP, 0 null. */
  linkType: number;
  /** pcapng interface id (0 for pcap and hex). */
  interfaceId: number;
  /** Length on the wire; `data.length` is what was captured. */
  origLen: number;
  data: Uint8Array;
  /** Offset of `data` in the file (for error messages). */
  fileOffset: number;
}

export const LINKTYPE_NULL = 0;
export const LINKTYPE_ETHERNET = 1;
export const LINKTYPE_RAW = 101;
export const LINKTYPE_LOOP = 108;
export const LINKTYPE_LINUX_SLL = 113;
export const LINKTYPE_IPV4 = 228;
export const LINKTYPE_IPV6 = 229;
export const LINKTYPE_LINUX_SLL2 = 276;

/** ISO 8601 UTC time with the capture's nanoseconds: `2026-11-25T04:21:00.123456789Z`. */
export function frameTime(tsSec: number, tsNsec: number): string {
  const date = new Date(tsSec * 1000);
  // beyond what Date can show (a broken or odd capture): plain seconds
  if (Number.isNaN(date.getTime())) return `${tsSec}.${String(tsNsec).padStart(9, '0')}`;
  return `${date.toISOString().slice(0, 19)}.${String(tsNsec).padStart(9, '0')}Z`;
}

/**
 * A frameTime that formats the date part once per second: captures hold many frames per
 * second and Date formatting dominates otherwise. Each reader makes its own.
 */
export function createFrameTimer(): (tsSec: number, tsNsec: number) => string {
  let lastSec = Number.NaN;
  let prefix = '';
  return (tsSec, tsNsec) => {
    if (tsSec !== lastSec) {
      const full = frameTime(tsSec, 0);
      if (!full.endsWith('Z')) return frameTime(tsSec, tsNsec);
      lastSec = tsSec;
      prefix = full.slice(0, 19);
    }
    return `${prefix}.${String(tsNsec).padStart(9, '0')}Z`;
  };
}

import { type Pkt4, type Pkt6, unpack } from '@hookscope/dhcp';
import { hexToBytes } from '@hookscope/sandbox';
import type { RunStep, ServerFamily } from '../state/workspace';

export interface StepRow {
  type: string;
  xid: string;
  client: string;
  summary: string;
}

/** Decodes a packet step; the error message when it does not decode. */
export function decodePacket(
  hex: string,
  family: ServerFamily,
): { ok: true; pkt: Pkt4 | Pkt6; bytes: Uint8Array } | { ok: false; error: string } {
  try {
    const bytes = hexToBytes(hex);
    return { ok: true, pkt: unpack(bytes, family), bytes };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** One row of the packet list: Wireshark's columns for packets, a description otherwise. */
export function describeStep(step: RunStep, family: ServerFamily = 'dhcp4'): StepRow {
  switch (step.kind) {
    case 'command':
      return { type: 'command', xid: '', client: '', summary: step.text.replace(/\s+/g, ' ') };
    case 'advance':
      return { type: 'clock', xid: '', client: '', summary: `advance the clock ${step.seconds} s` };
    case 'packet': {
      const decoded = decodePacket(step.hex, family);
      if (!decoded.ok) {
        return { type: 'malformed', xid: '', client: '', summary: decoded.error };
      }
      const { pkt, bytes } = decoded;
      const client = 'getHWAddr' in pkt ? pkt.getHWAddr().toText(false) : '';
      return {
        type: pkt.getName(),
        xid: `0x${pkt.getTransid().toString(16)}`,
        client,
        summary: step.label ?? `${bytes.length} bytes`,
      };
    }
  }
}

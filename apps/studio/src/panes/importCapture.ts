import { DhcpParseError, readDhcpPackets, toHex } from '@hookscope/dhcp';
import type { RunStep, ServerFamily } from '../state/workspace';
import { decodePacket } from './describeStep';

export type ImportResult =
  | { ok: true; steps: RunStep[]; warnings: string[] }
  | { ok: false; error: string };

/**
 * Reads a capture file into packet steps: pcap, pcapng or hex text, through @hookscope/dhcp.
 * A DHCP message that does not decode is still imported (so the run shows what the server
 * makes of it) with a warning naming its frame and the byte where decoding stopped.
 * Never throws: an unreadable file gives `{ ok: false, error }`.
 */
export async function importCapture(
  file: Blob,
  family: ServerFamily = 'dhcp4',
): Promise<ImportResult> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const steps: RunStep[] = [];
  const warnings: string[] = [];
  try {
    for (const frame of readDhcpPackets(bytes)) {
      steps.push({
        kind: 'packet',
        id: crypto.randomUUID(),
        hex: toHex(frame.bytes),
        label: `${frame.srcAddr}:${frame.srcPort} → ${frame.dstAddr}:${frame.dstPort}`,
        time: frame.time,
      });
      // Judged as the workspace's server will see it (hex text carries no ports to tell v4
      // from v6, so the capture reader may have guessed the other family).
      const decoded = decodePacket(toHex(frame.bytes), family);
      if (!decoded.ok) {
        warnings.push(`frame ${frame.frame}: truncated or malformed DHCP message ${decoded.error}`);
      } else if (frame.family !== family && !frame.error) {
        const other = frame.family === 'dhcp4' ? 'DHCPv4' : 'DHCPv6';
        warnings.push(`frame ${frame.frame} is ${other}, not for this server`);
      }
    }
  } catch (error) {
    const message =
      error instanceof DhcpParseError || error instanceof Error ? error.message : String(error);
    if (steps.length === 0) return { ok: false, error: `not a readable capture: ${message}` };
    warnings.push(`the capture ends badly (${message}); the packets before it were imported`);
  }
  if (steps.length === 0) return { ok: false, error: 'no DHCP packet found in the file' };
  return { ok: true, steps, warnings };
}

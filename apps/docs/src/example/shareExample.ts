import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import type { Example } from './example';

/**
 * An example as URL-safe text (JSON, deflated with fflate, base64url): the iframe route's
 * `embed.html#example=…`. Pure.
 */
export function encodeExample(example: Example): string {
  return toBase64Url(deflateSync(strToU8(JSON.stringify(example)), { level: 9 }));
}

/** The example in `text` (from encodeExample), or undefined when it is not one. Never throws. */
export function decodeExample(text: string): Example | undefined {
  try {
    const value = JSON.parse(strFromU8(inflateSync(fromBase64Url(text)))) as Partial<Example>;
    if (typeof value.id !== 'string' || typeof value.config !== 'string') return undefined;
    if (typeof value.packets !== 'string' || !Array.isArray(value.libraries)) return undefined;
    return {
      id: value.id,
      title: typeof value.title === 'string' ? value.title : value.id,
      family: value.family === 'dhcp6' ? 'dhcp6' : 'dhcp4',
      keaVersion: typeof value.keaVersion === 'string' ? value.keaVersion : '3.3.1',
      config: value.config,
      libraries: value.libraries.filter(
        (l) => typeof l?.path === 'string' && typeof l?.source === 'string',
      ),
      packets: value.packets,
      expect: value.expect,
    };
  } catch {
    return undefined;
  }
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replaceAll('-', '+').replaceAll('_', '/');
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

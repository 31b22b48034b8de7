// What Pkt4 and Pkt6 share, after Kea's Pkt: options by code, the addresses and ports the
// packet travelled between, the interface, and the client classes assigned to it.
import type { Option } from './option';

export abstract class Pkt {
  /** Options in wire order (DHCPv6: of the innermost message). */
  options: Option[] = [];
  /** Interface name and index the packet came in on or goes out of. */
  iface = '';
  ifindex = -1;
  localAddr: string;
  remoteAddr: string;
  localPort: number;
  remotePort: number;
  /** Hardware addresses of the link-layer frame, when known. */
  localHWAddr: string | undefined = undefined;
  remoteHWAddr: string | undefined = undefined;
  /** Milliseconds since the epoch: capture or receive time. */
  timestamp = 0;
  #classes: Set<string> | undefined = undefined;
  /** @internal bumped by `touch()`; read with `getEpoch()`. */
  #epoch = 0;

  constructor(anyAddr: string, localPort: number, remotePort: number) {
    this.localAddr = anyAddr;
    this.remoteAddr = anyAddr;
    this.localPort = localPort;
    this.remotePort = remotePort;
  }

  /**
   * A change counter (our addition): every method that changes the packet (a setter, addOption,
   * delOption, addClass …) moves it, so a viewer can keep what it derived from the packet while
   * the epoch stays. Fields assigned directly (`pkt.hops = 2`, `pkt.options.push(o)`) and bytes
   * written into views (`getData()`, `chaddr`) do not move it: a cache compares those itself.
   */
  getEpoch(): number {
    return this.#epoch;
  }

  /** Moves the epoch; subclasses call it from their setters. */
  protected touch(): void {
    this.#epoch++;
  }

  /** First option with this code, or undefined. */
  getOption(code: number): Option | undefined {
    for (const o of this.options) if (o.code === code) return o;
    return undefined;
  }

  /** Every option with this code, in wire order. */
  getOptions(code?: number): Option[] {
    return code === undefined ? [...this.options] : this.options.filter((o) => o.code === code);
  }

  /** Adds an option at the end. Duplicates are allowed, as on the wire. */
  addOption(opt: Option): void {
    if (opt.universe !== (this.family === 'dhcp4' ? 'v4' : 'v6')) {
      throw new TypeError(`a ${opt.universe} option cannot go into a ${this.family} packet`);
    }
    this.options.push(opt);
    this.#epoch++;
  }

  /** Removes the first option with this code; true when there was one. */
  delOption(code: number): boolean {
    const i = this.options.findIndex((o) => o.code === code);
    if (i < 0) return false;
    this.options.splice(i, 1);
    this.#epoch++;
    return true;
  }

  abstract readonly family: 'dhcp4' | 'dhcp6';
  abstract getType(): number;
  abstract getName(): string;
  abstract getTransid(): number;
  abstract pack(): Uint8Array;
  abstract toText(): string;

  getIface(): string {
    return this.iface;
  }
  setIface(name: string): void {
    this.iface = name;
    this.#epoch++;
  }
  getIndex(): number {
    return this.ifindex;
  }
  setIndex(index: number): void {
    this.ifindex = index;
    this.#epoch++;
  }
  getLocalAddr(): string {
    return this.localAddr;
  }
  setLocalAddr(addr: string): void {
    this.localAddr = addr;
    this.#epoch++;
  }
  getRemoteAddr(): string {
    return this.remoteAddr;
  }
  setRemoteAddr(addr: string): void {
    this.remoteAddr = addr;
    this.#epoch++;
  }
  getLocalPort(): number {
    return this.localPort;
  }
  setLocalPort(port: number): void {
    this.localPort = port;
    this.#epoch++;
  }
  getRemotePort(): number {
    return this.remotePort;
  }
  setRemotePort(port: number): void {
    this.remotePort = port;
    this.#epoch++;
  }

  /** Client classes, in the order they were added (Kea's addClass / inClass / getClasses). */
  addClass(name: string): void {
    this.#classes ??= new Set();
    this.#classes.add(name);
    this.#epoch++;
  }
  inClass(name: string): boolean {
    return this.#classes?.has(name) ?? false;
  }
  getClasses(): string[] {
    return this.#classes ? [...this.#classes] : [];
  }
}

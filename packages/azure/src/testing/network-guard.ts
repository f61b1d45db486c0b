import net from 'node:net';

/** Hosts a test may connect to: the loopback range and names for it. */
export function isLoopbackHost(host: string | undefined): boolean {
  if (host === undefined || host === '' || host === 'localhost') return true; // net's default host is localhost
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === '::1' || bare === '0:0:0:0:0:0:0:1') return true;
  if (/^::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare)) return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare);
}

type Connect = (this: net.Socket, ...args: unknown[]) => net.Socket;

/** Where a `Socket#connect` call is going: `{ host }`, or `{ path }` for a local IPC socket. */
export function connectTarget(args: readonly unknown[]): { host?: string; path?: string } {
  // net.connect() and tls.connect() pass one normalised array: [options, callback].
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (typeof first === 'string' && !/^\d+$/.test(first)) return { path: first };
  if (typeof first === 'number' || typeof first === 'string') return typeof args[1] === 'string' ? { host: args[1] } : {};
  const options = (first ?? {}) as { host?: string; path?: string };
  return options.path ? { path: options.path } : options.host !== undefined ? { host: options.host } : {};
}

/** Wraps `Socket#connect` so that a connection to any non-loopback host throws before a packet leaves. */
export function guardConnect(original: Connect, onBlocked: (host: string) => void): Connect {
  return function guarded(this: net.Socket, ...args: unknown[]) {
    const target = connectTarget(args);
    if (target.path === undefined && !isLoopbackHost(target.host)) {
      onBlocked(String(target.host));
      throw new Error(`network guard: tests of @aks-hybrid/azure may only connect to loopback, not ${target.host}`);
    }
    return original.apply(this, args);
  };
}

/** Installs the guard process-wide; `blocked` lists the hosts refused since the last `takeBlocked`. */
export function installNetworkGuard(): { takeBlocked(): string[]; uninstall(): void } {
  const original = net.Socket.prototype.connect as unknown as Connect;
  let blocked: string[] = [];
  net.Socket.prototype.connect = guardConnect(original, (host) => blocked.push(host)) as unknown as typeof net.Socket.prototype.connect;
  return {
    takeBlocked() {
      const taken = blocked;
      blocked = [];
      return taken;
    },
    uninstall() {
      net.Socket.prototype.connect = original as unknown as typeof net.Socket.prototype.connect;
    },
  };
}

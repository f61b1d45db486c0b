import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { connectTarget, guardConnect, isLoopbackHost } from './network-guard.js';

describe('isLoopbackHost', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['localhost', true],
    ['::1', true],
    ['[::1]', true],
    ['::ffff:127.0.0.1', true],
    [undefined, true],
    ['management.azure.com', false],
    ['graph.microsoft.com', false],
    ['169.254.169.254', false], // the managed-identity endpoint
    ['10.0.0.4', false],
    ['128.0.0.1', false],
    ['127.0.0.1.example.com', false],
  ])('GIVEN %s THEN loopback is %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});

describe('connectTarget', () => {
  it.each<[string, unknown[], { host?: string; path?: string }]>([
    ['normalised args from net.connect', [[{ host: 'a.example', port: 443 }, () => {}]], { host: 'a.example' }],
    ['an options object', [{ host: '127.0.0.1', port: 1 }], { host: '127.0.0.1' }],
    ['port and host', [443, 'b.example'], { host: 'b.example' }],
    ['an IPC path', ['/tmp/x.sock'], { path: '/tmp/x.sock' }],
  ])('GIVEN %s THEN the target is read', (_name, args, expected) => {
    expect(connectTarget(args)).toEqual(expected);
  });
});

describe('guardConnect', () => {
  // The original is a stub, so this test itself never opens a socket.
  const calls: unknown[][] = [];
  const blocked: string[] = [];
  const stub = function (this: net.Socket, ...args: unknown[]) {
    calls.push(args);
    return this;
  };
  const guarded = guardConnect(stub, (host) => blocked.push(host));

  it('GIVEN a loopback target WHEN connecting THEN the original connect runs', () => {
    guarded.call({} as net.Socket, { host: '127.0.0.1', port: 8443 });
    expect(calls).toHaveLength(1);
  });

  it('GIVEN an outside target WHEN connecting THEN it throws before the original runs, and records the host', () => {
    expect(() => guarded.call({} as net.Socket, [{ host: 'management.azure.com', port: 443 }, () => {}])).toThrow(/only connect to loopback/);
    expect(calls).toHaveLength(1);
    expect(blocked).toEqual(['management.azure.com']);
  });

  it('GIVEN the setup file WHEN tests run THEN Socket#connect is the guarded one', () => {
    expect(net.Socket.prototype.connect.name).toBe('guarded');
  });
});

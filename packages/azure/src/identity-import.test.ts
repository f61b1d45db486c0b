import net from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';

describe('@azure/identity at import time', () => {
  afterEach(() => vi.restoreAllMocks());

  it('GIVEN a fresh module graph WHEN @azure/identity is imported and DefaultAzureCredential constructed THEN no connection or fetch is attempted', async () => {
    const connect = vi.spyOn(net.Socket.prototype, 'connect');
    const fetch = vi.spyOn(globalThis, 'fetch');

    const { DefaultAzureCredential } = await import('@azure/identity');
    const credential = new DefaultAzureCredential();

    expect(typeof credential.getToken).toBe('function');
    expect(connect).not.toHaveBeenCalled();
    expect(fetch).not.toHaveBeenCalled();
  });
});

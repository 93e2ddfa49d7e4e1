import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { basePort, findFreePort, portIsFree } from '../../scripts/free-port.mjs';

const open: Server[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** Holds a port, as another program would: `port` 0 takes any free one. */
async function occupy(port = 0, host = '127.0.0.1'): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  open.push(server);
  return (server.address() as AddressInfo).port;
}

describe('the port `npm start` serves on', () => {
  it('takes the wanted port when it is free', async () => {
    const port = await occupy();
    await new Promise((r) => open.pop()!.close(r));
    expect(await findFreePort(port)).toBe(port);
  });

  it('moves on past a port another program holds (even on 127.0.0.1 alone)', async () => {
    const taken = await occupy();
    expect(await portIsFree(taken)).toBe(false);
    const port = await findFreePort(taken);
    expect(port).toBeGreaterThan(taken);
    expect(port).toBeLessThan(taken + 20);
    // And the port it names can really be listened on.
    expect(await occupy(port, '0.0.0.0')).toBe(port);
  });

  it('picks the next free port: 4173 and 4174 taken → 4175', async () => {
    const busy = new Set([4173, 4174]);
    const tried: number[] = [];
    const isFree = async (p: number) => (tried.push(p), !busy.has(p));
    expect(await findFreePort(4173, 20, isFree)).toBe(4175);
    expect(tried).toEqual([4173, 4174, 4175]);
  });

  it('gives up after a bounded number of tries and says which ports it tried', async () => {
    const tried: number[] = [];
    const never = async (p: number) => (tried.push(p), false);
    await expect(findFreePort(4173, 5, never)).rejects.toThrow('Ports 4173–4177 are all in use');
    expect(tried).toEqual([4173, 4174, 4175, 4176, 4177]);
  });

  it('starts from --port, else PORT, else 4173, and refuses a port that is not one', () => {
    expect(basePort([], {})).toBe(4173);
    expect(basePort([], { PORT: '5000' })).toBe(5000);
    expect(basePort(['--port', '6000'], { PORT: '5000' })).toBe(6000);
    expect(() => basePort(['--port', 'abc'], {})).toThrow('not “abc”');
    expect(() => basePort([], { PORT: '70000' })).toThrow('1 to 65535');
  });
});

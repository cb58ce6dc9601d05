import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { startPrism } from '@docspace-people/testing';
import { describe, expect, it } from 'vitest';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitUntilGone(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!alive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !alive(pid);
}

describe('startPrism', () => {
  it('serves the curated spec on a free 127.0.0.1 port and stops for good', async () => {
    const prism = await startPrism();
    expect(prism.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${prism.url}/api/2.0/people/@self`, {
      headers: { Authorization: 'Bearer sk-x' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 0, response: { userName: 'jane.cooper' } });
    await prism.stop();
    await prism.stop(); // twice is harmless
    expect(alive(prism.pid)).toBe(false);
    await expect(fetch(`${prism.url}/api/2.0/people/@self`)).rejects.toThrow();
  });

  it('runs two mocks side by side on different ports', async () => {
    const [a, b] = await Promise.all([startPrism(), startPrism()]);
    expect(a.port).not.toBe(b.port);
    await Promise.all([a.stop(), b.stop()]);
  }, 120_000);

  it('leaves no Prism behind when the process that started it is killed', async () => {
    const script = fileURLToPath(new URL('./fixtures/start-prism-and-hang.mjs', import.meta.url));
    const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const [line] = (await once(child.stdout, 'data')) as [Buffer];
    const pid = Number(line.toString().trim());
    expect(alive(pid)).toBe(true);
    child.kill('SIGKILL');
    expect(await waitUntilGone(pid, 10_000)).toBe(true);
  });

  it('reports why when the spec cannot be served', async () => {
    await expect(startPrism({ spec: '/nonexistent/openapi.json', startTimeoutMs: 8000 })).rejects.toThrow(
      /Prism did not start/,
    );
  });
});

import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import config from '../../webpack.config.js';

interface CopyPattern {
  from: string;
  transform?: (content: Buffer) => string;
}

async function manifestTransform(): Promise<(content: Buffer) => string> {
  const c = await (config as (env: object, options: object) => Promise<{ plugins: Array<{ patterns?: CopyPattern[] }> }>)({}, { mode: 'production' });
  const pattern = c.plugins.flatMap((p) => p.patterns ?? []).find((p) => p.from === 'manifest.xml');
  return pattern!.transform!;
}

afterEach(() => delete process.env.SALDO_BASE_URL);

describe('the production manifest', () => {
  it('gets its base URL from SALDO_BASE_URL: no localhost is left', async () => {
    process.env.SALDO_BASE_URL = 'https://saldo.kommune.example/addin/';
    const out = (await manifestTransform())(readFileSync(new URL('../../manifest.xml', import.meta.url)));
    expect(out).not.toMatch(/localhost/);
    expect(out).toMatch(/https:\/\/saldo\.kommune\.example\/addin\/taskpane\.html/);
    expect(out).toMatch(/https:\/\/saldo\.kommune\.example\/addin\/functions-da\.json/);
  });
  it('refuses a base URL that is not https or lacks the final slash', async () => {
    process.env.SALDO_BASE_URL = 'http://saldo.kommune.example/addin';
    await expect(manifestTransform()).rejects.toThrow(/SALDO_BASE_URL skal være en https-adresse/);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GUANGDONG_CITIES, INDUSTRIES } from '../../schemas/index.ts';
import { FIELD_TEXT } from '../../schemas/labels/index.ts';
import { buildApp } from '../../server/app.ts';
import { PUBLIC_DIR as PUBLIC } from '../../server/routes/page.ts';
import { bundled } from '../support/rulebase.ts';

/** The self-assessment page as served (no browser needed: tests/browser drives it in chromium). */
const app = buildApp({ base: bundled(), today: () => '2017-06-01' });
afterAll(() => app.close());

describe('self-assessment page: serving', () => {
  it('serves index.html at / and each module and the style sheet under /assets/, typed, revalidated and preloaded', async () => {
    const root = await app.inject({ method: 'GET', url: '/' });
    expect(root.statusCode).toBe(200);
    expect(root.headers['content-type']).toMatch(/text\/html/);
    expect(root.headers['content-security-policy']).toContain("script-src 'self'");
    expect(root.body).toContain('<script type="module" src="/assets/app.js"></script>');
    // No inline script: the CSP allows none.
    expect(root.body.match(/<script\b[^>]*>/g)).toEqual(['<script type="module" src="/assets/app.js">']);
    const modules = readdirSync(PUBLIC).filter((f) => f.endsWith('.js'));
    expect(modules.length).toBeGreaterThan(8);
    const preloaded = [...root.body.matchAll(/<link rel="modulepreload" href="\/assets\/([\w-]+\.js)">/g)].map((m) => m[1]);
    expect(preloaded.sort()).toEqual(modules.filter((f) => f !== 'app.js').sort());
    for (const [file, type] of [...modules.map((m) => [m, /^text\/javascript|^application\/javascript/] as const), ['style.css', /^text\/css/] as const]) {
      const r = await app.inject({ method: 'GET', url: `/assets/${file}` });
      expect(r.statusCode, file).toBe(200);
      expect(r.headers['content-type'], file).toMatch(type);
      expect(r.headers['cache-control'], file).toMatch(/max-age=0/);
      expect(r.headers.etag, file).toBeTruthy();
      expect(r.headers['x-content-type-options'], file).toBe('nosniff');
    }
    expect((await app.inject({ method: 'GET', url: '/assets/../app.ts' })).statusCode).toBe(404);
  });

  it('every module is small, type-checked and holds no label of the profile or its values: those come from GET /v1/labels', () => {
    const texts = [
      ...Object.values(FIELD_TEXT).flatMap((t) => [t.label.zh, t.label.en, ...(t.hint ? [t.hint.zh, t.hint.en] : [])]),
      ...Object.values(INDUSTRIES).flatMap((i) => [i.zh, i.en]),
      ...Object.values(GUANGDONG_CITIES),
    ];
    for (const file of readdirSync(PUBLIC).filter((f) => f.endsWith('.js'))) {
      const source = readFileSync(join(PUBLIC, file), 'utf8');
      expect(source.split('\n').length, file).toBeLessThan(300);
      expect(source.startsWith('// @ts-check\n'), file).toBe(true);
      expect(
        texts.filter((t) => source.includes(`'${t}'`)),
        file,
      ).toEqual([]);
    }
  });

  it('the screener asks the first not-yet-asked questions, most decisive first', async () => {
    const mod = await import(new URL('../../server/public/screener.js', import.meta.url).href);
    const paths = ['sector', 'energy.keyEnergyUser', 'titles', 'audit.mandatoryListed.listed', 'audit.mandatoryListed.deadline', 'conduct.falsifiedAudit'];
    expect(mod.fieldsForFact('audit.mandatoryListed', paths)).toEqual(['audit.mandatoryListed.listed', 'audit.mandatoryListed.deadline']);
    const questions = [
      { fact: 'sector' },
      { fact: 'aboveDesignatedSize' },
      { fact: 'titles' },
      { fact: 'energy.keyEnergyUser' },
      { fact: 'conduct.falsifiedAudit' },
    ];
    expect(mod.nextBatch(questions, new Set(['sector']), paths, 2)).toEqual(['titles', 'energy.keyEnergyUser']);
  });
});

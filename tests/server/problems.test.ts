import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { languageOfHeader } from '../../server/language.ts';
import { buildApp } from '../../server/index.ts';
import { PROBLEM_SLUGS, PROBLEMS } from '../../server/problems/catalog.ts';
import { problemsDoc } from '../../server/problems/page.ts';
import { bundled } from '../support/rulebase.ts';

/**
 * Problem types are URIs of this project (issue 13): `/problems/<slug>`, served by the app in the language asked for,
 * documented in docs/problems.md — all three from the one table in server/problems/catalog.ts.
 */
const app = buildApp({ base: bundled(), today: () => '2014-06-01', rateLimitMax: 0 });
afterAll(() => app.close());

const DOC = new URL('../../docs/problems.md', import.meta.url);
const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

describe('problem types', () => {
  it('docs/problems.md is generated from the table and agrees with it (UPDATE_DOCS=1 rewrites it)', () => {
    const generated = problemsDoc();
    if (process.env.UPDATE_DOCS === '1') writeFileSync(DOC, generated);
    expect(readFileSync(DOC, 'utf8')).toBe(generated);
    for (const slug of PROBLEM_SLUGS) {
      expect(generated).toContain(`## ${slug}\n`);
      expect(generated).toContain(PROBLEMS[slug].about.en);
      expect(generated).toContain(PROBLEMS[slug].action.zh);
    }
  });

  it('every type has a status, and both languages for its title, meaning and action', () => {
    for (const slug of PROBLEM_SLUGS) {
      const p = PROBLEMS[slug];
      expect(p.status, slug).toBeGreaterThanOrEqual(400);
      for (const part of [p.title, p.about, p.action]) {
        expect(part.zh, slug).toMatch(/\p{Script=Han}/u);
        expect(part.en, slug).not.toMatch(/\p{Script=Han}/u);
      }
    }
  });

  it('GET /problems/<slug> explains it in the language asked for (HTML, or Markdown on request)', async () => {
    const zh = await get('/problems/unknown-ruleset');
    expect(zh.statusCode).toBe(200);
    expect(zh.headers['content-type']).toMatch(/^text\/html/);
    expect(zh.headers['content-language']).toBe('zh-CN');
    expect(zh.body).toContain('<html lang="zh-CN">');
    expect(zh.body).toContain('<h1>规则集或版本不存在</h1>');
    expect(zh.body).toContain(PROBLEMS['unknown-ruleset'].action.zh.replace(/`([^`]+)`/g, '<code>$1</code>'));
    const en = await get('/problems/unknown-ruleset', { 'accept-language': 'en' });
    expect(en.headers['content-language']).toBe('en');
    expect(en.body).toContain('<h1>Unknown rule set or version</h1>');
    expect(en.body).toContain('HTTP 404');
    expect(en.body).not.toMatch(/规则集/);
    expect((await get('/problems/unknown-ruleset?lang=en', { 'accept-language': 'zh' })).body).toContain('What to do');
    const md = await get('/problems/rate-limited?lang=en', { accept: 'text/markdown' });
    expect(md.headers['content-type']).toMatch(/^text\/markdown/);
    expect(md.body).toMatch(/^# Too many requests\n\nHTTP 429/);
    // the page passes the same Content-Security-Policy as the rest: no inline script or style
    expect(zh.body).not.toMatch(/<script|<style|style=/);
  });

  it('GET /problems lists every type; an unknown one is a 404 problem', async () => {
    const index = await get('/problems?lang=en');
    for (const slug of PROBLEM_SLUGS) expect(index.body).toContain(`href="/problems/${slug}?lang=en"`);
    const none = await get('/problems/nope');
    expect(none.statusCode).toBe(404);
    expect(none.json()).toMatchObject({ type: '/problems/not-found', title: '未找到' });
  });

  it('the type of every problem the API sends is a page of this project that answers 200', async () => {
    const seen = new Set<string>();
    for (const r of [
      await app.inject({ method: 'POST', url: '/v1/evaluate', payload: { profile: { x: 1 } } }),
      await app.inject({ method: 'POST', url: '/v1/evaluate', payload: { profile: {}, rulesets: ['nope'] } }),
      await app.inject({ method: 'PUT', url: '/v1/evaluate' }),
      await get('/v1/nothing'),
      await app.inject({ method: 'POST', url: '/v1/evaluate', headers: { 'content-type': 'text/plain' }, payload: '{}' }),
    ]) {
      const type = r.json().type as string;
      expect(type).toMatch(/^\/problems\/[a-z0-9-]+$/);
      expect(type).not.toMatch(/example/);
      seen.add(type);
      expect((await get(type)).statusCode, type).toBe(200);
    }
    expect(seen.size).toBe(5);
  });

  it('reads Accept-Language by quality when Node refused the request before fastify parsed it', () => {
    expect(languageOfHeader(undefined)).toBe('zh');
    expect(languageOfHeader('en')).toBe('en');
    expect(languageOfHeader('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh');
    expect(languageOfHeader('fr, en;q=0.5, zh;q=0.4')).toBe('en');
    expect(languageOfHeader('fr')).toBe('zh');
  });
});

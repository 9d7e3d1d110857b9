import { describe, expect, it } from 'vitest';
import { evaluate, UnknownRuleSetError } from '../../engine/index.ts';
import { loadRuleBase } from '../../loader/index.ts';
import type { Profile } from '../../schemas/index.ts';
import { versionOn } from '../support/versions.ts';

const base = loadRuleBase(undefined, ['cppl']);
const highEnergyOnly: Profile = {
  sector: 'industry',
  location: { province: 'guangdong', city: 'foshan' },
  energy: { exceedsConsumptionQuota: true },
  environment: { exceedsDischargeStandard: false, exceedsTotalQuota: false, usesToxicRawMaterials: false, dischargesToxicSubstances: false },
};

describe('evaluate against cppl', () => {
  it('a high-energy-only enterprise is not mandatory under the 2002 text (2012-03-01) and is under the 2012 text (2012-08-01)', () => {
    const before = evaluate(base, highEnergyOnly, { asOf: '2012-03-01' });
    const edition2002 = versionOn('cppl', '2012-03-01').version;
    expect(before.rulesets).toEqual([expect.objectContaining({ id: 'cppl', version: edition2002, status: 'in-force' })]);
    expect(before.summary.audit.status).toBe('encouraged');
    const after = evaluate(base, highEnergyOnly, { asOf: '2012-08-01' });
    expect(after.rulesets[0]).toMatchObject({ version: versionOn('cppl', '2012-08-01').version, status: 'in-force' });
    expect(after.summary.audit).toMatchObject({ status: 'mandatory', basis: ['cppl-2012-art27-2-2-high-energy'] });
    const d = after.decisions.find((x) => x.id === 'cppl-2012-art27-2-2-high-energy')!;
    expect(d.citation.quote).toBe('超过单位产品能源消耗限额标准构成高耗能的');
    expect(d.because).toEqual([{ fact: 'energy.exceedsConsumptionQuota', operator: 'equal', value: true, actual: true }]);
  });

  it('a missing fact makes the mandatory grounds undetermined and asks for it first', () => {
    const a = evaluate(base, { sector: 'industry' }, { asOf: '2020-01-01' });
    expect(a.summary.audit.status).toBe('encouraged');
    expect(a.summary.audit.couldBe).toEqual(['mandatory']);
    expect(a.undetermined.map((u) => u.id)).toContain('cppl-2012-art27-2-2-high-energy');
    expect(a.questions.slice(0, 5).map((q) => q.fact)).toContain('energy.exceedsConsumptionQuota');
  });

  it('before the law and with a pinned version', () => {
    const early = evaluate(base, highEnergyOnly, { asOf: '2001-05-01' });
    // Not yet in force: the version that will apply on its first day (not merely the first version written).
    expect(early.rulesets[0]).toMatchObject({ status: 'not-yet-in-force', version: versionOn('cppl', '2003-01-01').version });
    expect(early.decisions).toEqual([]);
    expect(early.warnings.map((w) => w.code)).toContain('ruleset-not-in-force');
    const edition2002 = versionOn('cppl', '2012-03-01').version;
    const pinned = evaluate(base, highEnergyOnly, { asOf: '2014-01-01', versions: { cppl: edition2002 } });
    expect(pinned.rulesets[0]).toMatchObject({ version: edition2002, status: 'expired', pinned: true });
    const withOld = evaluate(base, highEnergyOnly, { asOf: '2014-01-01', versions: { cppl: edition2002 }, includeOutOfForce: true });
    expect(withOld.decisions.length).toBeGreaterThan(0);
    expect(withOld.decisions.every((d) => d.inForce === false)).toBe(true);
  });

  it('unknown rule sets and versions are named errors with the offending path', () => {
    expect(() => evaluate(base, {}, { asOf: '2014-01-01', rulesets: ['cpp'] })).toThrow(UnknownRuleSetError);
    const thrown = (() => {
      try {
        evaluate(base, {}, { asOf: '2014-01-01', versions: { cppl: '9.9.9' } });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(thrown).toBeInstanceOf(UnknownRuleSetError);
    expect((thrown as UnknownRuleSetError).details[0]?.path).toBe('versions.cppl');
  });

  it('the rectification order and the fine on refusal are separate; the fine needs the refusal', () => {
    const p: Profile = {
      ...highEnergyOnly,
      conduct: { refusedOrDelayedAudit: true, falsifiedAudit: false, misreportedAudit: false, refusedRectification: false },
    };
    const a = evaluate(base, p, { asOf: '2015-01-01' });
    expect(a.summary.sanctions.map((s) => s.id)).toEqual(['cppl-2012-art39-rectification-order']);
    const b = evaluate(base, { ...p, conduct: { ...p.conduct, refusedRectification: true } }, { asOf: '2015-01-01' });
    expect(b.summary.sanctions.map((s) => s.id)).toContain('cppl-2012-art39-fine-on-refusal');
    expect(b.decisions.find((d) => d.id === 'cppl-2012-art39-fine-on-refusal')?.fine).toEqual({ minYuan: 50000, maxYuan: 500000 });
  });

  it('whyNot names the failed conditions of incentives', () => {
    const a = evaluate(base, { ...highEnergyOnly, finance: { sme: false } }, { asOf: '2015-01-01' });
    expect(a.whyNot.find((w) => w.id === 'cppl-2012-art32-sme-fund')?.missing).toEqual([
      { fact: 'finance.sme', operator: 'equal', value: true, actual: false, text: '中小企业要求：是；企业：否' },
    ]);
  });

  it('the receipt pins the rule-set content and the input', () => {
    const a = evaluate(base, highEnergyOnly, { asOf: '2015-01-01' });
    const b = evaluate(base, { ...highEnergyOnly }, { asOf: '2015-01-01' });
    expect(a.receipt.rulesets[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(a.receipt.profileSha256).toBe(b.receipt.profileSha256);
    expect(evaluate(base, { ...highEnergyOnly, sector: 'services' }, { asOf: '2015-01-01' }).receipt.profileSha256).not.toBe(a.receipt.profileSha256);
  });
});

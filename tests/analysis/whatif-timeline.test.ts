import { describe, expect, it } from 'vitest';
import { linkWhyNot, timeline, whatIf } from '../../analysis/index.ts';
import { evaluate, ValidationError } from '../../engine/index.ts';
import type { Profile } from '../../schemas/index.ts';
import { bundled } from '../support/rulebase.ts';
import { versionOn } from '../support/versions.ts';

const ceramics: Profile = {
  id: 'foshan-ceramics',
  sector: 'industry',
  location: { province: 'guangdong', city: 'foshan', district: 'nanhai', park: { inPark: false } },
  industry: { keys: ['ceramics'] },
  size: { annualRevenue: 18000 },
  energy: { annualConsumptionTce: 60000, exceedsConsumptionQuota: true, keyEnergyUser: true },
  environment: { exceedsDischargeStandard: false, exceedsTotalQuota: false, usesToxicRawMaterials: false, dischargesToxicSubstances: false },
};

describe('what-if', () => {
  it('fixing the discharge exceedance ends the mandatory audit, and says so', () => {
    const p: Profile = {
      sector: 'industry',
      environment: { exceedsDischargeStandard: true, exceedsTotalQuota: false, usesToxicRawMaterials: false, dischargesToxicSubstances: false },
      energy: { exceedsConsumptionQuota: false },
    };
    const r = whatIf(bundled(), p, { asOf: '2014-06-01', rulesets: ['cppl'] }, [{ path: 'environment.exceedsDischargeStandard', value: false }]);
    expect(r.before.summary.audit.status).toBe('mandatory');
    expect(r.after.summary.audit.status).toBe('encouraged');
    expect(r.difference.audit).toMatchObject({ from: 'mandatory', to: 'encouraged', changed: true });
    expect(r.difference.summary[0]).toBe(
      '假如「污染物排放超标」为否，审核不再是 mandatory（依据 cppl-2012-art27-2-1-exceeds-standard-or-quota），而是 encouraged（依据 cppl-2012-art27-1-audit-as-needed）',
    );
    const en = whatIf(bundled(), p, { asOf: '2014-06-01', rulesets: ['cppl'], lang: 'en' }, [{ path: 'environment.exceedsDischargeStandard', value: false }]);
    expect(en.difference.summary[0]).toMatch(
      /^if “Discharges above the standard” is no, the audit stops being mandatory under cppl-2012-art27-2-1-exceeds-standard-or-quota/,
    );
    expect(r.difference.incentives.added).toContain('cppl-2012-art28-voluntary-agreement');
  });

  it('rejects a change to a field the profile does not have, or one that makes it invalid', () => {
    expect(() => whatIf(bundled(), {}, { asOf: '2014-06-01' }, [{ path: 'energy.quota', value: 1 }])).toThrow(ValidationError);
    expect(() => whatIf(bundled(), {}, { asOf: '2014-06-01' }, [{ path: 'size.annualRevenue', value: 'lots' }])).toThrow(/size\.annualRevenue/);
  });

  it('whyNot links to the single change that would satisfy it, and that change does', () => {
    const p: Profile = { sector: 'industry', finance: { sme: false } };
    const a = linkWhyNot(bundled(), p, evaluate(bundled(), p, { asOf: '2014-06-01', rulesets: ['cppl'] }));
    const w = a.whyNot.find((x) => x.id === 'cppl-2012-art32-sme-fund')!;
    expect(w.whatIf).toEqual({ changes: [{ path: 'finance.sme', value: true }] });
    const after = whatIf(bundled(), p, { asOf: '2014-06-01', rulesets: ['cppl'] }, w.whatIf!.changes);
    expect(after.difference.incentives.added).toContain('cppl-2012-art32-sme-fund');
    for (const entry of a.whyNot.filter((x) => x.whatIf)) {
      const fired = evaluate(bundled(), whatIf(bundled(), p, { asOf: '2014-06-01' }, entry.whatIf!.changes).changed, {
        asOf: '2014-06-01',
        rulesets: [entry.ruleset],
      });
      expect(fired.decisions.map((d) => d.id)).toContain(entry.id);
    }
  });
});

describe('timeline', () => {
  it('a high-energy Foshan ceramics maker: periods bounded where its basis changes', () => {
    const t = timeline(bundled(), ceramics, { from: '2003-01-01', to: '2026-11-24' });
    const starts = t.periods.map((p) => p.from);
    expect(starts).toEqual(expect.arrayContaining(['2003-01-01', '2011-01-31', '2012-07-01', '2016-01-01', '2021-01-01']));
    const at = (date: string) => t.periods.find((p) => p.from <= date && date <= p.to)!;
    expect(at('2012-06-30').audit.status).toBe('required');
    expect(at('2012-06-30').to).toBe('2012-06-30');
    expect(at('2012-07-01').audit).toMatchObject({ status: 'mandatory', basis: ['cppl-2012-art27-2-2-high-energy'] });
    expect(at('2016-01-01').route).toBe('standard');
    expect(at('2020-12-31').to).toBe('2020-12-31');
    expect(at('2021-01-01').rulesetsInForce).toEqual([`cppl@${versionOn('cppl', '2021-01-01').version}`]);
    for (let i = 1; i < t.periods.length; i++) expect(t.periods[i]!.from > t.periods[i - 1]!.to).toBe(true);
  });
});

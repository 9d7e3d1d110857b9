import type { Answer } from '../schemas/index.ts';

const quote = (q: string | string[]) => (Array.isArray(q) ? q.join(' … ') : q).replace(/\s+/g, '');
const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** A readable report: the verdict, then each decision with its rule, outcome and quoted basis. */
export function textReport(a: Answer): string {
  const lines: string[] = [];
  const s = a.summary;
  lines.push(`Cleaner-production assessment${a.profileId ? ` for ${a.profileId}` : ''} as of ${a.asOf}`, '');
  lines.push('Rule sets:');
  for (const r of a.rulesets) lines.push(`  ${r.id} ${r.version}: ${r.status} — ${r.reason}`);
  lines.push('');
  lines.push(`AUDIT: ${s.audit.status}${s.audit.dueBy ? `, due by ${s.audit.dueBy}` : ''}${s.audit.cycleYears ? `, every ${s.audit.cycleYears} years` : ''}${s.audit.overdue ? ' — OVERDUE' : ''}`);
  if (s.audit.basis.length) lines.push(`  basis: ${s.audit.basis.join(', ')}`);
  if (s.audit.couldBe.length) lines.push(`  could be ${s.audit.couldBe.join(' or ')} depending on facts not given`);
  lines.push(`ROUTE: ${s.process.route}${s.process.acceptance.length ? `; acceptance: ${s.process.acceptance.join(', ')}` : ''} — ${s.process.reason}`);
  lines.push(`INCENTIVES: ${s.incentives.length}  SANCTIONS: ${s.sanctions.length}  OBLIGATIONS: ${s.obligations.length}  RECOMMENDATIONS: ${s.recommendations.length}`, '');
  lines.push('Decisions:');
  for (const d of a.decisions) {
    lines.push(`- [${d.kind}: ${d.outcome}] ${d.title.zh} / ${d.title.en}${d.inForce ? '' : ' (not in force)'}`);
    lines.push(`    rule ${d.id} (${d.ruleset} ${d.version}), ${d.citation.document} ${d.citation.section}`);
    lines.push(`    「${quote(d.citation.quote)}」`);
    if (d.because.length) lines.push(`    because: ${d.because.map((b) => `${b.negated ? 'not ' : ''}${b.fact} ${b.operator} ${show(b.value)} (is ${show(b.actual)})`).join('; ')}`);
    if (d.dueBy !== undefined || d.cycleYears) lines.push(`    due by: ${d.dueBy ?? 'n/a'}${d.cycleYears ? `, cycle ${d.cycleYears} years` : ''}${d.overdue ? ', overdue' : ''}`);
    if (d.fine) lines.push(`    fine: ${d.fine.minYuan !== undefined ? `${d.fine.minYuan}–` : 'up to '}${d.fine.maxYuan} yuan`);
    if (d.notEncoded) lines.push(`    not encoded: ${d.notEncoded}`);
    if (d.historic) lines.push(`    history only: ${d.historic}`);
  }
  if (a.whyNot.length) {
    lines.push('', 'Why not:');
    for (const w of a.whyNot) {
      lines.push(`- ${w.id}: ${w.title.en} — needs ${w.missing.map((m) => `${m.negated ? 'not ' : ''}${m.fact} ${m.operator} ${show(m.value)} (is ${show(m.actual)})`).join('; ')}`);
      if (w.whatIf) lines.push(`    what if: ${w.whatIf.changes.map((c) => `${c.path} = ${show(c.value)}`).join(', ')} would satisfy it`);
    }
  }
  if (a.undetermined.length) {
    lines.push('', 'Undetermined (facts not given):');
    for (const u of a.undetermined) lines.push(`- ${u.id}: ${u.title.en} — needs ${u.missingFacts.join(', ')}`);
  }
  if (a.questions.length) lines.push('', `Questions that could change the answer: ${a.questions.map((q) => q.fact).join(', ')}`);
  if (a.warnings.length) {
    lines.push('', 'Warnings:');
    for (const w of a.warnings) lines.push(`- [${w.code}] ${w.message}`);
  }
  lines.push('', `Receipt: ${a.receipt.rulesets.map((r) => `${r.id}@${r.version}#${r.sha256.slice(0, 12)}`).join(' ')} profile#${a.receipt.profileSha256.slice(0, 12)} engine ${a.receipt.engineVersion}`);
  return lines.join('\n');
}

import type { Answer, AnswerView } from '../schemas/index.ts';

const quote = (q: string | string[]) => (Array.isArray(q) ? q.join(' … ') : q).replace(/\s+/g, '');
const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

type Duty = NonNullable<Answer['decisions'][number]['duty']>;

/** One duty's state in words: when it is due and how it stands. */
function dutyText(d: Duty): string {
  const due = d.dueBy ? `due ${d.dueBy}` : d.dueKind === 'none' ? 'no due date stated' : 'due date not known';
  const cycle = d.cycleYears ? ` (a round every ${d.cycleYears} years)` : '';
  const past = d.missed
    .filter((m) => m.dueBy !== d.dueBy)
    .map((m) => `; missed ${m.dueBy}${m.madeUpOn ? `, made up ${m.madeUpOn}` : ''}`)
    .join('');
  switch (d.state) {
    case 'met':
      return `${due}${cycle}: met${d.deemed ? ' (deemed: a certification counts as the audit)' : d.metBy ? ` by the audit of ${d.metBy}` : ''}${past}`;
    case 'pending':
      return `${due}${cycle}: not yet met${past}`;
    case 'overdue':
      return `${due}${cycle}: OVERDUE — no audit since${past}`;
    case 'missed':
      return `${due}${cycle}: missed${d.madeUpOn ? `, made up by the audit of ${d.madeUpOn}` : ', not made up'}${past}`;
    case 'undetermined':
      return `${due}${cycle}: not known whether met${d.ask.length ? ` (give ${d.ask.join(', ')})` : ''}${past}`;
  }
}

/** By when, under which rule, and is it late: the due date with its basis, then every missed due date. */
function dueLines(a: AnswerView): string[] {
  const s = a.summary.audit;
  const out: string[] = [];
  const section = (id: string) => {
    const d = (a.decisions ?? []).find((x) => x.id === id) ?? s.missed.find((x) => x.id === id);
    return d?.citation ? ` (${d.citation.document} ${d.citation.section})` : '';
  };
  if (s.dueBy) {
    const state = s.overdue
      ? ': not met — OVERDUE'
      : s.metBy
        ? `: met by the audit of ${s.metBy}`
        : s.overdue === null
          ? ': not known whether met'
          : ': not yet met';
    out.push(`  due ${s.dueBy} under ${s.dueBasis.map((id) => `${id}${section(id)}`).join('; ')}${state}`);
  } else if (s.status === 'mandatory' || s.status === 'required') out.push('  no due date: no rule in force sets one for this enterprise');
  if (s.cycleYears) out.push(`  every ${s.cycleYears} years`);
  if (s.overdue === null) out.push('  overdue: not known — the audit dates (audit.lastCompleted, audit.rounds) or a fact a duty needs are not given');
  for (const m of s.missed) {
    out.push(
      `  missed ${m.dueBy} under ${m.id} (${m.ruleset} ${m.version}${m.citation ? `, ${m.citation.section}` : ''})${m.madeUpOn ? `, made up ${m.madeUpOn}` : ', not made up'}${m.inForce ? '' : ' — that duty is no longer in force'}`,
    );
  }
  return out;
}

/** A readable report: the verdict, then each decision with its rule, outcome and quoted basis. */
export function textReport(a: AnswerView): string {
  const lines: string[] = [];
  const s = a.summary;
  lines.push(`Cleaner-production assessment${a.profileId ? ` for ${a.profileId}` : ''} as of ${a.asOf}`, '');
  lines.push('Rule sets:');
  for (const r of a.rulesets) lines.push(`  ${r.id} ${r.version}: ${r.status} — ${r.reason}`);
  lines.push('');
  lines.push(`AUDIT: ${s.audit.status}${s.audit.overdue ? ' — OVERDUE' : ''}`);
  if (s.audit.basis.length) lines.push(`  basis: ${s.audit.basis.join(', ')}`);
  lines.push(...dueLines(a));
  if (s.audit.couldBe.length) lines.push(`  could be ${s.audit.couldBe.join(' or ')} depending on facts not given`);
  lines.push(`ROUTE: ${s.process.route}${s.process.acceptance.length ? `; acceptance: ${s.process.acceptance.join(', ')}` : ''} — ${s.process.reason}`);
  lines.push(
    `INCENTIVES: ${s.incentives.length}  SANCTIONS: ${s.sanctions.length}  OBLIGATIONS: ${s.obligations.length}  RECOMMENDATIONS: ${s.recommendations.length}`,
    '',
  );
  lines.push('Decisions:');
  for (const d of a.decisions ?? []) {
    lines.push(`- [${d.kind}: ${d.outcome}] ${d.title.zh} / ${d.title.en}${d.inForce ? '' : ' (not in force)'}`);
    lines.push(`    rule ${d.id} (${d.ruleset} ${d.version}), ${d.citation.document} ${d.citation.section}`);
    lines.push(`    「${quote(d.citation.quote)}」`);
    if (d.because.length)
      lines.push(
        `    because: ${d.because.map((b) => `${b.negated ? 'not ' : ''}${b.fact} ${b.operator} ${show(b.value)} (is ${show(b.actual)})`).join('; ')}`,
      );
    if (d.duty) lines.push(`    duty: ${dutyText(d.duty)}`);
    if (d.fine) lines.push(`    fine: ${d.fine.minYuan !== undefined ? `${d.fine.minYuan}–` : 'up to '}${d.fine.maxYuan} yuan`);
    if (d.notEncoded) lines.push(`    not encoded: ${d.notEncoded}`);
    if (d.historic) lines.push(`    history only: ${d.historic}`);
  }
  if (a.whyNot?.length) {
    lines.push('', 'Why not:');
    for (const w of a.whyNot) {
      lines.push(
        `- ${w.id}: ${w.title.en} — needs ${w.missing.map((m) => `${m.negated ? 'not ' : ''}${m.fact} ${m.operator} ${show(m.value)} (is ${show(m.actual)})`).join('; ')}`,
      );
      if (w.whatIf) lines.push(`    what if: ${w.whatIf.changes.map((c) => `${c.path} = ${show(c.value)}`).join(', ')} would satisfy it`);
    }
  }
  if (a.undetermined?.length) {
    lines.push('', 'Undetermined (facts not given):');
    for (const u of a.undetermined) lines.push(`- ${u.id}: ${u.title.en} — needs ${u.missingFacts.join(', ')}`);
  }
  if (a.questions?.length) lines.push('', `Questions that could change the answer: ${a.questions.map((q) => q.fact).join(', ')}`);
  if (a.warnings.length) {
    lines.push('', 'Warnings:');
    for (const w of a.warnings) lines.push(`- [${w.code}] ${w.message}`);
  }
  lines.push(
    '',
    `Receipt: ${a.receipt.rulesets.map((r) => `${r.id}@${r.version}#${r.sha256.slice(0, 12)}`).join(' ')} profile#${a.receipt.profileSha256.slice(0, 12)} engine ${a.receipt.engineVersion}`,
  );
  return lines.join('\n');
}

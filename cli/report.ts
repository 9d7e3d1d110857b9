import { factLabel, testWords, type Lang } from '../engine/index.ts';
import { ANSWER_VALUE_NAMES, type AnswerView, type Decision } from '../schemas/index.ts';
import { REPORT_TEXT, type ReportText } from './report-text.ts';

const quote = (q: string | string[]) => (Array.isArray(q) ? q.join(' … ') : q).replace(/\s+/g, '');
type Duty = NonNullable<Decision['duty']>;

/** One duty's state in words: when it is due and how it stands. */
function dutyText(d: Duty, t: ReportText): string {
  const due = d.dueBy ? t.due(d.dueBy) : d.dueKind === 'none' ? t.noDueDate : t.dueUnknown;
  const cycle = d.cycleYears ? t.cycle(d.cycleYears) : '';
  const past = d.missed
    .filter((m) => m.dueBy !== d.dueBy)
    .map((m) => t.pastMissed(m.dueBy, m.madeUpOn))
    .join('');
  switch (d.state) {
    case 'met':
      return `${due}${cycle}${t.met(d.deemed === true, d.metBy)}${past}`;
    case 'pending':
      return `${due}${cycle}${t.pending}${past}`;
    case 'overdue':
      return `${due}${cycle}${t.overdue}${past}`;
    case 'missed':
      return `${due}${cycle}${t.missed(d.madeUpOn)}${past}`;
    case 'undetermined':
      return `${due}${cycle}${t.undetermined(d.ask)}${past}`;
  }
}

/** By when, under which rule, and is it late: the due date with its basis, then every missed due date. */
function dueLines(a: AnswerView, t: ReportText): string[] {
  const s = a.summary.audit;
  const out: string[] = [];
  const section = (id: string) => {
    const d = (a.decisions ?? []).find((x) => x.id === id) ?? s.missed.find((x) => x.id === id);
    return d?.citation ? ` (${d.citation.document} ${d.citation.section})` : '';
  };
  if (s.dueBy) {
    const state = s.overdue ? t.stateOverdue : s.metBy ? t.stateMet(s.metBy) : s.overdue === null ? t.stateUnknown : t.stateOpen;
    out.push(`  ${t.dueUnder(s.dueBy, s.dueBasis.map((id) => `${id}${section(id)}`).join('; '))}${state}`);
  } else if (s.status === 'mandatory' || s.status === 'required') out.push(`  ${t.noDueDateSet}`);
  if (s.cycleYears) out.push(`  ${t.every(s.cycleYears)}`);
  if (s.overdue === null) out.push(`  ${t.overdueUnknown}`);
  for (const m of s.missed) {
    const where = `${m.ruleset} ${m.version}${m.citation ? `, ${m.citation.section}` : ''}`;
    out.push(`  ${t.missedUnder(m.dueBy, m.id, where, m.madeUpOn, m.inForce)}`);
  }
  return out;
}

function decisionLines(d: Decision, lang: Lang, t: ReportText): string[] {
  const out = [`- [${d.kind}: ${d.outcome}] ${d.title[lang]}${d.inForce ? '' : t.notInForce}`];
  out.push(`    ${t.rule(d.id, `${d.ruleset} ${d.version}`, `${d.citation.document} ${d.citation.section}`)}`);
  out.push(`    「${quote(d.citation.quote)}」`);
  if (d.explanation) out.push(`    ${d.explanation}`);
  if (d.because.length) out.push(`    ${t.because}${d.because.map((b) => testWords(b, lang)).join(t.sep)}`);
  if (d.duty) out.push(`    ${t.duty}${dutyText(d.duty, t)}`);
  if (d.fine) out.push(`    ${t.fine(d.fine.minYuan, d.fine.maxYuan)}`);
  if (d.notEncoded) out.push(`    ${t.notEncoded}${d.notEncoded}`);
  if (d.historic) out.push(`    ${t.historic}${d.historic}`);
  return out;
}

/** A readable report in the answer's language: the verdict, then each decision with its rule, outcome and quoted basis. */
export function textReport(a: AnswerView): string {
  const lang: Lang = a.language;
  const t = REPORT_TEXT[lang];
  const names = ANSWER_VALUE_NAMES;
  const lines: string[] = [];
  const s = a.summary;
  lines.push(t.heading(a.profileId, a.asOf), '', t.rulesets);
  // The reason names the status, except for a rule set whose jurisdiction does not cover the enterprise.
  for (const r of a.rulesets)
    lines.push(`  ${r.id} ${r.version}: ${r.status === 'not-applicable' ? `${names.rulesetStatus[r.status][lang]} — ` : ''}${r.reason}`);
  lines.push('');
  lines.push(`${t.audit}${s.audit.status} (${names.auditStatus[s.audit.status][lang]})${s.audit.overdue ? t.overdueMark : ''}`);
  if (s.audit.basis.length) lines.push(`  ${t.basis}${s.audit.basis.join(', ')}`);
  lines.push(...dueLines(a, t));
  if (s.audit.couldBe.length) lines.push(`  ${t.couldBe(s.audit.couldBe.join(t.or))}`);
  const acceptance = s.process.acceptance.map((x) => names.acceptance[x as keyof typeof names.acceptance]?.[lang] ?? x).join(t.sep);
  lines.push(`${t.route}${s.process.route} (${names.route[s.process.route][lang]})${acceptance ? t.acceptance(acceptance) : ''} — ${s.process.reason}`);
  lines.push(t.counts(s.counts), '');
  if (a.decisions) {
    lines.push(t.decisions);
    for (const d of a.decisions) lines.push(...decisionLines(d, lang, t));
  }
  if (a.whyNot?.length) {
    lines.push('', t.whyNot);
    for (const w of a.whyNot) {
      lines.push(`- ${w.id}: ${w.title[lang]} — ${t.needs}${w.missing.map((m) => m.text ?? testWords(m, lang)).join(t.sep)}`);
      if (w.whatIf) lines.push(`    ${t.whatIf(w.whatIf.changes.map((c) => `${factLabel(c.path, lang)} = ${JSON.stringify(c.value)}`).join(t.sep))}`);
    }
  }
  if (a.undetermined?.length) {
    lines.push('', t.undeterminedHeading);
    for (const u of a.undetermined) lines.push(`- ${u.id}: ${u.title[lang]} — ${t.needs}${u.missingFacts.map((f) => factLabel(f, lang)).join(t.sep)}`);
  }
  if (a.questions?.length) {
    lines.push('', t.questions);
    for (const q of a.questions) lines.push(`- ${q.text} (${q.fact})`);
  }
  if (a.warnings.length) {
    lines.push('', t.warnings);
    for (const w of a.warnings) lines.push(`- [${w.code}] ${w.message}`);
  }
  const sets = a.receipt.rulesets.map((r) => `${r.id}@${r.version}#${r.sha256.slice(0, 12)}`).join(' ');
  lines.push('', t.receipt(sets, a.receipt.profileSha256.slice(0, 12), a.receipt.engineVersion));
  return lines.join('\n');
}

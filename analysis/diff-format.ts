import type { RuleChange, RuleSetDiff } from './diff.ts';

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** Added / removed across two different texts: what the older encoding does and does not show. */
const DIFFERENT_TEXTS = (d: RuleSetDiff) =>
  `The two versions encode different texts (${d.differentTexts!.from} → ${d.differentTexts!.to}): "added" means absent from ${d.from}'s encoding, which shows the provision was absent from the older text only where that encoding covers the whole text (see its assumptions); "removed" likewise.`;

function changeLines(c: RuleChange, bullet: string, code: (s: string) => string): string[] {
  const lines: string[] = [];
  if (c.previousId) lines.push(`${bullet}continues ${code(c.previousId)} of the older version`);
  for (const l of c.conditions?.added ?? []) lines.push(`${bullet}condition added: ${code(l.leaf)}${l.under ? ` under ${code(l.under)}` : ''}`);
  for (const l of c.conditions?.removed ?? []) lines.push(`${bullet}condition removed: ${code(l.leaf)}${l.under ? ` under ${code(l.under)}` : ''}`);
  if (c.conditions?.restructured) lines.push(`${bullet}conditions restructured (same leaves, different all/any/not)`);
  for (const f of c.fields) {
    if (f.field === 'citation') {
      const from = f.from as { section?: string } | null;
      const to = f.to as { section?: string } | null;
      lines.push(`${bullet}citation changed: ${from?.section ?? '—'} → ${to?.section ?? '—'}`);
    } else if (f.field === 'title' || f.field === 'explanation') lines.push(`${bullet}${f.field} changed`);
    else lines.push(`${bullet}${f.field}: ${code(show(f.from))} → ${code(show(f.to))}`);
  }
  const s = c.semantic;
  if (c.wording) lines.push(`${bullet}wording changed: 「${c.wording.from}」 → 「${c.wording.to}」`);
  const searched = `${s.searched} profiles searched${s.exhaustive ? ' (exhaustive over the facts it uses)' : ' (sampled)'}`;
  lines.push(
    s.verdict === 'differs'
      ? `${bullet}decides differently, e.g. on ${code(JSON.stringify(s.counterexample!.facts))}: ${s.counterexample!.before} → ${s.counterexample!.after}`
      : c.wording
        ? `${bullet}decides the same on the facts it reads (${searched}), but the text it encodes changed: check that those facts still answer the new wording`
        : `${bullet}refactoring: decides the same on all ${searched}`,
  );
  return lines;
}

export function diffToMarkdown(d: RuleSetDiff): string {
  const code = (s: string) => `\`${s}\``;
  const out = [`# ${d.ruleset}: ${d.from} → ${d.to}`, ''];
  out.push(`${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed, ${d.unchanged.length} unchanged`, '');
  if (d.differentTexts) out.push(`${DIFFERENT_TEXTS(d)}`, '');
  if (d.metadata.length) {
    out.push('## Metadata', '');
    for (const m of d.metadata)
      out.push(`- ${m.field}: ${m.field === 'assumptions' || m.field === 'source' ? 'changed' : `${code(show(m.from))} → ${code(show(m.to))}`}`);
    out.push('');
  }
  if (d.added.length) {
    out.push('## Added', '');
    for (const r of d.added) out.push(`- ${code(r.id)} (${r.kind}: ${r.outcome}) — ${r.title.en} / ${r.title.zh}`);
    out.push('');
  }
  if (d.removed.length) {
    out.push('## Removed', '');
    for (const r of d.removed) out.push(`- ${code(r.id)} (${r.kind}: ${r.outcome}) — ${r.title.en} / ${r.title.zh}`);
    out.push('');
  }
  if (d.changed.length) {
    out.push('## Changed', '');
    for (const c of d.changed) {
      out.push(`### ${code(c.id)}`, '');
      out.push(...changeLines(c, '- ', code), '');
    }
  }
  return out.join('\n');
}

export function diffToText(d: RuleSetDiff): string {
  const id = (s: string) => s;
  const out = [
    `${d.ruleset} ${d.from} -> ${d.to}: ${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed, ${d.unchanged.length} unchanged`,
  ];
  if (d.differentTexts) out.push(`  ${DIFFERENT_TEXTS(d)}`);
  for (const m of d.metadata) out.push(`  metadata ${m.field} changed`);
  for (const r of d.added) out.push(`  + ${r.id} (${r.kind}: ${r.outcome}) ${r.title.en}`);
  for (const r of d.removed) out.push(`  - ${r.id} (${r.kind}: ${r.outcome}) ${r.title.en}`);
  for (const c of d.changed) out.push(`  ~ ${c.id}`, ...changeLines(c, '      ', id));
  return out.join('\n');
}

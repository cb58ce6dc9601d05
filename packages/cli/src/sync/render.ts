import { type Heir, massChange, type PlanAction, type PlanFile, type PlanItem } from './model.js';

const SIGNS: Record<PlanAction, string> = {
  'create-group': '+',
  create: '+',
  reactivate: '^',
  'change-type': '~',
  'add-to-group': '+',
  'remove-from-group': '-',
  'set-quota': '~',
  terminate: '-',
  delete: 'x',
};

/** A size in bytes as people write it (-1: unlimited). */
function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return 'none';
  if (bytes < 0) return 'unlimited';
  for (const [unit, size] of [
    ['TB', 1024 ** 4],
    ['GB', 1024 ** 3],
    ['MB', 1024 ** 2],
    ['KB', 1024],
  ] as const) {
    if (bytes >= size && bytes % (size / 1024) === 0) return `${+(bytes / size).toFixed(2)}${unit}`;
  }
  return `${bytes}B`;
}

const heirText = (heir: Heir | undefined) =>
  heir ? `data to ${heir.email || heir.id}` : 'NO HEIR: give --heir';

/** What one item will do, in words (the part after the e-mail). */
export function describeItem(item: PlanItem): string {
  switch (item.action) {
    case 'create-group':
      return item.group;
    case 'create':
      return `${item.type}${item.groups.length ? `, groups: ${item.groups.join(', ')}` : ''}${item.quota === undefined ? '' : `, quota ${formatBytes(item.quota)}`}`;
    case 'reactivate':
      return 'Terminated -> Active';
    case 'change-type':
      return `${item.from} -> ${item.to} (${item.method}${item.method === 'downgrade' ? `, ${heirText(item.heir)}` : ''})`;
    case 'add-to-group':
    case 'remove-from-group':
      return item.group;
    case 'set-quota':
      return `${formatBytes(item.from)} -> ${formatBytes(item.to)}`;
    case 'terminate':
      return item.reason;
    case 'delete':
      return `terminated ${item.terminated.slice(0, 10)}, ${heirText(item.heir)}`;
  }
}

/** The plan as a table for a person to read, ending with the summary. */
export function renderPlan(plan: PlanFile): string {
  const out: string[] = [];
  out.push(
    `Plan for ${plan.portal} (scope ${plan.scope}: ${plan.peopleInScope} people managed; grace ${plan.graceDays} days)`,
  );
  out.push('');
  if (plan.items.length === 0) out.push('  No changes: the portal matches the desired directory.');
  const actionWidth = Math.max(0, ...plan.items.map((i) => i.action.length));
  const emailWidth = Math.min(40, Math.max(0, ...[...plan.items, ...plan.later].map((i) => i.email.length)));
  for (const item of plan.items) {
    out.push(
      `  ${SIGNS[item.action]} ${item.action.padEnd(actionWidth)}  ${item.email.padEnd(emailWidth)}  ${describeItem(item)}`,
    );
  }
  if (plan.later.length > 0) {
    out.push('', 'Terminated, deletable later (grace period):');
    for (const later of plan.later) {
      out.push(
        `    ${later.email.padEnd(emailWidth)}  terminated ${later.terminated.slice(0, 10)}, deletable from ${later.deletableFrom.slice(0, 10)}`,
      );
    }
  }
  if (plan.warnings.length > 0) {
    out.push('', 'Warnings:');
    for (const warning of plan.warnings) out.push(`    ${warning}`);
  }
  out.push('', `Summary: ${summarize(plan.items) || 'nothing to do'}.`);
  const { count: mass, limit } = massChange(plan);
  if (mass > limit) {
    out.push(
      `Mass change: ${mass} terminations and deletions exceed the limit of ${Math.floor(limit)} (10% of ${plan.peopleInScope} managed people, at most 25): apply needs --allow-mass-changes.`,
    );
  }
  return out.join('\n');
}

/** "2 create, 1 terminate" in action order. */
function summarize(items: readonly { action: string }[]): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.action, (counts.get(item.action) ?? 0) + 1);
  return [...counts].map(([action, n]) => `${n} ${action}`).join(', ');
}

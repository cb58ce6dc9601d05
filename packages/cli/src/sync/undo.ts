import type { DesiredType, DraftItem, Heir, PlanFile, PlanItem } from './model.js';
import { numbered } from './planner.js';

/** An item that apply carried out, with what its report says (the new id of a create). */
export interface AppliedItem {
  item: PlanItem;
  newId: string | undefined;
}

/** The item that reverses one applied item, or a reason why it cannot be reversed. */
function reverse(done: AppliedItem, heir: Heir | undefined): DraftItem | string {
  const { item } = done;
  const person = { email: item.email, id: item.id ?? done.newId ?? '' };
  switch (item.action) {
    case 'create':
      if (!done.newId) return `${item.email}: created, but its id is not in the report`;
      return {
        ...person,
        action: 'terminate',
        reason: 'undo of create',
        before: { exists: true, id: done.newId, status: 'Active', type: item.type },
      };
    case 'reactivate':
      return {
        ...person,
        action: 'terminate',
        reason: 'undo of reactivate',
        before: { ...item.before, status: 'Active' },
      };
    case 'terminate':
      return { ...person, action: 'reactivate', before: { ...item.before, status: 'Terminated' } };
    case 'change-type': {
      const method = item.method === 'upgrade' ? 'downgrade' : 'upgrade';
      return {
        ...person,
        action: 'change-type',
        from: item.to,
        to: item.from as DesiredType,
        method,
        before: { ...item.before, type: item.to },
        ...(method === 'downgrade' && (item.heir ?? heir) ? { heir: item.heir ?? heir } : {}),
      } as DraftItem;
    }
    case 'add-to-group':
      return {
        ...person,
        action: 'remove-from-group',
        group: item.group,
        before: { ...item.before, groups: [item.group] },
      };
    case 'remove-from-group':
      return { ...person, action: 'add-to-group', group: item.group, before: { ...item.before, groups: [] } };
    case 'set-quota':
      if (item.from === null) return `${item.email}: the quota had no earlier value`;
      return {
        ...person,
        action: 'set-quota',
        from: item.to,
        to: item.from,
        before: { ...item.before, quota: item.to },
      };
    case 'delete':
      return `${item.email}: deleted; a deletion cannot be undone`;
    case 'create-group':
      return `group "${item.group}": created; the undo plan leaves groups in place`;
  }
}

/**
 * The undo plan of an apply: creates become terminations, reactivations and terminations swap, type changes,
 * group changes and quotas go back. Deletions and created groups cannot be undone (listed as warnings). The
 * result is an ordinary plan (`kind: "undo"`) that `apply` accepts; its drift checks expect the state after the
 * apply.
 */
export function undoPlan(
  plan: PlanFile,
  planPath: string,
  done: readonly AppliedItem[],
  now: Date,
): PlanFile {
  const heir = plan.items.map((i) => ('heir' in i ? i.heir : undefined)).find((h) => h !== undefined);
  const drafts: DraftItem[] = [];
  const warnings: string[] = [];
  for (const entry of done) {
    const result = reverse(entry, heir);
    if (typeof result === 'string') warnings.push(result);
    else drafts.push(result);
  }
  const groups: Record<string, string> = {};
  for (const [name, id] of Object.entries(plan.groups)) if (id) groups[name] = id;
  for (const entry of done) {
    if (entry.item.action === 'create-group' && entry.newId) groups[entry.item.group] = entry.newId;
  }
  const creates = done.filter((d) => d.item.action === 'create').length;
  return {
    ...plan,
    kind: 'undo',
    createdAt: now.toISOString(),
    source: { file: plan.source.file, undoOf: planPath },
    peopleInScope: plan.peopleInScope + creates,
    groups,
    items: numbered(drafts),
    later: [],
    warnings,
  };
}

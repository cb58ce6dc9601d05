import { createHash } from 'node:crypto';
import { UsageError } from '../io.js';
import { readNoFollow, regularFileStat, replaceFile } from '../report.js';
import { actionOrder, PLAN_FORMAT, PLAN_VERSION, type PlanFile, type PlanItem } from './model.js';

/**
 * Writes a plan atomically (a new temporary file renamed over the path; never through a symbolic link; a new file
 * is readable by you only, an existing one keeps its mode). One item per line, so plans diff well.
 */
export function writePlan(path: string, plan: PlanFile): void {
  const mode = (regularFileStat(path, 'plan')?.mode ?? 0o600) & 0o7777;
  const { items, later, warnings, ...head } = plan;
  const lines = (values: readonly unknown[]) =>
    values.length === 0 ? '[]' : `[\n${values.map((v) => `    ${JSON.stringify(v)}`).join(',\n')}\n  ]`;
  const headText = JSON.stringify(head, null, 2).replace(/\n}$/, '');
  const text = `${headText},\n  "items": ${lines(items)},\n  "later": ${lines(later)},\n  "warnings": ${lines(warnings)}\n}\n`;
  replaceFile(path, text, mode, 'plan', () => regularFileStat(path, 'plan'));
}

/** Reads and checks a plan file (schema version 1); throws {@link UsageError} naming what is wrong. */
export function readPlan(path: string): PlanFile & { digest: string } {
  if (!regularFileStat(path, 'plan')) throw new UsageError(`cannot read ${path}: no such file`);
  const text = readNoFollow(path, 'plan');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${path} is not JSON: ${(error as Error).message}`);
  }
  return { ...checkPlan(path, value), digest: createHash('sha256').update(text).digest('hex') };
}

const isText = (v: unknown): v is string => typeof v === 'string';
const isObject = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);

/** Checks the shape of a parsed plan file. */
function checkPlan(path: string, value: unknown): PlanFile {
  const bad = (what: string): never => {
    throw new UsageError(`${path} is not a usable plan: ${what}`);
  };
  if (!isObject(value) || value.format !== PLAN_FORMAT) bad(`"format" is not "${PLAN_FORMAT}"`);
  const plan = value as Record<string, unknown>;
  if (typeof plan.version !== 'number' || plan.version > PLAN_VERSION) {
    bad(
      `schema version ${String(plan.version)} is not supported (this CLI reads version ${PLAN_VERSION}; update it)`,
    );
  }
  if (plan.kind !== 'plan' && plan.kind !== 'undo') bad('"kind" must be "plan" or "undo"');
  for (const key of ['portal', 'scope', 'createdAt'] as const)
    if (!isText(plan[key])) bad(`"${key}" is missing`);
  if (typeof plan.peopleInScope !== 'number' || typeof plan.graceDays !== 'number')
    bad('"peopleInScope" and "graceDays" must be numbers');
  if (!isObject(plan.caller) || !isText(plan.caller.id)) bad('"caller" is missing');
  if (!isObject(plan.groups)) bad('"groups" is missing');
  if (!Array.isArray(plan.items)) bad('"items" is not an array');
  const seen = new Set<number>();
  (plan.items as unknown[]).forEach((item, i) => {
    const where = `items[${i}]`;
    if (!isObject(item)) {
      bad(`${where} is not an object`);
      return;
    }
    if (typeof item.n !== 'number' || !Number.isInteger(item.n) || seen.has(item.n))
      bad(`${where}.n is missing or repeated`);
    seen.add(item.n as number);
    if (!actionOrder.includes(item.action as PlanItem['action']))
      bad(`${where}.action "${String(item.action)}" is unknown`);
    if (!isText(item.email) || !isObject(item.before)) bad(`${where} needs "email" and "before"`);
    const action = item.action as PlanItem['action'];
    if (action !== 'create' && action !== 'create-group' && !isText(item.id))
      bad(`${where} (${action}) needs "id"`);
    if (
      (action === 'create-group' || action === 'add-to-group' || action === 'remove-from-group') &&
      !isText(item.group)
    ) {
      bad(`${where} (${action}) needs "group"`);
    }
    if (action === 'create' && (!isText(item.type) || !Array.isArray(item.groups)))
      bad(`${where} (create) needs "type" and "groups"`);
    if (
      action === 'change-type' &&
      (!isText(item.to) || (item.method !== 'upgrade' && item.method !== 'downgrade'))
    ) {
      bad(`${where} (change-type) needs "to" and "method"`);
    }
    if (action === 'set-quota' && typeof item.to !== 'number') bad(`${where} (set-quota) needs "to"`);
    if (item.heir !== undefined && (!isObject(item.heir) || !isText(item.heir.id)))
      bad(`${where}.heir needs "id"`);
  });
  return {
    ...(plan as unknown as PlanFile),
    later: Array.isArray(plan.later) ? (plan.later as PlanFile['later']) : [],
    warnings: Array.isArray(plan.warnings) ? (plan.warnings as string[]) : [],
  };
}

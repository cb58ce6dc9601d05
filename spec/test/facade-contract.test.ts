/**
 * The self-test of the facade's contract (packages/sdk/CONTRACT.md): each realistic upstream change to something
 * the facade uses must make the sdk's type-check fail in the function that uses it. Works on copies of the pinned
 * upstream document, builds and generates in memory, and type-checks the sdk's sources against each result
 * (scripts/spec-update/facade.ts); nothing in the repository is written.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateSchema } from '../../packages/client/scripts/generate.js';
import {
  buildCuratedSpec,
  loadOverlay,
  loadPinnedUpstream,
  loadSelection,
  type Selection,
} from '../../scripts/spec/build.js';
import { curatedFile, operationsFile, overlayFile, upstreamDir } from '../../scripts/spec/paths.js';
import type { Change } from '../../scripts/spec-diff/index.js';
import { checkFacade, type FacadeCheck, functionsToFix } from '../../scripts/spec-update/facade.js';
import { facadeImpact } from '../../scripts/spec-update/facade-impact.js';
import { FACADE } from './spec-update-support.js';

type Json = Record<string, any>;

/** A fresh copy of the pinned upstream document. */
const pinned = (): Json => structuredClone(loadPinnedUpstream(upstreamDir).doc) as Json;

/** Renames a key of an object, keeping its place. */
function renameKey(object: Json, from: string, to: string): void {
  if (!(from in object)) throw new Error(`no ${from} to rename`);
  const entries = Object.entries(object).map(([k, v]) => [k === from ? to : k, v] as const);
  for (const key of Object.keys(object)) delete object[key];
  Object.assign(object, Object.fromEntries(entries));
}

/** The properties of a component schema (of its inline `allOf` part when it has one). */
function properties(doc: Json, schema: string): Json {
  const node = doc.components.schemas[schema];
  const own = node.properties ?? node.allOf?.find((part: Json) => part.properties)?.properties;
  if (!own) throw new Error(`${schema} has no properties`);
  return own;
}

/** Builds the curated spec from `doc`, generates the client's types and type-checks the facade against them. */
async function facadeAgainst(doc: Json, selection: Selection = loadSelection(operationsFile)) {
  const { spec } = buildCuratedSpec(doc, {
    overlay: loadOverlay(overlayFile),
    selection,
    allowUnapplied: true,
  });
  return checkFacade(FACADE, await generateSchema(spec));
}

interface Mutation {
  /** What upstream changed. */
  readonly name: string;
  readonly mutate: (doc: Json) => void;
  /** A selection without the operations the change removed (as a maintainer would edit spec/operations.yaml). */
  readonly selection?: (selection: Selection) => Selection;
  /** Functions that must be named to fix, and where (file:line pattern) the first error must be. */
  readonly fix: readonly string[];
  readonly at: RegExp;
  /** Functions that do not use the change and must not be named. */
  readonly untouched: readonly string[];
}

const MUTATIONS: readonly Mutation[] = [
  {
    name: 'EmployeeDto.displayName renamed (a response field every mapper reads)',
    mutate: (doc) => renameKey(properties(doc, 'EmployeeDto'), 'displayName', 'fullName'),
    fix: ['peopleGet', 'ds.people.get', 'peopleSearch', 'peopleList', 'peopleMe'],
    at: /^packages\/sdk\/src\/person\.ts:\d+/,
    untouched: ['photosGet', 'peopleDowngradeProgress'],
  },
  {
    name: 'EmployeeFullDto.email changed from string to integer',
    mutate: (doc) => {
      properties(doc, 'EmployeeFullDto').email = { type: 'integer', format: 'int32', nullable: true };
    },
    fix: ['peopleGet', 'peopleGetByEmail', 'peopleUpdate', 'ds.people.update'],
    at: /^packages\/sdk\/src\/person\.ts:\d+/,
    untouched: ['peopleSearch', 'photosGet'],
  },
  {
    name: 'MemberRequestDto.firstName renamed (a request field peopleCreate sends)',
    mutate: (doc) => renameKey(properties(doc, 'MemberRequestDto'), 'firstName', 'givenName'),
    fix: ['peopleCreate', 'ds.people.create'],
    at: /^packages\/sdk\/src\/people-functions\.ts:\d+/,
    untouched: ['peopleGet', 'peopleList'],
  },
  {
    name: 'the query parameter filterValue of GET /api/2.0/people/filter renamed',
    mutate: (doc) => {
      const parameter = doc.paths['/api/2.0/people/filter'].get.parameters.find(
        (p: Json) => p.name === 'filterValue',
      );
      parameter.name = 'text';
    },
    fix: ['peopleList', 'ds.people.list'],
    at: /^packages\/sdk\/src\/people-filter\.ts:\d+/,
    untouched: ['peopleGet', 'peopleSearch'],
  },
  {
    name: 'userIds of the bulk bodies (UpdateMembersRequestDto) renamed',
    mutate: (doc) => renameKey(properties(doc, 'UpdateMembersRequestDto'), 'userIds', 'ids'),
    // peopleResendInvites and peopleTerminate build the body in a variable: only its annotation catches the rename.
    fix: [
      'peopleTerminate',
      'peopleReactivate',
      'peopleDelete',
      'peopleResendInvites',
      'peopleChangeType',
      'peopleRemoveGuests',
    ],
    at: /^packages\/sdk\/src\/(account|people)-functions\.ts:\d+/,
    untouched: ['peopleGet', 'peopleCreate'],
  },
  {
    name: 'ThumbnailsRequest.width renamed (the crop body, built in a variable)',
    mutate: (doc) => renameKey(properties(doc, 'ThumbnailsRequest'), 'width', 'w'),
    fix: ['photosCrop', 'ds.photos.crop'],
    at: /^packages\/sdk\/src\/photo-functions\.ts:\d+/,
    untouched: ['photosGet', 'peopleGet'],
  },
  {
    name: 'PUT /api/2.0/people/{userid}/culture removed (and dropped from spec/operations.yaml)',
    mutate: (doc) => {
      delete doc.paths['/api/2.0/people/{userid}/culture'];
    },
    selection: (selection) =>
      Object.fromEntries(
        Object.entries(selection).map(([tag, ids]) => [
          tag,
          ids.filter((id) => id !== 'updateMemberCulture'),
        ]),
      ),
    fix: ['peopleSetCulture', 'ds.people.setCulture'],
    at: /^packages\/sdk\/src\/operations\.ts:\d+/,
    untouched: ['peopleGet', 'peopleUpdate'],
  },
];

describe('the facade against the generated contract (mutation self-test)', () => {
  it('compiles against the pinned document, and knows which functions send which operations', async () => {
    const check = await facadeAgainst(pinned());
    expect(check.errors).toEqual([]);
    const byName = new Map(check.usage.functions.map((f) => [f.name, f]));
    expect(byName.get('peopleGet')?.operations).toEqual(['getProfileByUserId']);
    for (const name of ['ds.people.get', 'getPerson'])
      expect(byName.get(name)).toMatchObject({ forwardsTo: 'peopleGet', operations: ['getProfileByUserId'] });
    expect(byName.get('peopleGet')?.schemas).toContain('EmployeeFullDto');
    expect(byName.get('photosSetFromUrl')?.operations).toEqual(['updateMemberPhoto']);
    // Group writes read the group first (system groups are refused); ds.groups.* forwards to groups<Method>.
    expect(byName.get('groupsDelete')?.operations).toEqual(
      expect.arrayContaining(['deleteGroup', 'getGroup']),
    );
    expect(byName.get('ds.groups.delete')).toMatchObject({ forwardsTo: 'groupsDelete' });
    expect(byName.get('peopleReassign')?.operations).toEqual(
      expect.arrayContaining(['startReassign', 'getReassignProgress']),
    );
    expect(byName.get('peopleDelete')?.operations).toEqual(
      expect.arrayContaining(['deleteMember', 'removeUsers', 'startReassign']),
    );
  });

  for (const mutation of MUTATIONS) {
    it(`fails to compile, naming the function to fix, when ${mutation.name}`, async () => {
      const doc = pinned();
      mutation.mutate(doc);
      const selection = loadSelection(operationsFile);
      const check: FacadeCheck = await facadeAgainst(doc, mutation.selection?.(selection) ?? selection);
      expect(check.errors.length).toBeGreaterThan(0);
      const names = functionsToFix(check.errors);
      for (const name of mutation.fix) expect(names).toContain(name);
      for (const name of mutation.untouched) expect(names).not.toContain(name);
      expect(check.errors[0]?.at).toMatch(mutation.at);
    });
  }
});

describe('which facade functions a change is under (facadeImpact)', () => {
  const curated: unknown = JSON.parse(readFileSync(curatedFile, 'utf8'));
  const usage = {
    operations: [{ operationId: 'getProfileByUserId', method: 'GET', path: '/api/2.0/people/{userid}' }],
    functions: [
      { name: 'peopleGet', operations: ['getProfileByUserId'], schemas: ['EmployeeFullDto'] },
      { name: 'ds.people.get', forwardsTo: 'peopleGet', operations: ['getProfileByUserId'], schemas: [] },
      { name: 'mapsOnly', operations: [], schemas: ['EmployeeFullDto'] },
    ],
  };
  const change = (location: Change['location'], kind: Change['kind'] = 'breaking'): Change => ({
    kind,
    code: 'response-field-removed',
    location,
    message: 'm',
  });

  it('follows $ref from the schemas a mapper names (EmployeeFullDto reaches GroupSummaryDto)', () => {
    const impact = facadeImpact([change({ schema: 'GroupSummaryDto', pointer: '/x' })], usage, [curated]);
    expect(impact.functions).toEqual(['mapsOnly', 'peopleGet']);
    expect(impact.kind).toBe('breaking');
  });

  it('matches operations by method and path, and schema changes by the operations they reach', () => {
    const operation = { method: 'GET', path: '/api/2.0/people/{userid}', operationId: 'renamedUpstream' };
    const byOperation = facadeImpact([change({ operation, pointer: '/x' }, 'feature')], usage, [curated]);
    expect(byOperation.functions).toEqual(['ds.people.get', 'peopleGet']);
    expect(byOperation.kind).toBe('feature');
    const bySchema = facadeImpact(
      [{ ...change({ schema: 'SomeRequestDto', pointer: '/x' }), affects: [operation] }],
      usage,
      [curated],
    );
    expect(bySchema.functions).toEqual(['ds.people.get', 'peopleGet']);
  });

  it('finds nothing for a schema no mapper reaches and no wrapped operation uses', () => {
    const impact = facadeImpact([change({ schema: 'ThumbnailsDataDto', pointer: '/x' })], usage, [curated]);
    expect(impact).toEqual({ changes: [], kind: undefined, functions: [] });
  });
});

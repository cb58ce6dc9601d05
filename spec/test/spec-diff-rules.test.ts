import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Change, classify, diffSpecs, formatReport, RULES } from '../../scripts/spec-diff/index.js';

// A small hand-made API: Person is received, NewPerson is sent, Type and Address travel both ways.
type Doc = ReturnType<typeof baseDoc>;
function baseDoc() {
  return {
    openapi: '3.0.4',
    info: { title: 'people', version: '1.0.0' },
    paths: {
      '/people/{id}': {
        get: {
          operationId: 'getPerson',
          summary: 'Get a person',
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string' } } as Record<string, unknown>,
            { name: 'fields', in: 'query', schema: { type: 'string' } } as Record<string, unknown>,
          ],
          responses: {
            '200': {
              description: 'The person',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Person' } } },
            } as Record<string, unknown>,
            '404': { description: 'Not found' } as Record<string, unknown>,
          } as Record<string, Record<string, unknown>>,
        } as Record<string, unknown>,
      } as Record<string, Record<string, unknown>>,
      '/people': {
        post: {
          operationId: 'addPerson',
          requestBody: {
            content: {
              'application/json': { schema: { $ref: '#/components/schemas/NewPerson' } },
            } as Record<string, unknown>,
          },
          responses: {
            '200': {
              description: 'The new person',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Person' } } },
            },
          },
        } as Record<string, unknown>,
      } as Record<string, Record<string, unknown>>,
    },
    components: {
      schemas: {
        Person: {
          type: 'object',
          required: ['id'],
          properties: {
            id: { type: 'string', description: 'The id.', example: 'a1' },
            name: { type: 'string', nullable: true },
            type: { $ref: '#/components/schemas/Type' },
            address: { $ref: '#/components/schemas/Address' },
          } as Record<string, Record<string, unknown>>,
        } as Record<string, unknown>,
        NewPerson: {
          type: 'object',
          required: ['email'],
          properties: {
            email: { type: 'string', maxLength: 255 },
            name: { type: 'string' },
            age: { type: 'number' },
            type: { $ref: '#/components/schemas/Type' },
            address: { $ref: '#/components/schemas/Address' },
          } as Record<string, Record<string, unknown>>,
        } as Record<string, unknown>,
        Type: { type: 'string', enum: ['A', 'B'], 'x-enum-varnames': ['Alpha', 'Beta'] } as Record<
          string,
          unknown
        >,
        Address: {
          type: 'object',
          required: ['city'],
          properties: { city: { type: 'string' } } as Record<string, Record<string, unknown>>,
        } as Record<string, unknown>,
      } as Record<string, Record<string, unknown>>,
    },
  };
}

const schema = (doc: Doc, name: string) => doc.components.schemas[name] as Record<string, unknown>;
const props = (doc: Doc, name: string) =>
  schema(doc, name).properties as Record<string, Record<string, unknown>>;
const getPerson = (doc: Doc) => doc.paths['/people/{id}'].get as Record<string, unknown>;
const addPerson = (doc: Doc) => doc.paths['/people'].post as Record<string, unknown>;
const params = (doc: Doc) => getPerson(doc).parameters as Array<Record<string, unknown>>;

/** Applies `mutate` to a copy of the base document and returns [kind, code, where] of every change found. */
function changesAfter(mutate: (doc: Doc) => void): Array<[string, string, string]> {
  const after = baseDoc();
  mutate(after);
  return diffSpecs(baseDoc(), after).map((c) => [c.kind, c.code, where(c)]);
}

function where(change: Change): string {
  const { operation, schema: name, field } = change.location;
  const owner = operation ? `${operation.method} ${operation.path}` : (name ?? '');
  return field ? `${owner} ${field}` : owner;
}

describe('diffSpecs classifies each kind of change', () => {
  it('finds nothing between identical documents', () => {
    expect(diffSpecs(baseDoc(), baseDoc())).toEqual([]);
  });

  it.each<[string, (doc: Doc) => void, Array<[string, string, string]>]>([
    // ---- operations
    [
      'an operation removed',
      (d) => delete d.paths['/people'].post,
      [['breaking', 'operation-removed', 'POST /people']],
    ],
    [
      'an operation added',
      (d) => {
        d.paths['/people/{id}'].delete = {
          operationId: 'deletePerson',
          responses: { '200': { description: 'ok' } },
        };
      },
      [['feature', 'operation-added', 'DELETE /people/{id}']],
    ],
    [
      'an operationId renamed at the same method and path (a generated name changes)',
      (d) => {
        getPerson(d).operationId = 'getPersonById';
      },
      [['breaking', 'operationId-renamed', 'GET /people/{id}']],
    ],
    // ---- parameters
    [
      'a parameter removed',
      (d) => params(d).splice(1, 1),
      [['breaking', 'parameter-removed', 'GET /people/{id} query.fields']],
    ],
    [
      'an optional parameter added',
      (d) => params(d).push({ name: 'lang', in: 'query', schema: { type: 'string' } }),
      [['feature', 'parameter-added', 'GET /people/{id} query.lang']],
    ],
    [
      'a required parameter added',
      (d) => params(d).push({ name: 'lang', in: 'query', required: true, schema: { type: 'string' } }),
      [['breaking', 'parameter-added-required', 'GET /people/{id} query.lang']],
    ],
    [
      'a parameter becoming required',
      (d) => {
        (params(d)[1] as Record<string, unknown>).required = true;
      },
      [['breaking', 'parameter-became-required', 'GET /people/{id} query.fields']],
    ],
    [
      "a parameter's type narrowed (callers send it)",
      (d) => {
        (params(d)[1] as Record<string, unknown>).schema = { type: 'string', enum: ['id', 'name'] };
      },
      [['breaking', 'type-narrowed', 'GET /people/{id} query.fields']],
    ],
    // ---- request fields
    [
      'a request field removed',
      (d) => delete props(d, 'NewPerson').name,
      [['breaking', 'request-field-removed', 'NewPerson NewPerson.name']],
    ],
    [
      'a request field becoming required',
      (d) => (schema(d, 'NewPerson').required as string[]).push('name'),
      [['breaking', 'request-field-became-required', 'NewPerson NewPerson.name']],
    ],
    [
      'a required request field added',
      (d) => {
        props(d, 'NewPerson').phone = { type: 'string' };
        (schema(d, 'NewPerson').required as string[]).push('phone');
      },
      [['breaking', 'request-field-added-required', 'NewPerson NewPerson.phone']],
    ],
    [
      'an optional request field added',
      (d) => {
        props(d, 'NewPerson').phone = { type: 'string' };
      },
      [['feature', 'optional-field-added', 'NewPerson NewPerson.phone']],
    ],
    [
      'a request field becoming optional',
      (d) => {
        schema(d, 'NewPerson').required = [];
      },
      [['feature', 'request-field-became-optional', 'NewPerson NewPerson.email']],
    ],
    // ---- response fields
    [
      'a response field removed',
      (d) => delete props(d, 'Person').name,
      [['breaking', 'response-field-removed', 'Person Person.name']],
    ],
    [
      'a response field added',
      (d) => {
        props(d, 'Person').phone = { type: 'string' };
      },
      [['feature', 'response-field-added', 'Person Person.phone']],
    ],
    [
      'a response field becoming optional',
      (d) => {
        schema(d, 'Person').required = [];
      },
      [['breaking', 'response-field-became-optional', 'Person Person.id']],
    ],
    // ---- types: direction decides
    [
      'a request type narrowed (number -> integer)',
      (d) => {
        props(d, 'NewPerson').age = { type: 'integer' };
      },
      [['breaking', 'type-narrowed', 'NewPerson NewPerson.age']],
    ],
    [
      'a request type widened (now nullable)',
      (d) => {
        props(d, 'NewPerson').age = { type: 'number', nullable: true };
      },
      [['feature', 'type-widened', 'NewPerson NewPerson.age']],
    ],
    [
      'a response type narrowed (no longer nullable)',
      (d) => {
        props(d, 'Person').name = { type: 'string' };
      },
      [['fix', 'type-narrowed', 'Person Person.name']],
    ],
    [
      'a response type widened (now nullable)',
      (d) => {
        props(d, 'Person').id = { type: 'string', nullable: true, description: 'The id.', example: 'a1' };
      },
      [['breaking', 'type-widened', 'Person Person.id']],
    ],
    [
      'a type changed (string -> integer)',
      (d) => {
        props(d, 'Person').id = { type: 'integer', description: 'The id.', example: 'a1' };
      },
      [['breaking', 'type-changed', 'Person Person.id']],
    ],
    // ---- enums (Type is sent and received)
    [
      'an enum value removed',
      (d) => {
        Object.assign(schema(d, 'Type'), { enum: ['A'], 'x-enum-varnames': ['Alpha'] });
      },
      [['breaking', 'enum-value-removed', 'Type Type']],
    ],
    [
      'an enum value added',
      (d) => {
        Object.assign(schema(d, 'Type'), {
          enum: ['A', 'B', 'C'],
          'x-enum-varnames': ['Alpha', 'Beta', 'Gamma'],
        });
      },
      [['feature', 'enum-value-added', 'Type Type']],
    ],
    [
      'a generated enum member renamed (x-enum-varnames)',
      (d) => {
        schema(d, 'Type')['x-enum-varnames'] = ['Alpha', 'Second'];
      },
      [['breaking', 'generated-name-changed', 'Type Type']],
    ],
    // ---- a schema used both ways takes the more severe reading
    [
      'a field of a schema sent and received becoming optional',
      (d) => {
        schema(d, 'Address').required = [];
      },
      [['breaking', 'response-field-became-optional', 'Address Address.city']],
    ],
    // ---- schemas
    [
      'a component schema renamed (every $ref follows)',
      (d) => {
        d.components.schemas.Human = schema(d, 'Person');
        delete d.components.schemas.Person;
        const ref = { $ref: '#/components/schemas/Human' };
        for (const op of [getPerson(d), addPerson(d)]) {
          const ok = (op.responses as Record<string, Record<string, Record<string, unknown>>>)['200'];
          (ok?.content?.['application/json'] as Record<string, unknown>).schema = ref;
        }
      },
      [['breaking', 'schema-renamed', 'Human Human']],
    ],
    // ---- bodies and responses
    [
      'a request body media type replaced',
      (d) => {
        const body = addPerson(d).requestBody as { content: Record<string, unknown> };
        body.content = { 'multipart/form-data': body.content['application/json'] };
      },
      [
        ['breaking', 'request-body-changed', 'POST /people requestBody'],
        ['feature', 'request-media-type-added', 'POST /people requestBody'],
      ],
    ],
    [
      'a success response removed',
      (d) => {
        const responses = getPerson(d).responses as Record<string, unknown>;
        responses['201'] = responses['200'];
        delete responses['200'];
      },
      [
        ['breaking', 'success-response-removed', 'GET /people/{id} response 200'],
        ['feature', 'success-response-added', 'GET /people/{id} response 201'],
      ],
    ],
    [
      'an error response documented',
      (d) => {
        (getPerson(d).responses as Record<string, unknown>)['429'] = { description: 'Too many requests' };
      },
      [['fix', 'error-response-added', 'GET /people/{id} response 429']],
    ],
    // ---- documentation
    [
      'a description changed',
      (d) => {
        (props(d, 'Person').id as Record<string, unknown>).description = 'The user id (a GUID).';
      },
      [['fix', 'description-changed', 'Person Person.id']],
    ],
    [
      'an example changed',
      (d) => {
        (props(d, 'Person').id as Record<string, unknown>).example = '00000000-0000-0000-0000-000000000000';
      },
      [['fix', 'example-changed', 'Person Person.id']],
    ],
    [
      "an operation's summary changed",
      (d) => {
        getPerson(d).summary = 'Get a person by id';
      },
      [['fix', 'description-changed', 'GET /people/{id} summary']],
    ],
    [
      'a constraint documented',
      (d) => {
        (props(d, 'NewPerson').email as Record<string, unknown>).maxLength = 254;
      },
      [['fix', 'constraint-changed', 'NewPerson NewPerson.email']],
    ],
  ])('%s', (_name, mutate, expected) => {
    expect(changesAfter(mutate)).toEqual(expected);
  });
});

describe('diffSpecs', () => {
  it('resolves $refs within each document: an inline schema and an equal $ref target compare equal', () => {
    const after = baseDoc();
    const content = (addPerson(after).requestBody as { content: Record<string, { schema: unknown }> })
      .content;
    (content['application/json'] as { schema: unknown }).schema = structuredClone(schema(after, 'NewPerson'));
    expect(diffSpecs(baseDoc(), after)).toEqual([]);
  });

  it('names the operations a component change reaches', () => {
    const [change] = diffSpecs(
      baseDoc(),
      (() => {
        const d = baseDoc();
        delete props(d, 'Person').name;
        return d;
      })(),
    );
    expect(change?.affects?.map((a) => a.operationId)).toEqual(['addPerson', 'getPerson']);
    expect(change?.direction).toBe('response');
    expect(change?.location.pointer).toBe('#/components/schemas/Person/properties/name');
  });

  it('does not modify the documents it compares', () => {
    const before = baseDoc();
    const after = baseDoc();
    delete props(after, 'Person').name;
    diffSpecs(before, after);
    expect(before).toEqual(baseDoc());
    expect(props(after, 'Person').name).toBeUndefined();
  });

  it('terminates on recursive schemas', () => {
    const make = (description: string) => {
      const d = baseDoc();
      d.components.schemas.Address = {
        type: 'object',
        properties: {
          parent: { $ref: '#/components/schemas/Address' },
          city: { type: 'string', description },
        },
      };
      return d;
    };
    expect(diffSpecs(make('a'), make('b')).map((c) => c.code)).toEqual(['description-changed']);
  });

  it('prints a report grouped by kind, listing breaking changes and counting fixes', () => {
    const after = baseDoc();
    delete props(after, 'NewPerson').name;
    (props(after, 'Person').id as Record<string, unknown>).description = 'changed';
    const report = formatReport(diffSpecs(baseDoc(), after));
    expect(report).toContain('Breaking changes: code using the packages must change (1)');
    expect(report).toContain('[request-field-removed] `NewPerson.name` was removed from the request');
    expect(report).toContain('description-changed x1');
  });
});

describe('classify', () => {
  it.each([
    ['type-narrowed', 'request', 'breaking'],
    ['type-narrowed', 'response', 'fix'],
    ['type-narrowed', 'both', 'breaking'],
    ['type-widened', 'request', 'feature'],
    ['type-widened', 'response', 'breaking'],
    ['enum-value-removed', 'response', 'breaking'],
    ['enum-value-added', 'request', 'feature'],
    ['description-changed', 'both', 'fix'],
  ] as const)('%s in a %s is %s', (code, direction, kind) => {
    expect(classify(code, direction)).toBe(kind);
  });
});

describe('spec/UPDATING.md', () => {
  const rows = readFileSync(new URL('../UPDATING.md', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => line.split('|').map((cell) => cell.trim()));

  it.each(Object.entries(RULES))('documents the rule for %s', (code, rule) => {
    const row = rows.find((cells) => (cells[1] ?? '').includes(`\`${code}\``));
    const expected =
      typeof rule === 'string' ? rule : `${rule.request} in requests, ${rule.response} in responses`;
    expect(row?.[2]).toBe(expected);
  });
});

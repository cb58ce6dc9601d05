import { ResponseValidator } from '@docspace-people/testing/response-validator';
import { describe, expect, it } from 'vitest';

// A small document that uses the OpenAPI 3.0 features the validator must translate.
const validator = new ResponseValidator({
  paths: {
    '/api/2.0/things/{id}': {
      get: {
        operationId: 'getThing',
        responses: {
          '200': {
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ThingWrapper' } } },
          },
          '502': { description: 'proxy page' },
        },
      },
    },
    '/api/2.0/things/@self': {
      get: { operationId: 'getSelfThing', responses: { '200': { description: 'ok' } } },
    },
  },
  components: {
    schemas: {
      ThingWrapper: {
        type: 'object',
        required: ['response'],
        properties: { response: { $ref: '#/components/schemas/Thing' } },
      },
      Base: { type: 'object', properties: { id: { type: 'string', format: 'uuid' } } },
      Thing: {
        allOf: [
          { $ref: '#/components/schemas/Base' },
          {
            type: 'object',
            properties: {
              name: { type: 'string', nullable: true },
              kind: { type: 'integer', format: 'int32' },
            },
          },
        ],
        additionalProperties: false,
      },
    },
  },
});

const thing = (response: unknown) => ({
  method: 'GET',
  path: '/api/2.0/things/abc',
  status: 200,
  body: { response },
});
const id = '3f2a8d1e-6b7c-4e21-9a5d-0c8e4b1f7a26';

describe('ResponseValidator', () => {
  it('accepts a body that matches, including properties inherited through allOf', () => {
    expect(validator.check(thing({ id, name: 'x', kind: 1 }))).toMatchObject({
      valid: true,
      operationId: 'getThing',
    });
  });

  it.each([
    ['a wrong type', { id, kind: 'one' }, '/response/kind must be integer'],
    ['a bad format', { id: 'nope' }, '/response/id must match format "uuid"'],
    [
      'a property not in the schema',
      { id, extra: true },
      '/response must NOT have unevaluated properties (extra)',
    ],
  ])('rejects %s', (_, response, error) => {
    expect(validator.check(thing(response))).toMatchObject({ valid: false, errors: [error] });
  });

  it('treats nullable as allowing null', () => {
    expect(validator.check(thing({ id, name: null })).valid).toBe(true);
  });

  it('reports a status the operation does not document', () => {
    expect(validator.check({ ...thing({}), status: 418 })).toMatchObject({
      valid: false,
      errors: ['status 418 is not documented'],
    });
  });

  it('passes a documented status without a JSON schema, saying no schema was found', () => {
    expect(validator.check({ ...thing('<html>'), status: 502 })).toMatchObject({
      valid: true,
      schemaFound: false,
    });
  });

  it('maps a literal path before a template', () => {
    expect(
      validator.check({ method: 'GET', path: '/api/2.0/things/@self?x=1', status: 200, body: {} })
        .operationId,
    ).toBe('getSelfThing');
  });

  it('checks a value against a named component', () => {
    expect(validator.checkComponent('Base', { id })).toEqual([]);
    expect(validator.checkComponent('Base', { id: 5 })).toEqual(['/id must be string']);
  });
});

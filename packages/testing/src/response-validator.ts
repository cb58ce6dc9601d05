import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import * as ajv2019 from 'ajv/dist/2019.js';
import * as ajvFormats from 'ajv-formats';

// ajv and ajv-formats are CommonJS modules: their `default` export holds the class and the plugin.
const Ajv2019 = ajv2019.default.default ?? ajv2019.default;
const addFormats = ajvFormats.default.default ?? ajvFormats.default;

const require = createRequire(import.meta.url);

/** The parts of an OpenAPI 3.0 document the validator reads. */
export interface OpenApiDocument {
  /** Paths -> method -> operation. */
  paths: Record<string, Record<string, unknown>>;
  /** Shared schemas. */
  components?: { schemas?: Record<string, unknown> };
}

/** One response to check. */
export interface ResponseToCheck {
  /** HTTP method. */
  method: string;
  /** The request path (may include the origin and query; both are ignored), e.g. `/api/2.0/people/@self`. */
  path: string;
  /** HTTP status of the response. */
  status: number;
  /** The parsed JSON body. */
  body: unknown;
}

/** The outcome of a check. */
export interface ResponseCheck {
  /** True when the body matches the documented schema (or nothing is documented to match against). */
  valid: boolean;
  /** The operation the request maps to. */
  operationId?: string;
  /** The spec path template, e.g. `/api/2.0/people/{userid}`. */
  template?: string;
  /** True when the spec documents a JSON schema for this status. */
  schemaFound: boolean;
  /** Readable problems (`/response/0/status must be integer`), empty when valid. */
  errors: string[];
}

interface Operation {
  template: string;
  method: string;
  operationId: string;
  pattern: RegExp;
  literals: number;
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

/** Converts an OpenAPI 3.0 schema to JSON Schema 2019-09: `nullable`, refs to the root, allOf + closed objects. */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'nullable' || key === 'example' || key === 'examples' || key.startsWith('x-')) continue;
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/')) out.$ref = `spec${value}`;
    else if (key === 'properties' && value && typeof value === 'object') {
      out.properties = Object.fromEntries(
        Object.entries(value).map(([name, schema]) => [name, toJsonSchema(schema)]),
      );
    } else out[key] = toJsonSchema(value);
  }
  if (Array.isArray(out.allOf) && out.additionalProperties === false) {
    delete out.additionalProperties;
    out.unevaluatedProperties = false;
  }
  if ((node as { nullable?: unknown }).nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    else if (!out.type) return { anyOf: [out, { type: 'null' }] };
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  }
  return out;
}

/**
 * Checks response bodies against the response schemas of an OpenAPI 3.0 document (by default the curated spec
 * shipped as `@docspace-people/client/openapi.json`), e.g. to prove a fake or a mock answers what the spec says.
 */
export class ResponseValidator {
  private readonly operations: Operation[] = [];
  private readonly ajv: ajv2019.Ajv2019;
  private readonly compiled = new Map<string, ValidateFunction>();

  /** Builds a validator for a parsed OpenAPI document. */
  constructor(spec: OpenApiDocument) {
    this.ajv = new Ajv2019({ strict: false, allErrors: true, logger: false });
    addFormats(this.ajv);
    for (const format of ['date-span', 'int16', 'uri-reference']) {
      if (!this.ajv.formats[format]) this.ajv.addFormat(format, true);
    }
    this.ajv.addSchema({ $id: 'spec', components: toJsonSchema(spec.components ?? {}) });
    for (const [template, methods] of Object.entries(spec.paths)) {
      for (const [method, raw] of Object.entries(methods)) {
        const operation = raw as { operationId?: string; responses?: Operation['responses'] };
        if (!operation || typeof operation !== 'object' || !operation.responses) continue;
        const segments = template.split('/');
        const params = segments.filter((s) => /^\{.+\}$/.test(s)).length;
        const source = segments
          .map((s) => (/^\{.+\}$/.test(s) ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
          .join('/');
        this.operations.push({
          template,
          method: method.toUpperCase(),
          operationId: operation.operationId ?? `${method} ${template}`,
          pattern: new RegExp(`^${source}/?$`, 'i'),
          literals: segments.length - params,
          responses: operation.responses,
        });
      }
    }
    this.operations.sort((a, b) => b.literals - a.literals);
  }

  /** Reads an OpenAPI document from a file; default: the curated spec of `@docspace-people/client`. */
  static fromFile(file: string = require.resolve('@docspace-people/client/openapi.json')): ResponseValidator {
    return new ResponseValidator(JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument);
  }

  /** Every operation in the document, as `{method, template, operationId}`. */
  listOperations(): { method: string; template: string; operationId: string }[] {
    return this.operations.map(({ method, template, operationId }) => ({ method, template, operationId }));
  }

  /** Checks a value against a named component schema (e.g. `ErrorEnvelope`); returns readable problems. */
  checkComponent(name: string, value: unknown): string[] {
    const key = `#component ${name}`;
    const validate = this.compiled.get(key) ?? this.ajv.compile({ $ref: `spec#/components/schemas/${name}` });
    this.compiled.set(key, validate);
    return validate(value) ? [] : formatErrors(validate.errors);
  }

  /** Checks one response. */
  check(response: ResponseToCheck): ResponseCheck {
    const path = new URL(response.path, 'http://spec.local').pathname;
    const method = response.method.toUpperCase();
    const operation = this.operations.find((op) => op.method === method && op.pattern.test(path));
    if (!operation)
      return { valid: false, schemaFound: false, errors: [`no operation for ${method} ${path}`] };
    const found = { operationId: operation.operationId, template: operation.template };
    const status = String(response.status);
    const documented =
      operation.responses[status] ?? operation.responses[`${status[0]}XX`] ?? operation.responses.default;
    if (!documented) {
      return { ...found, valid: false, schemaFound: false, errors: [`status ${status} is not documented`] };
    }
    const schema = documented.content?.['application/json']?.schema;
    if (!schema) return { ...found, valid: true, schemaFound: false, errors: [] };
    const key = `${operation.method} ${operation.template} ${status}`;
    const validate = this.compiled.get(key) ?? this.ajv.compile(toJsonSchema(schema) as object);
    this.compiled.set(key, validate);
    const valid = validate(response.body) as boolean;
    return { ...found, valid, schemaFound: true, errors: valid ? [] : formatErrors(validate.errors) };
  }
}

function formatErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${paramsText(e)}`);
}

function paramsText(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if ('allowedValues' in params) return ` (${JSON.stringify(params.allowedValues)})`;
  if ('unevaluatedProperty' in params) return ` (${String(params.unevaluatedProperty)})`;
  if ('additionalProperty' in params) return ` (${String(params.additionalProperty)})`;
  return '';
}

import { describe, expect, it } from 'vitest';
import { applyOverlay } from '../../scripts/spec/overlay.js';

const overlay = (actions: unknown[]) =>
  ({ overlay: '1.0.0', info: { title: 't', version: '1' }, actions }) as any;

describe('applyOverlay (OpenAPI Overlay 1.0 semantics)', () => {
  it('merges objects recursively and replaces primitives', () => {
    const doc = { a: { b: 1, c: { d: 'x' } } };
    applyOverlay(doc, overlay([{ target: '$.a', update: { b: 2, c: { e: true } } }]));
    expect(doc).toEqual({ a: { b: 2, c: { d: 'x', e: true } } });
  });

  it('appends to arrays without repeating a primitive', () => {
    const doc = { s: { required: ['a'] } };
    applyOverlay(doc, overlay([{ target: '$.s', update: { required: ['a', 'b'] } }]));
    expect(doc.s.required).toEqual(['a', 'b']);
  });

  it('removes every match, including array items', () => {
    const doc = { list: [{ n: 1 }, { n: 2 }, { n: 3 }], o: { x: 1, y: 2 } };
    applyOverlay(
      doc,
      overlay([
        { target: '$.list[?(@.n != 2)]', remove: true },
        { target: '$.o.x', remove: true },
      ]),
    );
    expect(doc).toEqual({ list: [{ n: 2 }], o: { y: 2 } });
  });

  it('returns the actions whose target matched nothing, with their index and description', () => {
    const unapplied = applyOverlay(
      { a: {} },
      overlay([
        { target: '$.a', update: { z: 1 } },
        { target: '$.missing', description: 'fix the missing thing', update: { z: 1 } },
      ]),
    );
    expect(unapplied).toEqual([{ index: 1, target: '$.missing', description: 'fix the missing thing' }]);
  });

  it('refuses a document that is not an overlay', () => {
    expect(() => applyOverlay({}, { actions: [] } as any)).toThrow(/not an OpenAPI Overlay/);
  });
});

import type { AnyFetch } from './clients.js';
import { personEnvelope } from './person-fixture.js';

const init: ResponseInit = { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' } };

/** A `fetch` with the network stubbed out: it answers every request at once with a ready person envelope. */
export const stubFetch: AnyFetch = () => Promise.resolve(new Response(personEnvelope, init));

// The README's code samples, compiled against the built package: they must keep type-checking.
import {
  connect,
  createPerson,
  DocSpace,
  getPerson,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ValidationError,
} from '@docspace-people/sdk';
import { expectTypeOf, it } from 'vitest';

declare const bytes: Uint8Array;
declare const ids: string[];
declare const pendingIds: string[];
declare const groupId: string;
declare const fileInput: { files: File[] };

it('README samples compile', async () => {
  const ds = new DocSpace({ baseUrl: 'https://example.onlyoffice.com', token: 'sk-x' });
  new DocSpace({
    baseUrl: 'https://example.onlyoffice.com',
    token: 'sk-...',
    fetch,
    timeoutMs: 60_000,
    maxRetries: 2,
    retryBaseDelayMs: 500,
    maxRetryWaitMs: 60_000,
    maxConcurrentReads: 50,
    maxConcurrentWrites: 15,
    headers: { 'X-App': 'hr-sync' },
    logger: (line) => console.debug(line),
  });

  const me = await ds.people.me();
  console.log(me.displayName, me.type, me.status, me.registrationDate?.getFullYear());
  await ds.people.create({ email: 'jane@example.com', firstName: 'Jane', lastName: 'Doe' });
  for await (const person of ds.people.list({ status: 'Active', type: 'Guest' })) console.log(person.email);
  try {
    await ds.people.get('no.such.user');
  } catch (error) {
    if (error instanceof NotFoundError) console.log('not there');
  }

  const controller = new AbortController();
  await ds.people.get('x', { timeoutMs: 5_000, maxRetries: 0, signal: controller.signal });

  const p = await ds.people.create({
    email: 'ann@example.com',
    firstName: 'Ann',
    lastName: 'Lee',
    type: 'User',
  });
  await ds.people.get(p.id);
  await ds.people.getByEmail('ann@example.com');
  if (!(await ds.people.exists('bob@example.com'))) await ds.people.create({ email: 'bob@example.com' });
  await ds.people.update(me.id, { location: 'Riga', contacts: [{ type: 'mail', value: 'me@example.org' }] });
  await ds.people.update(p.id, { disable: true });
  const hits = await ds.people.search('ann');
  expectTypeOf(hits[0]?.displayName).toEqualTypeOf<string | undefined>();
  await ds.people.terminate([p.id]);
  await ds.people.reactivate(p.id);
  await ds.people.delete(p.id, { terminateFirst: true });
  await ds.people.changeType([p.id], 'RoomAdmin');
  await ds.people.downgrade(p.id, 'Guest', {
    reassignTo: me.id,
    onProgress: (t) => console.log(`${t.percentage}%`),
  });
  await ds.people.downgrade(p.id, 'User', { wait: false });
  const progress = await ds.people.downgradeProgress(p.id);
  expectTypeOf(progress?.percentage).toEqualTypeOf<number | undefined>();
  await ds.people.cancelDowngrade(p.id);
  await ds.people.invite([{ email: 'carl@example.com', type: 'Guest' }], { culture: 'en-US' });
  await ds.people.resendInvites(pendingIds);
  await ds.people.setCulture(me.id, 'de-DE');

  const filter = {
    status: 'Active',
    type: ['User', 'Guest'],
    activation: 'Activated',
    groupId,
    text: 'lee',
  } as const;
  for await (const person of ds.people.list(filter)) console.log(person.displayName);
  const { items, total, nextStartIndex } = await ds.people.list(filter).page({ startIndex: 0, count: 25 });
  console.log(items, total, nextStartIndex);
  for await (const page of ds.people.list(filter).pages()) console.log(page.items.length, 'of', page.total);
  await ds.people.list().toArray();

  await ds.photos.get(p.id);
  await ds.photos.upload(me.id, './avatar.png');
  if (fileInput.files[0]) await ds.photos.upload(me.id, fileInput.files[0]);
  await ds.photos.upload(me.id, bytes, { maxBytes: 2 * 1024 * 1024 });
  const { tmpFile } = await ds.photos.upload(me.id, bytes, { autosave: false });
  await ds.photos.crop(me.id, { tmpFile: tmpFile ?? '', x: 0, y: 0, width: 200, height: 200 });
  await ds.photos.setFromUrl(me.id, 'https://example.com/me.jpg');
  await ds.photos.delete(me.id);

  const { data, error } = await ds.raw.GET('/api/2.0/people/simple/filter', {
    params: { query: { count: 10, filterValue: 'lee' } },
  });
  console.log(data, error);

  try {
    await ds.people.delete(ids);
  } catch (error) {
    if (error instanceof PermissionDeniedError) console.log(error.message);
    if (error instanceof RateLimitError) console.log('retry at', error.retryAt);
    if (error instanceof ValidationError) console.log(error.field, error.rule);
  }
  await Promise.all(ids.map((id) => ds.people.get(id)));

  const token = 'sk-x';
  const id = ids[0] ?? '';
  const connection = connect({ baseUrl: 'https://example.onlyoffice.com', token });
  const person = await getPerson(connection, id, { timeoutMs: 5_000 });
  await createPerson(connection, { email: 'jane@example.com', firstName: 'Jane' });
  console.log(person.type);
});

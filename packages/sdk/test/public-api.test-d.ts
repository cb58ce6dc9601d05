import type { DocSpaceClient } from '@docspace-people/client';
import {
  type ApiError,
  type AssignableType,
  type CreatePersonInput,
  DocSpace,
  type DocSpaceError,
  type Group,
  type GroupChange,
  type Page,
  type PagedList,
  type Person,
  type PersonList,
  type PersonStatus,
  type PersonSummary,
  type PersonType,
  type Photo,
  type PhotoUploadResult,
  type RateLimitError,
  type TaskProgress,
  type ValidationError,
} from '@docspace-people/sdk';
import { describe, expectTypeOf, it } from 'vitest';

const ds = new DocSpace({ baseUrl: 'https://portal.example', token: 'sk-x' });
const id = '3f2a8d1e-6b7c-4e21-9a5d-0c8e4b1f7a26';

describe('public signatures', () => {
  it('constructor takes a token or basic credentials and transport settings', () => {
    expectTypeOf(DocSpace).constructorParameters.toEqualTypeOf<
      [import('@docspace-people/sdk').DocSpaceOptions]
    >();
    new DocSpace({
      baseUrl: 'x',
      basic: { email: 'a@b.c', password: 'p' },
      timeoutMs: 1,
      maxRetries: 1,
      logger: () => {},
    });
    new DocSpace({ baseUrl: 'x', token: 't', fetch: globalThis.fetch });
    // @ts-expect-error baseUrl is required
    new DocSpace({ token: 't' });
  });

  it('people methods return typed, unwrapped results', () => {
    expectTypeOf(ds.people.create).parameter(0).toEqualTypeOf<CreatePersonInput>();
    expectTypeOf(ds.people.create({ email: 'a@example.com' })).resolves.toEqualTypeOf<Person>();
    expectTypeOf(ds.people.get(id)).resolves.toEqualTypeOf<Person>();
    expectTypeOf(ds.people.me()).resolves.toEqualTypeOf<Person>();
    expectTypeOf(ds.people.getByEmail('a@example.com')).resolves.toEqualTypeOf<Person>();
    expectTypeOf(ds.people.exists('a@example.com')).resolves.toEqualTypeOf<boolean>();
    expectTypeOf(ds.people.update(id, { firstName: 'A' })).resolves.toEqualTypeOf<Person>();
    expectTypeOf(ds.people.search('a')).resolves.toEqualTypeOf<PersonSummary[]>();
    expectTypeOf(ds.people.terminate(id)).resolves.toEqualTypeOf<Person[]>();
    expectTypeOf(ds.people.reactivate([id])).resolves.toEqualTypeOf<Person[]>();
    expectTypeOf(ds.people.delete(id, { terminateFirst: true })).resolves.toEqualTypeOf<Person[]>();
    expectTypeOf(ds.people.changeType([id], 'RoomAdmin')).resolves.toEqualTypeOf<Person[]>();
    expectTypeOf(ds.people.downgrade(id, 'Guest', { reassignTo: id })).resolves.toEqualTypeOf<TaskProgress>();
    expectTypeOf(ds.people.cancelDowngrade(id)).resolves.toEqualTypeOf<TaskProgress | undefined>();
    expectTypeOf(ds.people.invite([{ email: 'a@example.com', type: 'User' }])).resolves.toEqualTypeOf<
      PersonSummary[]
    >();
    expectTypeOf(ds.people.resendInvites(id)).resolves.toEqualTypeOf<Person[]>();
    expectTypeOf(ds.people.setCulture(id, 'en-US')).resolves.toEqualTypeOf<Person>();
  });

  it('list is an async iterable of Person with one-page access', () => {
    const list = ds.people.list({
      status: 'Active',
      type: ['User', 'Guest'],
      activation: 'Activated',
      text: 'x',
    });
    expectTypeOf(list).toEqualTypeOf<PersonList>();
    expectTypeOf(list).toMatchTypeOf<AsyncIterable<Person>>();
    expectTypeOf(list.page({ startIndex: 0, count: 10 })).resolves.toEqualTypeOf<Page<Person>>();
    expectTypeOf<Page<Person>['total']>().toEqualTypeOf<number | undefined>();
  });

  it('a person has readable status and type and Date fields', () => {
    expectTypeOf<Person['status']>().toEqualTypeOf<PersonStatus>();
    expectTypeOf<Person['type']>().toEqualTypeOf<PersonType>();
    expectTypeOf<PersonType>().toEqualTypeOf<'Owner' | 'DocSpaceAdmin' | 'RoomAdmin' | 'User' | 'Guest'>();
    expectTypeOf<Person['registrationDate']>().toEqualTypeOf<Date | undefined>();
  });

  it('photos', () => {
    expectTypeOf(ds.photos.get(id)).resolves.toEqualTypeOf<Photo>();
    expectTypeOf(ds.photos.upload(id, new Uint8Array())).resolves.toEqualTypeOf<PhotoUploadResult>();
    expectTypeOf(
      ds.photos.upload(id, new Blob([]), { autosave: false }),
    ).resolves.toEqualTypeOf<PhotoUploadResult>();
    expectTypeOf(ds.photos.upload(id, './me.png')).resolves.toEqualTypeOf<PhotoUploadResult>();
    expectTypeOf(ds.photos.setFromUrl(id, 'https://x/y.png')).resolves.toEqualTypeOf<Photo>();
    expectTypeOf(ds.photos.delete(id)).resolves.toEqualTypeOf<Photo>();
    expectTypeOf(
      ds.photos.crop(id, { tmpFile: 't', x: 0, y: 0, width: 1, height: 1 }),
    ).resolves.toEqualTypeOf<Photo>();
  });

  it('raw is the generated typed client', () => {
    expectTypeOf(ds.raw).toEqualTypeOf<DocSpaceClient>();
  });

  it('errors form one hierarchy', () => {
    expectTypeOf<ApiError>().toMatchTypeOf<DocSpaceError>();
    expectTypeOf<RateLimitError['retryAfterMs']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<ValidationError['field']>().toEqualTypeOf<string>();
    expectTypeOf<ApiError['status']>().toEqualTypeOf<number>();
  });

  it('misuse does not compile', () => {
    // @ts-expect-error there is no role field: use changeType
    void ds.people.update(id, { role: 'Manager' });
    // @ts-expect-error the owner is not an assignable type
    void ds.people.changeType(id, 'Owner');
    // @ts-expect-error downgrade goes to User or Guest only
    void ds.people.downgrade(id, 'RoomAdmin');
    // @ts-expect-error ids are strings
    void ds.people.terminate(42);
    // @ts-expect-error statuses are names
    void ds.people.list({ status: 1 });
    // @ts-expect-error email is required
    void ds.people.create({ firstName: 'A' });
    expectTypeOf<AssignableType>().toEqualTypeOf<'DocSpaceAdmin' | 'RoomAdmin' | 'User' | 'Guest'>();
  });

  it('groups and the people data operations', () => {
    expectTypeOf(ds.groups.get(id)).resolves.toEqualTypeOf<Group>();
    expectTypeOf(ds.groups.list()).toEqualTypeOf<PagedList<Group>>();
    expectTypeOf(ds.groups.addMembers(id, [id])).resolves.toEqualTypeOf<GroupChange>();
    expectTypeOf(ds.groups.delete(id)).resolves.toEqualTypeOf<void>();
    expectTypeOf<Group['manager']>().toEqualTypeOf<Person | undefined>();
    expectTypeOf<Group['members']>().toEqualTypeOf<Person[] | undefined>();
    expectTypeOf(ds.people.reassign(id, id)).resolves.toEqualTypeOf<TaskProgress>();
    expectTypeOf(ds.people.needsReassign(id)).resolves.toEqualTypeOf<boolean>();
    expectTypeOf(ds.people.setQuota(id, 'unlimited')).resolves.toEqualTypeOf<Person[]>();
    expectTypeOf<Person['isCustomQuota']>().toEqualTypeOf<boolean | undefined>();
    // @ts-expect-error a quota is bytes, 'unlimited' or 'default'
    void ds.people.setQuota(id, '5GB');
    // @ts-expect-error the heir is given as reassignTo
    void ds.people.delete(id, { heir: id });
    // @ts-expect-error manager is a flag of the member filter
    void ds.groups.list({ manager: id });
  });
});

import type { DocSpaceClient } from '@docspace-people/client';
import {
  type Connection,
  type CreatePersonInput,
  connect,
  DocSpace,
  type DocSpaceOptions,
  type Person,
  type PersonList,
  type PersonSummary,
  type Photo,
  type PhotoUploadResult,
  peopleCancelDowngrade,
  peopleChangeType,
  peopleCreate,
  peopleDelete,
  peopleDowngrade,
  peopleExists,
  peopleGet,
  peopleGetByEmail,
  peopleInvite,
  peopleList,
  peopleMe,
  peopleReactivate,
  peopleResendInvites,
  peopleSearch,
  peopleSetCulture,
  peopleTerminate,
  peopleUpdate,
  photosCrop,
  photosDelete,
  photosGet,
  photosSetFromUrl,
  photosUpload,
  type RequestOptions,
  rawClient,
  type TaskProgress,
} from '@docspace-people/sdk';
import { describe, expectTypeOf, it } from 'vitest';

const connection = connect({ baseUrl: 'https://portal.example', token: 'sk-x' });
const ds = new DocSpace({ baseUrl: 'https://portal.example', token: 'sk-x' });
const id = '3f2a8d1e-6b7c-4e21-9a5d-0c8e4b1f7a26';

describe('standalone functions', () => {
  it('connect takes the same options as new DocSpace and returns a Connection', () => {
    expectTypeOf(connect).parameters.toEqualTypeOf<[DocSpaceOptions]>();
    expectTypeOf(connect).returns.toEqualTypeOf<Connection>();
    expectTypeOf(connection.baseUrl).toEqualTypeOf<string>();
    expectTypeOf(ds).toMatchTypeOf<Connection>();
  });

  it('each function takes the connection first and returns what the facade method returns', () => {
    expectTypeOf(peopleCreate).parameters.toEqualTypeOf<
      [Connection, CreatePersonInput, (RequestOptions | undefined)?]
    >();
    expectTypeOf(peopleCreate(connection, { email: 'a@example.com' })).toEqualTypeOf(
      ds.people.create({ email: 'a@example.com' }),
    );
    expectTypeOf(peopleGet(connection, id)).resolves.toEqualTypeOf<Person>();
    expectTypeOf(peopleGet(ds, id)).resolves.toEqualTypeOf<Person>();
    expectTypeOf(peopleMe(connection)).resolves.toEqualTypeOf<Person>();
    expectTypeOf(peopleGetByEmail(connection, 'a@example.com')).resolves.toEqualTypeOf<Person>();
    expectTypeOf(peopleExists(connection, 'a@example.com')).resolves.toEqualTypeOf<boolean>();
    expectTypeOf(peopleUpdate(connection, id, { firstName: 'A' })).resolves.toEqualTypeOf<Person>();
    expectTypeOf(peopleList(connection, { status: 'Active' })).toEqualTypeOf<PersonList>();
    expectTypeOf(peopleSearch(connection, 'a')).resolves.toEqualTypeOf<PersonSummary[]>();
    expectTypeOf(peopleTerminate(connection, id)).resolves.toEqualTypeOf<Person[]>();
    expectTypeOf(peopleReactivate(connection, [id])).resolves.toEqualTypeOf<Person[]>();
    expectTypeOf(peopleDelete(connection, id, { terminateFirst: true })).resolves.toEqualTypeOf<Person[]>();
    expectTypeOf(peopleChangeType(connection, [id], 'User')).resolves.toEqualTypeOf<Person[]>();
    expectTypeOf(peopleDowngrade(connection, id, 'Guest')).resolves.toEqualTypeOf<TaskProgress>();
    expectTypeOf(peopleCancelDowngrade(connection, id)).resolves.toEqualTypeOf<TaskProgress | undefined>();
    expectTypeOf(peopleInvite(connection, { email: 'a@example.com' })).resolves.toEqualTypeOf<
      PersonSummary[]
    >();
    expectTypeOf(peopleResendInvites(connection, id)).resolves.toEqualTypeOf<Person[]>();
    expectTypeOf(peopleSetCulture(connection, id, 'de')).resolves.toEqualTypeOf<Person>();
  });

  it('photo functions', () => {
    expectTypeOf(photosGet(connection, id)).resolves.toEqualTypeOf<Photo>();
    expectTypeOf(photosUpload(connection, id, new Uint8Array())).resolves.toEqualTypeOf<PhotoUploadResult>();
    expectTypeOf(photosSetFromUrl(connection, id, 'https://x/y.png')).resolves.toEqualTypeOf<Photo>();
    expectTypeOf(photosDelete(connection, id)).resolves.toEqualTypeOf<Photo>();
    expectTypeOf(
      photosCrop(connection, id, { tmpFile: 't', x: 0, y: 0, width: 1, height: 1 }),
    ).resolves.toEqualTypeOf<Photo>();
  });

  it('rawClient returns the generated typed client, like ds.raw', () => {
    expectTypeOf(rawClient(connection)).toEqualTypeOf<DocSpaceClient>();
    expectTypeOf(rawClient(connection)).toEqualTypeOf(ds.raw);
  });

  it('misuse does not compile', () => {
    // @ts-expect-error the connection comes first
    void peopleGet(id);
    // @ts-expect-error a plain options object is not a connection
    void peopleGet({ baseUrl: 'https://portal.example', token: 'sk-x' }, id);
    // @ts-expect-error the owner is not an assignable type
    void peopleChangeType(connection, id, 'Owner');
    // @ts-expect-error email is required
    void peopleCreate(connection, { firstName: 'A' });
  });
});

import type { DocSpaceClient } from '@docspace-people/client';
import {
  type Connection,
  type CreatePersonInput,
  cancelDowngrade,
  changePeopleType,
  connect,
  createPerson,
  cropPhoto,
  DocSpace,
  type DocSpaceOptions,
  deletePeople,
  deletePhoto,
  downgradePerson,
  getMe,
  getPerson,
  getPersonByEmail,
  getPhoto,
  invitePeople,
  listPeople,
  type Person,
  type PersonList,
  type PersonSummary,
  type Photo,
  type PhotoUploadResult,
  personExists,
  type RequestOptions,
  rawClient,
  reactivatePeople,
  resendInvites,
  searchPeople,
  setPersonCulture,
  setPhotoFromUrl,
  type TaskProgress,
  terminatePeople,
  updatePerson,
  uploadPhoto,
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
    expectTypeOf(createPerson).parameters.toEqualTypeOf<
      [Connection, CreatePersonInput, (RequestOptions | undefined)?]
    >();
    expectTypeOf(createPerson(connection, { email: 'a@example.com' })).toEqualTypeOf(
      ds.people.create({ email: 'a@example.com' }),
    );
    expectTypeOf(getPerson(connection, id)).resolves.toEqualTypeOf<Person>();
    expectTypeOf(getPerson(ds, id)).resolves.toEqualTypeOf<Person>();
    expectTypeOf(getMe(connection)).resolves.toEqualTypeOf<Person>();
    expectTypeOf(getPersonByEmail(connection, 'a@example.com')).resolves.toEqualTypeOf<Person>();
    expectTypeOf(personExists(connection, 'a@example.com')).resolves.toEqualTypeOf<boolean>();
    expectTypeOf(updatePerson(connection, id, { firstName: 'A' })).resolves.toEqualTypeOf<Person>();
    expectTypeOf(listPeople(connection, { status: 'Active' })).toEqualTypeOf<PersonList>();
    expectTypeOf(searchPeople(connection, 'a')).resolves.toEqualTypeOf<PersonSummary[]>();
    expectTypeOf(terminatePeople(connection, id)).resolves.toEqualTypeOf<Person[]>();
    expectTypeOf(reactivatePeople(connection, [id])).resolves.toEqualTypeOf<Person[]>();
    expectTypeOf(deletePeople(connection, id, { terminateFirst: true })).resolves.toEqualTypeOf<Person[]>();
    expectTypeOf(changePeopleType(connection, [id], 'User')).resolves.toEqualTypeOf<Person[]>();
    expectTypeOf(downgradePerson(connection, id, 'Guest')).resolves.toEqualTypeOf<TaskProgress>();
    expectTypeOf(cancelDowngrade(connection, id)).resolves.toEqualTypeOf<TaskProgress | undefined>();
    expectTypeOf(invitePeople(connection, { email: 'a@example.com' })).resolves.toEqualTypeOf<
      PersonSummary[]
    >();
    expectTypeOf(resendInvites(connection, id)).resolves.toEqualTypeOf<Person[]>();
    expectTypeOf(setPersonCulture(connection, id, 'de')).resolves.toEqualTypeOf<Person>();
  });

  it('photo functions', () => {
    expectTypeOf(getPhoto(connection, id)).resolves.toEqualTypeOf<Photo>();
    expectTypeOf(uploadPhoto(connection, id, new Uint8Array())).resolves.toEqualTypeOf<PhotoUploadResult>();
    expectTypeOf(setPhotoFromUrl(connection, id, 'https://x/y.png')).resolves.toEqualTypeOf<Photo>();
    expectTypeOf(deletePhoto(connection, id)).resolves.toEqualTypeOf<Photo>();
    expectTypeOf(
      cropPhoto(connection, id, { tmpFile: 't', x: 0, y: 0, width: 1, height: 1 }),
    ).resolves.toEqualTypeOf<Photo>();
  });

  it('rawClient returns the generated typed client, like ds.raw', () => {
    expectTypeOf(rawClient(connection)).toEqualTypeOf<DocSpaceClient>();
    expectTypeOf(rawClient(connection)).toEqualTypeOf(ds.raw);
  });

  it('misuse does not compile', () => {
    // @ts-expect-error the connection comes first
    void getPerson(id);
    // @ts-expect-error a plain options object is not a connection
    void getPerson({ baseUrl: 'https://portal.example', token: 'sk-x' }, id);
    // @ts-expect-error the owner is not an assignable type
    void changePeopleType(connection, id, 'Owner');
    // @ts-expect-error email is required
    void createPerson(connection, { firstName: 'A' });
  });
});

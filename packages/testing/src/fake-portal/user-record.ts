import type { ActivationStatusName, EmployeeStatusName, EmployeeTypeName } from './enums.js';

/** A contact entry (`{type, value}`) as the API sends it. */
export interface FakeContact {
  /** Contact kind, e.g. `phone`, `skype`. */
  type: string;
  /** The contact's value. */
  value: string;
}

/** The photo a person has set (URLs the fake hands out; nothing is stored). */
export interface FakePhoto {
  /** URL of the original image. */
  original: string;
  /** Where the image came from: an upload or a URL set with PUT. */
  source: 'upload' | 'url';
}

/** A person as the fake portal keeps them. Snapshots returned to tests are copies. */
export interface FakeUser {
  /** GUID id. */
  id: string;
  /** User name (unique): accepted in place of the id in `{userid}`. */
  userName: string;
  /** E-mail (unique, compared case-insensitively). */
  email: string;
  /** First name. */
  firstName: string;
  /** Last name. */
  lastName: string;
  /** User type. */
  type: EmployeeTypeName;
  /** True for the portal owner (a DocSpaceAdmin who alone may make other DocSpaceAdmins). */
  isOwner: boolean;
  /** Status. */
  status: EmployeeStatusName;
  /** Activation status. */
  activationStatus: ActivationStatusName;
  /** Password for Basic authentication; none means Basic is refused. Never included in copies given to tests. */
  password?: string;
  /** Location. */
  location?: string;
  /** Notes (the `comment` of the request). */
  notes?: string;
  /** Contacts. */
  contacts: FakeContact[];
  /** Culture, e.g. `en-US`. */
  cultureName: string;
  /** When the person was created. */
  registrationDate: Date;
  /** When the person was terminated (set when the status becomes Terminated). */
  terminatedDate?: Date;
  /** Id of the person who created this one. */
  createdBy?: string;
  /** The person's photo, when one is set. */
  photo?: FakePhoto;
  /** Bytes the person's documents use (sent as `usedSpace` when per-user quota is enabled). */
  usedSpace?: number;
  /** A custom quota in bytes (-1 = no limit); undefined = the portal's default. */
  quotaLimit?: number;
}

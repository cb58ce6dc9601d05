export {
  authorizationHeader,
  type BasicCredentials,
  type CreateClientOptions,
  createClient,
  type DocSpaceClient,
} from './create-client.js';
export {
  AccountLoginType,
  ActivationStatusName,
  Area,
  type components,
  DarkThemeSettingsType,
  DistributedTaskStatus,
  EmployeeActivationStatus,
  EmployeeStatus,
  EmployeeType,
  EnvelopeStatus,
  MobilePhoneActivationStatus,
  type operations,
  Payments,
  type paths,
  QuotaFilter,
  SortOrder,
  UserStatusChange,
  UserStatusName,
  UserTypeName,
} from './generated/schema.gen.js';
export type { Schemas } from './schemas.js';

export type { DtoContext } from './dto.js';
export {
  type ActivationStatusName,
  activationStatuses,
  type EmployeeStatusName,
  type EmployeeTypeName,
  employeeStatuses,
  employeeTypes,
} from './enums.js';
export type { FaultAction, FaultRule, ScriptedFault } from './faults.js';
export {
  type FakeGroup,
  type FakeRoom,
  type SeedGroup,
  type SeedRoom,
  systemGroupIds,
} from './groups.js';
export type { FakePortalOptions, PortalLimits } from './options.js';
export type { SentEmail, TypeChangeTask, UserQuotaConfig } from './portal-state.js';
export type {
  KindCounts,
  PortalStats,
  RecordedRequest,
  RequestInfo,
  RequestKind,
  RequestMatcher,
  RequestOutcome,
} from './request-log.js';
export { FakePortal, startFakePortal, type UserPatch } from './server.js';
export type { DataTask } from './tasks.js';
export type { FakeContact, FakePhoto, FakeUser } from './user-record.js';
export type { SeedUser } from './user-store.js';

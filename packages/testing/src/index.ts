export {
  type ActivationStatusName,
  type EmployeeStatusName,
  type EmployeeTypeName,
  type FakeContact,
  type FakePhoto,
  FakePortal,
  type FakePortalOptions,
  type FakeUser,
  type FaultAction,
  type FaultRule,
  type KindCounts,
  type PortalLimits,
  type PortalStats,
  type RecordedRequest,
  type RequestInfo,
  type RequestKind,
  type RequestMatcher,
  type RequestOutcome,
  type ScriptedFault,
  type SeedUser,
  startFakePortal,
  type TypeChangeTask,
  type UserPatch,
} from './fake-portal/index.js';
export { freePort } from './free-port.js';
export { curatedSpecPath, type PrismServer, type StartPrismOptions, startPrism } from './prism.js';
export { samplePeople, startSamplePortal } from './sample-portal.js';

export { watchRequests } from './fake-log.js';
export { lookUpAgain, lookUpDeleted } from './look-up.js';
export { isMain, runAsProgram } from './main.js';
export {
  describeError,
  type Example,
  type ExampleContext,
  type ExampleResult,
  runExample,
} from './steps.js';
export {
  fakeTarget,
  type OpenTarget,
  openTarget,
  type Target,
  type TargetEnv,
  type TargetMode,
  targetFor,
} from './target.js';
export { uniqueEmail } from './unique-email.js';

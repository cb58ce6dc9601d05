import type { FakePortal, RequestMatcher } from '@docspace-people/testing';

/**
 * Starts watching the fake portal's request log for requests matching `matcher`; the returned function gives the
 * line `fake portal log: <label> received: N` for what arrived since (no line on other targets, whose
 * requests the examples cannot see). Shows that a refusal "before sending" really sent nothing.
 */
export function watchRequests(
  portal: FakePortal | undefined,
  matcher: RequestMatcher,
  label: string,
): () => string[] {
  if (!portal) return () => [];
  const before = portal.countRequests(matcher);
  return () => [`fake portal log: ${label} received: ${portal.countRequests(matcher) - before}`];
}

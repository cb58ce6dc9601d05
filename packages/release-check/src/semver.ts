import type { Bump } from './repo-copy.js';

/** The version after a bump (plain `x.y.z` versions only), e.g. `increment('0.1.0', 'minor')` is `0.2.0`. */
export function increment(version: string, bump: Bump): string {
  const [major = 0, minor = 0, patch = 0] = version.split('.').map(Number);
  if (bump === 'major') return `${major + 1}.0.0`;
  if (bump === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

import type { UpstreamSource } from '../spec/build.js';
import type { IncomingUpstream } from './read-upstream.js';

/** Provenance given on the command line (`--repository`, `--commit`, `--tag`, `--date`, `--path`). */
export interface ProvenanceFlags {
  /** Repository URL, e.g. https://github.com/ONLYOFFICE/DocSpace-server. */
  readonly repository?: string;
  /** Commit the document was taken from. */
  readonly commit?: string;
  /** Tag of that commit, if any. */
  readonly tag?: string;
  /** Date of that commit (YYYY-MM-DD). */
  readonly date?: string;
  /** Path of the document inside the repository. */
  readonly path?: string;
}

/** The provenance record could not be completed; the message says which flag to pass. */
export class ProvenanceError extends Error {
  override readonly name = 'ProvenanceError';
}

/**
 * The new spec/upstream/source.json: flags win, then what the URL says, then (for repository and path only,
 * which rarely change) the previous record. Commit and date describe one upstream version, so they are never
 * carried over from the previous record: without them the pin would claim a provenance it does not have.
 */
export function nextSource(
  previous: UpstreamSource,
  incoming: IncomingUpstream,
  flags: ProvenanceFlags,
): UpstreamSource {
  const commit = flags.commit ?? incoming.fromUrl.commit;
  const tag = flags.tag ?? incoming.fromUrl.tag;
  if (commit === undefined) {
    throw new ProvenanceError('pass --commit <sha>: the upstream commit the document comes from');
  }
  if (flags.date === undefined) {
    throw new ProvenanceError('pass --date <YYYY-MM-DD>: the date of that upstream commit');
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(flags.date))
    throw new ProvenanceError(`--date ${flags.date} is not YYYY-MM-DD`);
  return {
    ...(typeof previous.description === 'string' ? { description: previous.description } : {}),
    repository: flags.repository ?? incoming.fromUrl.repository ?? previous.repository,
    ...(tag === undefined ? {} : { tag }),
    commit,
    path: flags.path ?? incoming.fromUrl.path ?? previous.path,
    date: flags.date,
    infoVersion: incoming.infoVersion,
    ...(incoming.url === undefined ? {} : { url: incoming.url }),
    file: previous.file,
    sha256: incoming.sha256,
  };
}

/** Short text for a source record: `3.7.0 (v3.7.2-server, ed2994e74f)`. */
export function describeSource(source: { infoVersion?: string; tag?: string; commit?: string }): string {
  const ref = [source.tag, source.commit?.slice(0, 10)].filter(Boolean).join(', ');
  return `${source.infoVersion ?? '?'}${ref ? ` (${ref})` : ''}`;
}

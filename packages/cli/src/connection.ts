import { DocSpace } from '@docspace-people/sdk';
import type { CliIO } from './io.js';
import { UsageError } from './io.js';

/** The `--url` / `--token` options every command accepts (parseArgs format). */
export const connectionOptions = {
  url: { type: 'string' },
  token: { type: 'string' },
} as const;

/** Help text of the connection options. */
export const connectionHelp = `Connection (flags win over the environment):
  --url <url>      portal URL, e.g. https://example.onlyoffice.com   [env DOCSPACE_URL]
  --token <token>  API key (sk-...) or access token                  [env DOCSPACE_TOKEN]
                   Prefer the environment: flags are visible to other users in the process list.`;

/** Creates the SDK client from flags or the environment; throws {@link UsageError} when something is missing. */
export function connect(
  values: { url?: string | undefined; token?: string | undefined },
  io: CliIO,
): DocSpace {
  const baseUrl = values.url ?? io.env.DOCSPACE_URL;
  const token = values.token ?? io.env.DOCSPACE_TOKEN;
  if (!baseUrl) throw new UsageError('no portal: give --url or set DOCSPACE_URL');
  if (!token) throw new UsageError('no token: set DOCSPACE_TOKEN (or give --token)');
  try {
    return new DocSpace({ baseUrl, token, maxRetries: 4 });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

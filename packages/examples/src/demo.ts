/**
 * `pnpm demo`: a few read-only calls through the typed client, against a Prism mock of the curated spec that
 * this script starts and stops, or against your portal when DOCSPACE_URL and DOCSPACE_TOKEN are set.
 */
import { createClient } from '@docspace-people/client';
import { type PrismServer, startPrism } from '@docspace-people/testing';

const portal = process.env.DOCSPACE_URL;
const token = process.env.DOCSPACE_TOKEN;
let prism: PrismServer | undefined;

async function main(): Promise<void> {
  let baseUrl: string;
  if (portal && token) {
    baseUrl = portal;
    console.log(`Using the portal at ${portal}`);
  } else {
    prism = await startPrism();
    baseUrl = prism.url;
    console.log(
      `Started a Prism mock of the curated spec at ${baseUrl} (set DOCSPACE_URL and DOCSPACE_TOKEN for a real portal)`,
    );
  }
  const client = createClient({ baseUrl, token: token ?? 'sk-demo' });

  const me = await client.GET('/api/2.0/people/@self');
  if (!me.data) throw new Error(`GET /people/@self failed: ${JSON.stringify(me.error)}`);
  console.log(`1. Signed in as ${me.data.response.displayName} <${me.data.response.email}>`);

  const page = await client.GET('/api/2.0/people/filter', { params: { query: { count: 25 } } });
  if (!page.data) throw new Error(`GET /people/filter failed: ${JSON.stringify(page.error)}`);
  console.log(`2. First page: ${page.data.response.length} of ${page.data.total ?? '?'} people`);
  for (const person of page.data.response) console.log(`   - ${person.displayName} (${person.email})`);

  const photo = await client.GET('/api/2.0/people/{userid}/photo', {
    params: { path: { userid: me.data.response.id } },
  });
  if (!photo.data) throw new Error(`GET /people/{id}/photo failed: ${JSON.stringify(photo.error)}`);
  console.log(`3. Your photo (max size): ${photo.data.response.max}`);
}

try {
  await main();
  console.log('Demo finished.');
} catch (error) {
  console.error(`Demo failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await prism?.stop();
}

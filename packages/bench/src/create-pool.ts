// The reference of measurement 6: measurement 5's hand-written `fetch` pool sending the same number of creates as
// the apply, in its own process (as the CLI is). Usage: create-pool.ts <portal url> <token> <creates> <workers>.
import { baselineRun } from './bulk-onboarding.js';

const [url = '', token = '', creates, workers] = process.argv.slice(2);
await baselineRun(url, token, Number(creates), Number(workers));

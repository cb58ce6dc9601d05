// Profiles one client's stubbed calls: `tsx src/profile-facade.ts [client] [get|create] [calls]` under
// `node --cpu-prof`. Prints CPU µs per call. Used to find where the facade's overhead goes (see README).
import { type ClientName, makeClients } from './clients.js';
import { newPerson, personId } from './person-fixture.js';
import { stubFetch } from './stub-fetch.js';

const [name = 'facade', op = 'get', count = '100000'] = process.argv.slice(2);
const client = makeClients('http://127.0.0.1:1', stubFetch)[name as ClientName];
if (!client) throw new Error(`unknown client ${name}`);
const call = op === 'create' ? () => client.create(newPerson) : () => client.get(personId);
const calls = Number(count);
for (let i = 0; i < 5000; i++) await call();
const cpu = process.cpuUsage();
for (let i = 0; i < calls; i++) await call();
const used = process.cpuUsage(cpu);
process.stdout.write(`${name} ${op}: ${((used.user + used.system) / calls).toFixed(1)} CPU µs per call\n`);

// The reference of measurement 6: hand-written `fetch` in a pool of 15 workers sending the same creates as the
// apply, in its own process (as the CLI is). Usage: create-pool.ts <portal url> <token> <creates> <workers>.
const [url, token, creates, workers] = process.argv.slice(2);
const headers = {
  authorization: `Bearer ${token}`,
  'content-type': 'application/json',
  accept: 'application/json',
};
let next = 0;
const worker = async () => {
  while (next < Number(creates)) {
    const i = next++;
    const response = await fetch(`${url}/api/2.0/people`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ email: `new${i}@example.com`, firstName: 'N', lastName: `${i}`, type: 'User' }),
    });
    await response.json();
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
  }
};
await Promise.all(Array.from({ length: Number(workers) }, worker));

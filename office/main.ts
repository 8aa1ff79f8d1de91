import { configFromEnv, startOffice } from './server.ts';

// `npm run office`: the commune office server with its dashboard (see README).
const office = await startOffice(configFromEnv());
console.log(`office: listening on ${office.url} (${office.database.dialect})`);
const stop = () => {
  void office.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

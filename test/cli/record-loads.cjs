// Preloaded with `node --require` by verify.spec.ts: records every module the process asks for (CommonJS
// requires and require() of ES modules both pass through Module._load) and writes the list to
// RECORD_LOADS_TO when the process exits.
const Module = require('node:module');
const { writeFileSync } = require('node:fs');

const loads = new Set();
const load = Module._load;
Module._load = function (request, parent, isMain) {
  try {
    loads.add(Module._resolveFilename(request, parent, isMain));
  } catch {
    loads.add(request);
  }
  return load.apply(this, arguments);
};
process.on('exit', () => writeFileSync(process.env.RECORD_LOADS_TO, JSON.stringify([...loads], null, 1)));

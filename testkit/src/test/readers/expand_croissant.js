// Expands croissant.json with jsonld.js, refusing every remote document: the context is inline.
'use strict';
const fs = require('fs');
const jsonld = require('jsonld');

const documentLoader = async (url) => {
  throw new Error('no network: refused to load ' + url);
};

(async () => {
  const doc = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const expanded = await jsonld.expand(doc, {documentLoader});
  process.stdout.write(JSON.stringify(expanded));
})().catch((e) => {
  console.error(e && e.message ? e.message : e);
  process.exit(1);
});

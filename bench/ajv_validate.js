// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.

// The ajv peer: node ajv_validate.js SCHEMA FILE
//
// Validates each line of the NDJSON FILE (blank lines skipped) with ajv 8
// against SCHEMA (draft-04 as draft-07, or draft 2020-12 when its $schema
// says so): JSON.parse, then the compiled validator. Prints what
// graphschema-validate --ndjson --format text does: for an invalid
// document "FILE:LINE: invalid (1 issue)" and the first issue, nothing for
// a valid one, and a summary "FILE: N documents, V valid, I invalid".
// Exit status 0 when all are valid, 1 when any is not.
'use strict';

const fs = require('fs');
const path = require('path');
const Ajv = require(path.join(__dirname, 'node_modules', 'ajv'));

const [schemaFile, file] = process.argv.slice(2);
if (!schemaFile || !file) {
  process.stderr.write('usage: node ajv_validate.js SCHEMA FILE\n');
  process.exit(2);
}

const schemaText = fs.readFileSync(schemaFile, 'utf8');
const schema = JSON.parse(schemaText);
let ajv;
if (typeof schema.$schema === 'string' && schema.$schema.includes('2020-12')) {
  // The items' JSON Schema, exported by the item validator, is draft
  // 2020-12: ajv's own class for it.
  const Ajv2020 = require(path.join(__dirname, 'node_modules', 'ajv', 'dist', '2020'));
  ajv = new (Ajv2020.default || Ajv2020)();
} else {
  // The connections' schemas (bench/schema/) are draft-04: ajv 8 runs them
  // as draft-07, and they use nothing that differs.
  delete schema.$schema;
  ajv = new Ajv();
}
if (schemaText.includes('"format"')) {
  // "format" (date-time) checked as ajv users do, by ajv-formats (pinned
  // by package-lock.json beside this file).
  const addFormats = require(path.join(__dirname, 'node_modules', 'ajv-formats'));
  (addFormats.default || addFormats)(ajv);
}
const validate = ajv.compile(schema);

// JSON.parse takes a string: decode strictly, so that invalid UTF-8 is an
// error rather than U+FFFD. The whole file in one go; line by line only
// when it holds invalid bytes.
const bytes = fs.readFileSync(file);
const strict = new TextDecoder('utf-8', { fatal: true });
let lines;
try {
  lines = strict.decode(bytes).split('\n');
} catch (e) {
  lines = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; ++i) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        lines.push(strict.decode(bytes.subarray(start, i)));
      } catch (bad) {
        lines.push(null);
      }
      start = i + 1;
    }
  }
}

let out = '';
let invalid = 0;
let documents = 0;
for (let i = 0; i < lines.length; ++i) {
  const line = lines[i];
  if (line !== null && line.trim() === '')
    continue;
  ++documents;
  const source = `${file}:${i + 1}`;
  let issue = null;
  if (line === null) {
    issue = 'syntax_error (document): invalid UTF-8';
  } else {
    let doc;
    try {
      doc = JSON.parse(line);
      if (!validate(doc)) {
        const e = validate.errors[0];
        issue = `${e.keyword} ${e.instancePath || '(document)'}: ${e.message}`;
      }
    } catch (e) {
      issue = `syntax_error (document): ${e.message}`;
    }
  }
  if (issue !== null) {
    ++invalid;
    out += `${source}: invalid (1 issue)\n${source}:1: ${issue}\n`;
  }
  if (out.length >= 65536) {
    fs.writeSync(1, out);
    out = '';
  }
}
out += `${file}: ${documents} document${documents === 1 ? '' : 's'}, ${documents - invalid} valid, ${invalid} invalid\n`;
fs.writeSync(1, out);
process.exitCode = invalid ? 1 : 0;

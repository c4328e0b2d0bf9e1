// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.

// The ajv side of the schema differential (test/schema/differential.cpp
// drives it): compiles every exported schema with ajv in strict mode, then
// validates a corpus against them and writes ajv's verdicts and errors.
//
//   node differential.js SCHEMAS.json CORPUS.ndjson RESULTS.ndjson
//
// SCHEMAS.json: [{"key", "schema", "openapi", "component"}, ...]: each
// JSON Schema document, and the OpenAPI fragment of the same call with
// the name of its root component.
// CORPUS.ndjson: one {"text": DOCUMENT, "schemas": [INDEX, ...]} a line.
// RESULTS.ndjson: one line per corpus line, in order: null when the text
// is not JSON to JSON.parse, else one [valid, openapiValid, errors] per
// schema index, each error [instancePath, keyword, params].
// Exit status: 0 done, 2 usage, 3 a schema did not compile cleanly.

"use strict";

const fs = require("fs");

let Ajv2020;
try {
    Ajv2020 = require("ajv/dist/2020");
} catch (e) {
    process.stderr.write("differential.js: ajv is not installed next to this script: " +
        "run 'npm ci' in test/schema (bash .ci/install does it)\n" + e.message + "\n");
    process.exit(3);
}

if (process.argv.length !== 5) {
    process.stderr.write("usage: node differential.js SCHEMAS.json CORPUS.ndjson RESULTS.ndjson\n");
    process.exit(2);
}
const [schemasPath, corpusPath, resultsPath] = process.argv.slice(2);

// Strict mode throws on what it refuses; anything it merely logs is a
// failure too.
const warnings = [];
const logger = {
    log() {},
    warn(...args) { warnings.push(args.join(" ")); },
    error(...args) { warnings.push(args.join(" ")); },
};

function newAjv() {
    const ajv = new Ajv2020({ strict: true, allErrors: true, logger });
    // The one OpenAPI keyword a fragment has at its top; its schemas are
    // reached through "$ref": "#/components/schemas/...".
    ajv.addKeyword({ keyword: "components", schemaType: "object" });
    return ajv;
}

const schemas = JSON.parse(fs.readFileSync(schemasPath, "utf8"));
const validators = [];
for (const s of schemas) {
    let schemaValidator, openapiValidator;
    try {
        schemaValidator = newAjv().compile(s.schema);
        openapiValidator = newAjv().compile({
            $schema: "https://json-schema.org/draft/2020-12/schema",
            $ref: "#/components/schemas/" + s.component,
            components: s.openapi.components,
        });
    } catch (e) {
        process.stderr.write(`differential.js: ${s.key} does not compile in strict mode: ${e.message}\n`);
        process.exit(3);
    }
    validators.push([schemaValidator, openapiValidator]);
}
if (warnings.length !== 0) {
    process.stderr.write("differential.js: ajv warned while compiling:\n" + warnings.join("\n") + "\n");
    process.exit(3);
}

const out = [];
for (const line of fs.readFileSync(corpusPath, "utf8").split("\n")) {
    if (line === "")
        continue;
    const entry = JSON.parse(line);
    let data;
    try {
        data = JSON.parse(entry.text);
    } catch (e) {
        out.push("null");
        continue;
    }
    const results = entry.schemas.map((i) => {
        const [schemaValidator, openapiValidator] = validators[i];
        const valid = schemaValidator(data);
        const errors = valid ? [] : schemaValidator.errors.map((e) => [e.instancePath, e.keyword, e.params]);
        return [valid, openapiValidator(data), errors];
    });
    out.push(JSON.stringify(results));
}
fs.writeFileSync(resultsPath, out.join("\n") + "\n");
if (warnings.length !== 0) {
    process.stderr.write("differential.js: ajv warned while validating:\n" + warnings.join("\n") + "\n");
    process.exit(3);
}

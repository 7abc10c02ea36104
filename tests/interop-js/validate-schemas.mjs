// Validates JSON written by the generated .NET serializers against the schemas of an inngest-events.lock.json, with
// Ajv (JSON Schema draft 2020-12) and ajv-formats, as a consumer in another language would.
//
//   node validate-schemas.mjs <lock file> <samples file>
//
// The samples file is [{ "name": event name, "version": its v or "", "data": [JSON value, ...] }, ...]. Every value is
// checked twice: against the schema as locked, and against a closed copy (no properties beyond the schema's, at every
// level), which proves that the schema names every member the serializer writes. Prints one JSON object:
// { "events": N, "values": N, "failures": [{ "name", "version", "index", "closed", "errors", "data" }] }.
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const [lockPath, samplesPath] = process.argv.slice(2);
const lock = JSON.parse(readFileSync(lockPath, "utf8"));
const samples = JSON.parse(readFileSync(samplesPath, "utf8"));

// strict: unknown keywords or formats in a schema are errors, so the lock uses only what a standard validator knows.
const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
addFormats(ajv);

function closed(schema) {
  if (Array.isArray(schema)) return schema.map(closed);
  if (schema === null || typeof schema !== "object") return schema;
  const copy = {};
  for (const [key, value] of Object.entries(schema)) {
    copy[key] = key === "properties" || key === "$defs"
      ? Object.fromEntries(Object.entries(value).map(([name, s]) => [name, closed(s)]))
      : closed(value);
  }
  if (copy.properties && copy.additionalProperties === undefined) copy.additionalProperties = false;
  return copy;
}

const failures = [];
let values = 0;
for (const sample of samples) {
  const entry = lock.events[sample.name];
  const schema = entry?.versions[sample.version ?? ""];
  if (!schema) {
    failures.push({ name: sample.name, version: sample.version, index: -1, closed: false, errors: "no schema in the lock", data: null });
    continue;
  }

  const validators = [[false, ajv.compile(schema)], [true, ajv.compile(closed(schema))]];
  sample.data.forEach((data, index) => {
    values++;
    for (const [isClosed, validate] of validators) {
      if (!validate(data)) {
        failures.push({ name: sample.name, version: sample.version, index, closed: isClosed, errors: ajv.errorsText(validate.errors), data });
      }
    }
  });
}

process.stdout.write(JSON.stringify({ events: samples.length, values, failures }) + "\n");

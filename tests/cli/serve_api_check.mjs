// Checks lagebild serve's OpenAPI document against real answers: every
// path it describes is called (with good and bad requests), and each JSON
// answer must match the schema the document gives for its path, method and
// status. A small validator of the JSON Schema the document uses ($ref,
// type, required, properties, items, enum, const, pattern, minimum,
// maximum, oneOf).
// Usage: node serve_api_check.mjs BASE_URL   (exit 1 with the mismatches)
const base = process.argv[2];
const spec = await (await fetch(new URL("api/v1/openapi.json", base))).json();
const problems = [];

if (spec.openapi !== "3.1.0") problems.push(`openapi is ${spec.openapi}, not 3.1.0`);

function resolve(schema) {
  while (schema && schema.$ref) {
    const path = schema.$ref.replace(/^#\//, "").split("/");
    schema = path.reduce((o, k) => o[k], spec);
  }
  return schema;
}

function typeOf(v) {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

function validate(value, schema, where, out) {
  schema = resolve(schema);
  if (!schema) return;
  if (schema.oneOf) {
    const ok = schema.oneOf.filter((s) => { const o = []; validate(value, s, where, o); return o.length === 0; });
    if (ok.length !== 1) out.push(`${where}: matches ${ok.length} of oneOf`);
    return;
  }
  if (schema.const !== undefined && value !== schema.const) out.push(`${where}: ${JSON.stringify(value)} is not ${schema.const}`);
  if (schema.enum && !schema.enum.includes(value)) out.push(`${where}: ${JSON.stringify(value)} not in ${schema.enum}`);
  if (schema.type) {
    const types = [].concat(schema.type);
    const t = typeOf(value);
    if (!types.includes(t) && !(t === "integer" && types.includes("number"))) {
      out.push(`${where}: a ${t}, the schema says ${types.join(" or ")}`);
      return;
    }
  }
  if (typeof value === "string" && schema.pattern && !new RegExp(schema.pattern).test(value)) {
    out.push(`${where}: "${value}" does not match ${schema.pattern}`);
  }
  if (typeof value === "number") {
    if (schema.minimum !== undefined && value < schema.minimum) out.push(`${where}: ${value} < ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) out.push(`${where}: ${value} > ${schema.maximum}`);
  }
  if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const key of schema.required || []) if (!(key in value)) out.push(`${where}: no "${key}"`);
    for (const [key, sub] of Object.entries(schema.properties || {})) {
      if (key in value) validate(value[key], sub, `${where}.${key}`, out);
    }
  }
  if (Array.isArray(value) && schema.items) value.forEach((v, i) => validate(v, schema.items, `${where}[${i}]`, out));
}

// The template of the spec that a concrete path is.
function template(path) {
  for (const t of Object.keys(spec.paths)) {
    const re = new RegExp("^" + t.replace(/\{[^}]+\}/g, "[^/]+") + "$");
    if (re.test(path)) return t;
  }
  return null;
}

const called = new Set();
async function call(method, path, body) {
  const url = new URL(path.replace(/^\//, ""), base);
  const res = await fetch(url, { method, body, headers: body ? { "Content-Type": "application/x-ndjson" } : {} });
  const t = template(url.pathname);
  if (t === null) { problems.push(`${method} ${url.pathname}: not in the document`); return null; }
  called.add(`${method.toLowerCase()} ${t}`);
  const op = spec.paths[t][method.toLowerCase()];
  if (!op) { problems.push(`${method} ${t}: method not in the document`); return null; }
  const answer = op.responses[String(res.status)];
  if (!answer) { problems.push(`${method} ${path}: status ${res.status} not in the document`); return null; }
  const type = (res.headers.get("content-type") || "").split(";")[0];
  const described = resolve(answer).content || {};
  if (!(type in described)) { problems.push(`${method} ${path}: ${type} not described for ${res.status}`); return null; }
  if (type !== "application/json") return res;
  const json = await res.json();
  const schema = described[type].schema;
  if (schema) validate(json, schema, `${method} ${path} ${res.status}`, problems);
  return json;
}

await call("GET", "/health");
await call("GET", "/api/v1/stories?limit=1");
await call("GET", "/api/v1/stories?limit=0");
await call("GET", "/api/v1/stories?format=csv");
await call("GET", "/api/v1/stories/s1");
await call("GET", "/api/v1/stories/s999999");
await call("GET", "/api/v1/stories/s1/articles");
await call("GET", "/api/v1/stories/s1/claims");
await call("GET", "/api/v1/articles/a1");
await call("GET", "/api/v1/articles/a999999");
await call("GET", "/api/v1/search?q=Seeschwalbe");
await call("GET", "/api/v1/search?q=");
await call("GET", "/api/v1/outlets");
await call("GET", "/api/v1/feeds");
const entities = await call("GET", "/api/v1/entities");
if (entities && entities.items.length) await call("GET", "/api/v1/entities/" + encodeURIComponent(entities.items[0].key));
await call("GET", "/api/v1/entities/nobody");
await call("POST", "/api/v1/articles", '{"text":"Ein Text, der nur hier steht, über die Prüfung der Schnittstelle."}\n');
await call("POST", "/api/v1/articles", "{broken");
const events = await fetch(new URL("api/v1/events?story=x", base));
if (events.status !== 400) problems.push(`GET /api/v1/events?story=x: ${events.status}, not 400`);
called.add("get /api/v1/events");
for (const [t, ops] of Object.entries(spec.paths)) {
  for (const m of Object.keys(ops)) if (!called.has(`${m} ${t}`)) problems.push(`${m.toUpperCase()} ${t}: never checked`);
}
if (problems.length) {
  for (const p of problems) console.error(p);
  process.exit(1);
}
console.log(`openapi: ${called.size} operations match their answers`);

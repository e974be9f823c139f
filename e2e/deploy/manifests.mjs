// Checks of the chart's rendered manifests, for e2e/deploy/chart (Node.js 18+):
//
//   node manifests.mjs FACTS.json
//
// FACTS.json: {
//   "nodeModules": "<dir with kubernetes-models, @kubernetes-models/prometheus-operator, yaml>",
//   "rendered": {"<name>": "<file>", ...},   // this chart, rendered with several values files
//   "python": "<file>",                      // the Python chart rendered with its own values
//   "compare": "<name>",                     // which rendering to hold against the Python one
//   "image": {"source": "...", "ports": [8000], "user": "10001", "env": {"NAME": "value"}},
//   "served": ["/health/live", ...]          // the GET paths the service answers
// }
//
// 1. Every document validates against Kubernetes' JSON schemas (kubernetes-models; the Prometheus
//    Operator's for a ServiceMonitor), and names no field the schema's type does not have.
// 2. The container port, the Service's target port, the probes' ports and paths, the user and the
//    writable directories agree with the image.
// 3. The Deployment rendered from the Python chart's values holds everything the Python chart's
//    Deployment holds, value for value: it may only add. The additions are listed.
// Exit status 1 when any check fails.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const facts = JSON.parse(readFileSync(process.argv[2], "utf8"));
const nm = facts.nodeModules;
const { parseAllDocuments } = await import(join(nm, "yaml/dist/index.js"));
let failures = 0;
const fail = (message) => {
  failures++;
  console.log(`  FAIL ${message}`);
};

function documents(file) {
  return parseAllDocuments(readFileSync(file, "utf8"))
    .map((doc) => {
      if (doc.errors.length) throw new Error(`${file}: ${doc.errors[0].message}`);
      return doc.toJS();
    })
    .filter((doc) => doc !== null);
}

// --- 1. schemas ---------------------------------------------------------------------------
function modelModule(apiVersion) {
  if (apiVersion.startsWith("monitoring.coreos.com/")) {
    return join(nm, "@kubernetes-models/prometheus-operator", apiVersion, "index.js");
  }
  return join(nm, "kubernetes-models", apiVersion, "index.js");
}

// Field names per type, read from the packages' TypeScript declarations (the validators accept
// unknown fields, which is how a misplaced key would slip through).
const fieldsOf = new Map();
function indexDeclarations(dir) {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      indexDeclarations(path);
    } else if (entry.endsWith(".d.ts")) {
      const text = readFileSync(path, "utf8");
      for (const [, name, body] of text.matchAll(/export interface (\w+)[^{]*\{\n([\s\S]*?)\n\}/g)) {
        const fields = new Map();
        for (const [, field, type] of body.matchAll(/^ {4}"([^"]+)"\??: (.*?);?$/gm)) {
          const array = type.match(/^Array<(I\w+)>$/);
          const single = type.match(/^(I\w+)$/);
          fields.set(field, array ? { type: array[1], array: true } : { type: single?.[1] });
        }
        // Interfaces are named per version (IIngress in several groups): key by the full alias.
        for (const [, local, alias] of text.matchAll(/(\w+) as (\w+)/g)) {
          if (local === name) fieldsOf.set(alias, fields);
        }
      }
    }
  }
}
for (const pkg of ["kubernetes-models", "@kubernetes-models/apimachinery", "@kubernetes-models/prometheus-operator"]) {
  indexDeclarations(join(nm, pkg));
}

function unknownFields(value, type, path, found) {
  const fields = fieldsOf.get(type);
  if (!fields || value === null || typeof value !== "object") return found;
  for (const [key, child] of Object.entries(value)) {
    const field = fields.get(key);
    if (!field) {
      found.push(`${path}.${key}`);
    } else if (field.type && child !== null) {
      if (field.array && Array.isArray(child)) {
        child.forEach((item, i) => unknownFields(item, field.type, `${path}.${key}[${i}]`, found));
      } else if (!field.array) {
        unknownFields(child, field.type, `${path}.${key}`, found);
      }
    }
  }
  return found;
}

// The API server reads an explicit null as "not set"; the Python chart renders `env:` empty.
const withoutNulls = (value) =>
  Array.isArray(value)
    ? value.map(withoutNulls)
    : value && typeof value === "object"
      ? Object.fromEntries(
          Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, withoutNulls(v)]),
        )
      : value;

async function validate(name, docs) {
  const seen = [];
  for (const doc of docs) {
    const id = `${doc.kind}/${doc.metadata?.name}`;
    const models = await import(modelModule(doc.apiVersion));
    const Model = models[doc.kind];
    if (!Model) {
      fail(`${name}: no schema for ${doc.apiVersion} ${doc.kind}`);
      continue;
    }
    try {
      new Model(withoutNulls(doc)).validate();
    } catch (e) {
      fail(`${name}: ${id}: ${e.message}`);
      continue;
    }
    const declaration = readFileSync(modelModule(doc.apiVersion).replace(/index\.js$/, `${doc.kind}.d.ts`), "utf8");
    const root = declaration.match(new RegExp(`I${doc.kind} as (\\w+)`))[1];
    const unknown = unknownFields(doc, root, doc.kind, []);
    if (unknown.length) {
      fail(`${name}: ${id}: fields the schema does not have: ${unknown.join(", ")}`);
      continue;
    }
    seen.push(id);
  }
  console.log(`  ${name}: ${seen.length}/${docs.length} valid (${seen.join(", ")})`);
}

console.log("schemas (kubernetes-models 5.1.0, prometheus-operator models for ServiceMonitor):");
const rendered = {};
for (const [name, file] of Object.entries(facts.rendered)) {
  rendered[name] = documents(file);
  await validate(name, rendered[name]);
}
const python = documents(facts.python);
await validate("python chart (reference)", python);

// --- 2. agreement with the image --------------------------------------------------------------
console.log(`image agreement (image facts from ${facts.image.source}):`);
const imagePort = facts.image.ports[0];
const underMount = (dir, mounts) => mounts.some((m) => dir === m || dir.startsWith(m + "/"));
for (const [name, docs] of Object.entries(rendered)) {
  const deployment = docs.find((d) => d.kind === "Deployment");
  const service = docs.find((d) => d.kind === "Service");
  const pod = deployment.spec.template.spec;
  const container = pod.containers[0];
  const port = container.ports?.[0];
  const checks = [];
  const expect = (ok, what) => (ok ? checks.push(what) : fail(`${name}: ${what}`));
  expect(port?.containerPort === imagePort, `containerPort ${port?.containerPort} = EXPOSE ${imagePort}`);
  expect(service.spec.ports[0].targetPort === imagePort, `Service targetPort ${service.spec.ports[0].targetPort}`);
  const env = Object.fromEntries((container.env ?? []).map((e) => [e.name, e.value]));
  const listens = Number(env.PORT ?? facts.image.env.PORT ?? imagePort);
  expect(listens === imagePort, `the service listens on PORT ${listens}`);
  for (const kind of ["startupProbe", "livenessProbe", "readinessProbe"]) {
    const probe = container[kind]?.httpGet;
    if (!probe) {
      fail(`${name}: no ${kind}`);
      continue;
    }
    const portOk = probe.port === imagePort || probe.port === port?.name;
    expect(portOk && facts.served.includes(probe.path), `${kind} ${probe.path}:${probe.port}`);
  }
  const user = String(container.securityContext?.runAsUser ?? pod.securityContext?.runAsUser);
  expect(user === String(facts.image.user), `runAsUser ${user} = image USER ${facts.image.user}`);
  const mounts = (container.volumeMounts ?? []).map((m) => m.mountPath);
  expect(container.securityContext?.readOnlyRootFilesystem === true, "readOnlyRootFilesystem");
  expect(underMount("/tmp", mounts), "/tmp writable (emptyDir)");
  const dataDir = env.DATA_DIR ?? facts.image.env.DATA_DIR;
  expect(dataDir && underMount(dataDir, mounts), `DATA_DIR ${dataDir} on a writable volume`);
  console.log(`  ${name}: ${checks.join("; ")}`);
}

// --- 3. the Deployment against the Python chart's -------------------------------------------
const listKey = { containers: "name", env: "name", volumes: "name", imagePullSecrets: "name" };
function compare(python, ours, path, out) {
  if (python === null || python === undefined) {
    if (ours !== null && ours !== undefined) out.added.push(path);
    return;
  }
  if (ours === undefined || ours === null) {
    out.removed.push(path);
    return;
  }
  if (Array.isArray(python)) {
    if (!Array.isArray(ours)) return out.changed.push(`${path}: a list became ${JSON.stringify(ours)}`);
    const last = path.split(".").pop();
    const key = last.startsWith("ports") ? (path.includes("containers") ? "containerPort" : "port") : listKey[last];
    const keyOf = (item, i) => (key && item && typeof item === "object" ? `${key}=${item[key]}` : String(i));
    const oursByKey = new Map(ours.map((item, i) => [keyOf(item, i), item]));
    const pythonKeys = new Set(python.map(keyOf));
    python.forEach((item, i) => compare(item, oursByKey.get(keyOf(item, i)), `${path}[${keyOf(item, i)}]`, out));
    ours.forEach((item, i) => {
      if (!pythonKeys.has(keyOf(item, i))) out.added.push(`${path}[${keyOf(item, i)}]`);
    });
    return;
  }
  if (typeof python === "object") {
    if (typeof ours !== "object") return out.changed.push(`${path}: ${JSON.stringify(ours)}`);
    for (const key of Object.keys(python)) compare(python[key], ours[key], `${path}.${key}`, out);
    for (const key of Object.keys(ours)) if (!(key in python)) compare(undefined, ours[key], `${path}.${key}`, out);
    return;
  }
  if (python !== ours) out.changed.push(`${path}: ${JSON.stringify(python)} -> ${JSON.stringify(ours)}`);
}
const pythonDeployment = python.find((d) => d.kind === "Deployment");
const ourDeployment = rendered[facts.compare].find((d) => d.kind === "Deployment");
const diff = { added: [], removed: [], changed: [] };
compare(pythonDeployment, ourDeployment, "Deployment", diff);
console.log(
  `Deployment (${facts.compare}) against the Python chart's: ${diff.removed.length} removed, ` +
    `${diff.changed.length} changed, ${diff.added.length} added`,
);
diff.removed.forEach((path) => fail(`removed ${path}`));
diff.changed.forEach((path) => fail(`changed ${path}`));
diff.added.forEach((path) => console.log(`  + ${path}`));
for (const kind of ["Service", "Ingress"]) {
  const d = { added: [], removed: [], changed: [] };
  compare(python.find((x) => x.kind === kind), rendered[facts.compare].find((x) => x.kind === kind), kind, d);
  d.removed.forEach((path) => fail(`removed ${path}`));
  d.changed.forEach((path) => fail(`changed ${path}`));
  console.log(`${kind} against the Python chart's: ${d.removed.length} removed, ${d.changed.length} changed, ${d.added.length} added (${d.added.join(", ")})`);
}

process.exit(failures ? 1 : 0);

// Async Lab's service worker: answers the app's own GET api/* requests with real, delayed responses.
// Routes (under this worker's scope): api/delay/{ms}/{name}, api/status/{code}, api/bytes/{n} and
// api/flaky/{k}/{attempt}/{name}?ms={ms} (503 to attempts 1..k, then 200; the count is in the path,
// so the worker keeps no state: it may stop when idle, and two tabs never share a count). Nothing is cached.
// Deployed at a site's root its scope holds the site's other pages too: it answers only requests
// that carry the app's marker header, never a navigation, and leaves every other request alone
// (no respondWith), so it goes to the network as if there were no worker. The decision is
// synchronous because respondWith must be called before the handler returns.
const MAX_DELAY_MS = 60000;
const MAX_BYTES = 25 * 1024 * 1024;

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const api = new URL("api/", self.registration.scope).href;
  if (request.mode === "navigate" || request.method !== "GET" || request.headers.get("x-async-lab") !== "app" || !request.url.startsWith(api)) return;
  const url = new URL(request.url);
  const path = url.href.slice(api.length).split(/[?#]/)[0];
  let parts;
  try {
    parts = path.split("/").map(decodeURIComponent);
  } catch {
    // A malformed escape would throw here and turn into a network error: say what is wrong instead.
    event.respondWith(json(400, { error: `the path has a malformed %-escape: ${JSON.stringify(path)}` }));
    return;
  }
  event.respondWith(parts[0] === "flaky" ? flaky(parts, url.searchParams.get("ms"), request.signal) : answer(parts, request.signal));
});

// Statuses whose responses have no body: the Response constructor throws if given one.
const NULL_BODY = [204, 205, 304];

function headers(type) {
  return { "content-type": type, "cache-control": "no-store", "x-async-lab": "service-worker" };
}

function json(status, body) {
  return new Response(JSON.stringify(body), { status, headers: headers("application/json") });
}

// Resolves after `ms`, or early when the page aborts the request.
function wait(ms, signal) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => { clearTimeout(timer); resolve(); }, { once: true });
  });
}

function whole(text, max) {
  return /^\d{1,9}$/.test(text ?? "") && Number(text) <= max ? Number(text) : null;
}

const MAX_FAIL_FIRST = 99;

// Fails the first k attempts with 503, answers later ones with 200, each after `ms`.
async function flaky([, k, attempt, name], msText, signal) {
  const fails = whole(k, MAX_FAIL_FIRST);
  const n = whole(attempt, 1000);
  const ms = msText === null ? 0 : whole(msText, MAX_DELAY_MS);
  if (fails === null || n === null || n < 1 || ms === null) {
    return json(400, { error: `try api/flaky/{k}/{attempt}/{name}?ms={ms}: k from 0 to ${MAX_FAIL_FIRST}, attempt from 1, ms from 0 to ${MAX_DELAY_MS}; got ${JSON.stringify([k ?? "", attempt ?? "", msText ?? ""])}` });
  }
  await wait(ms, signal);
  if (n <= fails) return json(503, { name: name ?? "", attempt: n, fail_first: fails, error: `attempt ${n} of the first ${fails}, which fail` });
  return json(200, { name: name ?? "", attempt: n, fail_first: fails, served_at: new Date().toISOString() });
}

async function answer([route, arg, name], signal) {
  if (route === "delay") {
    const ms = whole(arg, MAX_DELAY_MS);
    if (ms === null) return json(400, { error: `delay must be a whole number of ms from 0 to ${MAX_DELAY_MS}; got ${JSON.stringify(arg ?? "")}` });
    await wait(ms, signal);
    return json(200, { name: name ?? "", delay_ms: ms, served_at: new Date().toISOString() });
  }
  if (route === "status") {
    const code = whole(arg, 599);
    if (code === null || code < 200) return json(400, { error: `status must be a code from 200 to 599; got ${JSON.stringify(arg ?? "")}` });
    if (NULL_BODY.includes(code)) return new Response(null, { status: code, headers: headers("application/json") });
    return json(code, { status: code });
  }
  if (route === "bytes") {
    const n = whole(arg, MAX_BYTES);
    if (n === null) return json(400, { error: `bytes must be a whole number from 0 to ${MAX_BYTES}; got ${JSON.stringify(arg ?? "")}` });
    return new Response(new Uint8Array(n).fill(120), { status: 200, headers: headers("application/octet-stream") });
  }
  return json(404, { error: `no route api/${route ?? ""}; try api/delay/{ms}/{name}, api/status/{code}, api/bytes/{n} or api/flaky/{k}/{attempt}/{name}` });
}

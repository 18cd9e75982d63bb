// The test server itself: hostile paths get clear answers, and nothing outside its root is served.
import { expect, test } from "@playwright/test";

test("a malformed escape gets a 400 and the server keeps serving", async ({ request }) => {
  expect((await request.get("/%E0%A4%A")).status()).toBe(400);
  expect((await request.get("/")).status()).toBe(200);
});

test("nothing outside the root is served, not even a sibling folder whose name starts like it", async ({ request }) => {
  // dist-test/ sits beside dist/: a prefix test on the path would have served it.
  expect((await request.get("/..%2Fdist-test/index.html")).status()).toBe(404);
  expect((await request.get("/..%2F..%2FCargo.toml")).status()).toBe(404);
  expect((await request.get("/index.html")).status()).toBe(200);
});

// End-to-end tests: the release build in dist/, served on 127.0.0.1, driven in Debian's Chromium.
import { defineConfig } from "@playwright/test";

const port = 4173;

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  // One browser at a time: the tests measure timers and fetches, and two browsers on a 2-core
  // machine stole 370–460 ms from each other's runs in CI (a 100 ms fetch measured 475 ms).
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
      ],
    },
  },
  webServer: [
    { command: `node tests/e2e/serve.mjs ${port} dist`, url: `http://127.0.0.1:${port}/`, reuseExistingServer: false },
    // The debug build with test-only hooks (make build-test-hooks).
    { command: `node tests/e2e/serve.mjs ${port + 1} dist-test`, url: `http://127.0.0.1:${port + 1}/`, reuseExistingServer: false },
  ],
});

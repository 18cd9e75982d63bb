// A Docusaurus site (classic preset) that embeds three lessons as README's "Docusaurus" section
// says, over two docs pages, the second reached by a client-side route change.
// tests/sites/build.sh replaces @APP@ with the app's address.
export default {
  title: "Async docs",
  url: "http://localhost",
  baseUrl: "/sites/docusaurus/",
  // Emits race/index.html for /race/, the layout any static server (tests/e2e/serve.mjs) answers.
  trailingSlash: true,
  onBrokenLinks: "throw",
  // embed.js once per page, in <head>, a plain classic script: an element holds its frame's
  // room from the first paint, so nothing shifts.
  scripts: [{ src: "@APP@embed.js" }],
  presets: [
    [
      "classic",
      {
        docs: { routeBasePath: "/" },
        blog: false,
      },
    ],
  ],
  themeConfig: {
    // Nothing at runtime but this server and the app: no search service, no remote images.
    navbar: { title: "Async docs" },
  },
};

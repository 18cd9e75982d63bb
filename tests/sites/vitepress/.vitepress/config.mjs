// A VitePress site (default theme) that embeds three lessons as README's "VitePress" section
// says, over two pages, the second reached by a client-side route change.
// tests/sites/build.sh replaces @APP@ with the app's address.
export default {
  title: "Async docs",
  base: "/sites/vitepress/",
  // embed.js once per page, in <head>, a plain classic script: an element holds its frame's
  // room from the first paint, so nothing shifts.
  head: [["script", { src: "@APP@embed.js" }]],
  // Vue leaves the element to embed.js instead of resolving it as a component (and warning).
  vue: { template: { compilerOptions: { isCustomElement: (tag) => tag === "async-lab" } } },
  themeConfig: {
    // Nothing at runtime but this server and the app: no search, no social links.
    sidebar: [
      { text: "Awaiting things together", link: "/" },
      { text: "The first to finish", link: "/race" },
    ],
  },
};

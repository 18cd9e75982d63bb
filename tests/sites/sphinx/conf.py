# A Sphinx site with the Furo theme that embeds two lessons as README's "Sphinx" section says.
# tests/sites/build.sh replaces @APP@ with the app's address.
project = "Async docs"
html_theme = "furo"
html_title = "Async docs"
# embed.js once per page, in <head>: embeds hold their room from the first paint.
html_js_files = [("@APP@embed.js", {"defer": "defer"})]

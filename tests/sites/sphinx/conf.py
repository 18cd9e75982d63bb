# A Sphinx site with the Furo theme that embeds two lessons as README's "Sphinx" section says.
# tests/sites/build.sh replaces @APP@ with the app's address, and builds it again with
# sphinx-rtd-theme and pydata-sphinx-theme (-D html_theme): the one template works in all three.
project = "Async docs"
html_theme = "furo"
html_title = "Async docs"
# _templates/page.html loads embed.js in <head> (html_js_files would land at the end of Furo's <body>).
templates_path = ["_templates"]

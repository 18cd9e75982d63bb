//! Embedding: the iframe snippet a docs author pastes, and the report a parent page may see.

use crate::report::RunReport;

/// The sandbox an Async Lab iframe needs: scripts, same-origin (for its service worker and
/// same-origin fetches), and popups for "Open in Async Lab".
pub const SANDBOX: &str = "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox";

/// Escapes text for a double-quoted HTML attribute.
pub fn attribute(text: &str) -> String {
    text.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

/// A ready `<iframe>` for `src`, plus the script that sizes it to its content.
pub fn snippet(src: &str, embed_js: &str, title: &str, height_px: u32) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{height_px}\" loading=\"lazy\" style=\"border:0\"\n  sandbox=\"{SANDBOX}\"\n  allow=\"clipboard-write\"></iframe>\n<script src=\"{}\" defer></script>",
        attribute(src),
        attribute(&format!("Async Lab: {title}")),
        attribute(embed_js),
    )
}

/// Removes `?query` (and `#fragment`) from every URL-looking word of `text`.
pub fn strip_query_strings(text: &str) -> String {
    text.split_inclusive(char::is_whitespace)
        .map(|word| match word.find(['?', '#']) {
            Some(at) if word.contains('/') || word.contains(':') => {
                let trailing: String = word.chars().rev().take_while(|c| c.is_whitespace()).collect();
                format!("{}{trailing}", &word[..at])
            }
            _ => word.to_owned(),
        })
        .collect()
}

/// The report as posted to a parent page: no query strings, which may carry tokens.
pub fn for_parent(report: &RunReport) -> RunReport {
    let mut report = report.clone();
    for task in &mut report.tasks {
        task.detail = strip_query_strings(&task.detail);
        task.label = strip_query_strings(&task.label);
    }
    for event in &mut report.events {
        event.what = strip_query_strings(&event.what);
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_is_escaped_and_complete() {
        let s = snippet("https://x.dev/lab/?v=1&lesson=gather&embed=1", "https://x.dev/lab/embed.js", "Gather \"1\"", 640);
        assert!(s.starts_with("<iframe src=\"https://x.dev/lab/?v=1&amp;lesson=gather&amp;embed=1\" title=\"Async Lab: Gather &quot;1&quot;\""));
        assert!(s.contains("height=\"640\" loading=\"lazy\""));
        assert!(s.contains("sandbox=\"allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox\""));
        assert!(s.ends_with("<script src=\"https://x.dev/lab/embed.js\" defer></script>"));
    }

    #[test]
    fn query_strings_are_stripped_from_urls_only() {
        assert_eq!(strip_query_strings("GET https://a.b/c?token=1 failed"), "GET https://a.b/c failed");
        assert_eq!(strip_query_strings("api/delay/5/x?k=v#f"), "api/delay/5/x");
        assert_eq!(strip_query_strings("why? no url here"), "why? no url here");
    }
}

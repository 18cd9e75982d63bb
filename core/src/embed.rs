//! Embedding: the snippets a docs author pastes (the `<async-lab>` element, the bare iframe), and
//! the report a parent page may see.

use crate::report::RunReport;
use crate::result::Reach;
use crate::run::Run;

/// The sandbox an Async Lab iframe needs: scripts, same-origin (for its service worker and
/// same-origin fetches), and popups for "Open in Async Lab".
pub const SANDBOX: &str = "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox";

/// Escapes text for a double-quoted HTML attribute.
pub fn attribute(text: &str) -> String {
    text.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

/// A ready `<async-lab>` element for the embed's `query` (`v` and `embed=1` are the element's
/// own defaults), with a link to `full_app` for readers without JavaScript, after the script that
/// defines it: a plain script before the element (README's one rule), so the element holds its
/// room from the first paint. Its attributes are the query's values as they stand,
/// percent-encoded: the element passes them on as written.
pub fn element_snippet(query: &str, full_app: &str, embed_js: &str, title: &str) -> String {
    let attributes: String = query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .filter(|(name, _)| !matches!(*name, "v" | "embed"))
        .map(|(name, value)| format!(" {name}=\"{}\"", attribute(value)))
        .collect();
    format!(
        "<script src=\"{}\"></script>\n<async-lab{attributes}>\n  <a href=\"{}\">{}</a>: a lesson of Async Lab, which runs with JavaScript.\n</async-lab>",
        attribute(embed_js),
        attribute(full_app),
        attribute(title),
    )
}

/// A ready `<iframe>` for `src`, after the script that sizes it to its content.
pub fn snippet(src: &str, embed_js: &str, title: &str, height_px: u32) -> String {
    format!(
        "<script src=\"{}\"></script>\n<iframe src=\"{}\" title=\"{}\" height=\"{height_px}\" loading=\"lazy\" style=\"width:100%;border:0\"\n  sandbox=\"{SANDBOX}\"\n  allow=\"clipboard-write\"></iframe>",
        attribute(embed_js),
        attribute(src),
        attribute(&format!("Async Lab: {title}")),
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

/// The report as posted to a parent page, which may be any site: nothing read from a response
/// (a body's preview is cut from the detail) and no query strings, which may carry tokens. A run
/// that fetched anything but the app's own endpoints is not posted at all: its statuses, sizes and
/// timings would tell the framing page which URLs exist for the person using the app.
pub fn for_parent(report: &RunReport, run: &Run) -> Option<RunReport> {
    if run.tasks.iter().any(|t| t.result.reach == Reach::Elsewhere) {
        return None;
    }
    let mut report = report.clone();
    for (task, record) in report.tasks.iter_mut().zip(&run.tasks) {
        task.detail = strip_query_strings(&record.result.detail_without_body());
        task.label = strip_query_strings(&task.label);
    }
    for event in &mut report.events {
        event.what = strip_query_strings(&event.what);
    }
    Some(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_is_escaped_and_complete() {
        let s = snippet("https://x.dev/lab/?v=1&lesson=gather&embed=1", "https://x.dev/lab/embed.js", "Gather \"1\"", 640);
        assert!(s.starts_with("<script src=\"https://x.dev/lab/embed.js\"></script>\n<iframe src=\"https://x.dev/lab/?v=1&amp;lesson=gather&amp;embed=1\" title=\"Async Lab: Gather &quot;1&quot;\""));
        assert!(s.contains("height=\"640\" loading=\"lazy\" style=\"width:100%;border:0\""));
        assert!(s.contains("sandbox=\"allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox\""));
        assert!(s.ends_with("allow=\"clipboard-write\"></iframe>"));
    }

    #[test]
    fn element_snippet_carries_the_query_as_attributes() {
        let s = element_snippet(
            "v=1&lesson=gather&tasks=A%201~timer~5~0~&embed=1&loop=yield",
            "https://x.dev/lab/?lesson=gather",
            "https://x.dev/lab/embed.js",
            "Gather <1>",
        );
        assert_eq!(
            s,
            "<script src=\"https://x.dev/lab/embed.js\"></script>\n<async-lab lesson=\"gather\" tasks=\"A%201~timer~5~0~\" loop=\"yield\">\n  <a href=\"https://x.dev/lab/?lesson=gather\">Gather &lt;1&gt;</a>: a lesson of Async Lab, which runs with JavaScript.\n</async-lab>"
        );
    }

    #[test]
    fn query_strings_are_stripped_from_urls_only() {
        assert_eq!(strip_query_strings("GET https://a.b/c?token=1 failed"), "GET https://a.b/c failed");
        assert_eq!(strip_query_strings("api/delay/5/x?k=v#f"), "api/delay/5/x");
        assert_eq!(strip_query_strings("why? no url here"), "why? no url here");
    }

    #[test]
    fn a_parent_hears_nothing_read_from_a_response_and_nothing_of_other_urls() {
        use crate::result::TaskResult;
        use crate::run::RunEvent;
        use crate::task::TaskSpec;
        use crate::work::{fetched, Fetched, Route};
        use crate::{LessonId, Mode, Variant};
        let answer = |preview: &str| Fetched { status: 200, ok: true, bytes: 61, capped: false, preview: preview.to_owned(), from_service_worker: true };
        let finish = |reach: Reach| {
            let spec = TaskSpec::fetch("Data 1", 10, "api/delay/10/Data%201?token=s3cret");
            let mut run = Run::new(1, LessonId::ApiRequests, Mode::Concurrent(Variant::Gather), vec![spec]);
            let result = TaskResult { reach, ..fetched(Ok(answer("{\"secret\": 1}")), &Route::AsTyped, 0.0, false) };
            run.apply(RunEvent::TaskStarted { index: 0, t_ms: 0.0 });
            run.apply(RunEvent::TaskFinished { index: 0, t_ms: 10.0, result });
            run.complete(10.0);
            run
        };
        let own = finish(Reach::OwnEndpoint);
        let report = RunReport::of(&own, 0.1).unwrap();
        assert!(report.tasks[0].detail.contains("secret"));
        let posted = for_parent(&report, &own).unwrap();
        assert_eq!(posted.tasks[0].detail, "HTTP 200, 61 bytes");
        assert_eq!((posted.tasks[0].http_status, posted.tasks[0].bytes), (Some(200), Some(61)));
        assert!(!posted.to_json().contains("secret"));
        let elsewhere = finish(Reach::Elsewhere);
        assert_eq!(for_parent(&RunReport::of(&elsewhere, 0.1).unwrap(), &elsewhere), None);
    }
}

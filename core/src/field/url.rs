//! A fetch task's URL: `http:`/`https:` or a relative path, and nothing that reads as one folder
//! while a server may take it for another.

use super::{shown, Field, FieldError};
use crate::task::MAX_URL_CHARS;

/// Checks a fetch URL: `http:`/`https:` or a relative path, up to [`MAX_URL_CHARS`] characters.
pub fn validate_url(input: &str) -> Result<String, FieldError> {
    let url = input.trim();
    let limit = format!("an http: or https: URL or a relative path, up to {MAX_URL_CHARS} characters");
    let err = |what: String| Err(FieldError::new(Field::Url, format!("URL must be {limit}; got {what}.")));
    let count = url.chars().count();
    if count == 0 {
        return err("an empty field".to_owned());
    }
    if count > MAX_URL_CHARS {
        return err(format!("{count} characters"));
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return err(format!("{} (it contains spaces or control characters)", shown(&url.escape_debug().to_string())));
    }
    // "//host/x" (and "/\\host/x", which browsers read the same) names another host, not a path.
    let mut start = url.chars();
    if let (Some('/' | '\\'), Some('/' | '\\')) = (start.next(), start.next()) {
        return err(format!("{} (a URL of another host without its scheme, not a relative path: write it with https:)", shown(url)));
    }
    if let Some(decoded) = hidden_step(url) {
        return err(format!("{} (a part of its path decodes to {}, which could leave the folder it names)", shown(url), shown(&decoded)));
    }
    match scheme_of(url) {
        None => Ok(url.to_owned()),
        Some(scheme) if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") => {
            let rest = &url[scheme.len() + 1..];
            let host = rest.strip_prefix("//").map(|r| r.split(['/', '?', '#']).next().unwrap_or(""));
            match host {
                Some(h) if !h.is_empty() && !h.starts_with(':') => Ok(url.to_owned()),
                _ => err(format!("{} (no host after \"{scheme}://\")", shown(url))),
            }
        }
        Some(scheme) => err(format!("{} (scheme \"{scheme}:\")", shown(url))),
    }
}

/// A path segment that percent-decoding (up to three rounds, as servers and proxies may each
/// decode once) turns into `.` or `..`, or into text holding `/` or `\\`: the browser keeps it as
/// written, so the URL looks like one folder's while a server may read it as another's. The
/// segment, decoded, if there is one. (Plain `.` and `..` are resolved by the browser first.)
fn hidden_step(url: &str) -> Option<String> {
    let path = url.split(['?', '#']).next().unwrap_or("");
    path.split(['/', '\\']).filter(|segment| segment.contains('%')).find_map(|segment| {
        let mut decoded = segment.to_owned();
        for _ in 0..3 {
            match crate::percent::percent_decode(&decoded) {
                Ok(next) if next != decoded => decoded = next,
                _ => break,
            }
        }
        (matches!(decoded.as_str(), "." | "..") || decoded.contains(['/', '\\'])).then_some(decoded)
    })
}

/// The scheme of an absolute URL, or `None` for a relative reference (RFC 3986, section 4.2).
fn scheme_of(url: &str) -> Option<&str> {
    let end = url.find([':', '/', '?', '#'])?;
    if url.as_bytes()[end] != b':' {
        return None;
    }
    // Even a malformed scheme ("1a:b") is not a path a browser would resolve as relative.
    Some(&url[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_accepts_http_https_and_relative() {
        for ok in ["https://example.com/a", "HTTP://example.com", "data/sample.json", "/api/x?y=1", "./a", "a/b:c"] {
            assert_eq!(validate_url(ok).as_deref(), Ok(ok), "{ok}");
        }
    }

    #[test]
    fn url_rejections_name_field_limit_and_value() {
        let prefix = "URL must be an http: or https: URL or a relative path, up to 2000 characters; got ";
        for (input, tail) in [
            ("", "an empty field."),
            ("   ", "an empty field."),
            ("javascript:alert(1)", "\"javascript:alert(1)\" (scheme \"javascript:\")."),
            ("data:text/plain,hi", "\"data:text/plain,hi\" (scheme \"data:\")."),
            ("file:///etc/passwd", "\"file:///etc/passwd\" (scheme \"file:\")."),
            ("ftp://example.com/", "\"ftp://example.com/\" (scheme \"ftp:\")."),
            ("https://", "\"https://\" (no host after \"https://\")."),
            ("http:example.com", "\"http:example.com\" (no host after \"http://\")."),
            ("https://a b", "\"https://a b\" (it contains spaces or control characters)."),
            ("//host/x", "\"//host/x\" (a URL of another host without its scheme, not a relative path: write it with https:)."),
            ("/\\host/x", "\"/\\host/x\" (a URL of another host without its scheme, not a relative path: write it with https:)."),
            ("\\\\host\\x", "\"\\\\host\\x\" (a URL of another host without its scheme, not a relative path: write it with https:)."),
        ] {
            let msg = validate_url(input).unwrap_err().message;
            assert_eq!(msg, format!("{prefix}{tail}"), "{input:?}");
        }
        let long = format!("https://example.com/{}", "a".repeat(10_000));
        assert_eq!(validate_url(&long).unwrap_err().message, format!("{prefix}10020 characters."));
    }

    #[test]
    fn encoded_steps_out_of_a_folder_are_refused() {
        let message = |url: &str| validate_url(url).unwrap_err().message;
        for (url, decoded) in [
            ("api/..%2fprivate%2fme.json", "\"../private/me.json\""),
            ("api/..%252fprivate%252fme.json", "\"../private/me.json\""),
            ("api/%25252e%25252e/private", "\"..\""),
            ("api/%2e%2e/private", "\"..\""),
            ("api/%2E/x", "\".\""),
            ("api/a%5cb", "\"a\\b\""),
            ("https://x.dev/api/..%2Fsecret?q=%2f", "\"../secret\""),
        ] {
            assert!(
                message(url).ends_with(&format!("(a part of its path decodes to {decoded}, which could leave the folder it names).")),
                "{url}: {}",
                message(url)
            );
        }
        // Encoded text that stays inside its segment, and plain dots the browser resolves itself.
        for ok in ["api/delay/200/a%20b", "api/x?next=..%2f", "./api/x", "../lab/api/x", "api/%2541"] {
            assert_eq!(validate_url(ok).as_deref(), Ok(ok), "{ok}");
        }
    }
}

//! The public URL parameters as a closed set: the one table the app's decoder, its encoder and
//! `embed.js`'s attribute table are made from.

/// A public URL parameter (README, "URL parameters"). Every variant is decoded by
/// `query::decode` and written by `query::encode`, both matching on it exhaustively, so a new
/// parameter cannot be read without being written back into share links.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Param {
    /// `v`: the contract's version.
    V,
    /// `lesson`: a lesson id.
    Lesson,
    /// `tasks`: the task list, `label~kind~ms~fails~url` joined by `;`.
    Tasks,
    /// `embed`: the compact layout for iframes.
    Embed,
    /// `autorun`: Run both once the page is seen.
    Autorun,
    /// `heading`: `0` hides the lesson's heading.
    Heading,
    /// `predict`: `0` turns off Predict, then run.
    Predict,
    /// `theme`: light, dark or auto.
    Theme,
    /// `loop`: cpu-bound's block or yield.
    Loop,
    /// `timeout`: each task's timeout in ms.
    Timeout,
    /// `deadline`: the timeout lesson's deadline in ms.
    Deadline,
    /// `on_error`: the errors lesson's fail-fast or settle.
    OnError,
    /// `limit`: the limit lesson's most requests in flight.
    Limit,
    /// `fail_first`: the retry lesson's failed attempts before success.
    FailFirst,
    /// `font`: a CSS font family list for the app's text (fonts installed on the reader's system).
    Font,
    /// `accent`: the accent colour, `#rgb` or `#rrggbb`.
    Accent,
}

impl Param {
    /// Every parameter, in the order `query::encode` writes them (a share link's order).
    pub const ALL: [Param; 16] = [
        Param::V,
        Param::Lesson,
        Param::Tasks,
        Param::Embed,
        Param::Autorun,
        Param::Heading,
        Param::Predict,
        Param::Theme,
        Param::Loop,
        Param::Timeout,
        Param::Deadline,
        Param::OnError,
        Param::Limit,
        Param::FailFirst,
        Param::Font,
        Param::Accent,
    ];

    /// The parameter's name in a query string (and, for `embed.js`, its element's attribute).
    pub const fn as_str(self) -> &'static str {
        match self {
            Param::V => "v",
            Param::Lesson => "lesson",
            Param::Tasks => "tasks",
            Param::Embed => "embed",
            Param::Autorun => "autorun",
            Param::Heading => "heading",
            Param::Predict => "predict",
            Param::Theme => "theme",
            Param::Loop => "loop",
            Param::Timeout => "timeout",
            Param::Deadline => "deadline",
            Param::OnError => "on_error",
            Param::Limit => "limit",
            Param::FailFirst => "fail_first",
            Param::Font => "font",
            Param::Accent => "accent",
        }
    }

    /// The parameter a query's (percent-decoded) key names; `None` for anyone else's.
    pub fn parse(key: &str) -> Option<Param> {
        Param::ALL.into_iter().find(|p| p.as_str() == key)
    }

    /// Whether the value is a `0`/`1` switch (`embed`, `autorun`, `heading`, `predict`), which an
    /// element may give as a boolean attribute; every other parameter's value is text of its own.
    pub const fn is_flag(self) -> bool {
        match self {
            Param::Embed | Param::Autorun | Param::Heading | Param::Predict => true,
            Param::V
            | Param::Lesson
            | Param::Tasks
            | Param::Theme
            | Param::Loop
            | Param::Timeout
            | Param::Deadline
            | Param::OnError
            | Param::Limit
            | Param::FailFirst
            | Param::Font
            | Param::Accent => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_parameter_reads_back_from_its_name_and_the_names_are_distinct() {
        for (i, p) in Param::ALL.into_iter().enumerate() {
            assert_eq!(Param::parse(p.as_str()), Some(p));
            assert_eq!(Param::ALL.iter().position(|q| *q == p), Some(i), "{p:?} twice in ALL");
        }
        assert_eq!(Param::parse("Embed"), None);
        assert_eq!(Param::parse("utm_source"), None);
        let flags: Vec<&str> = Param::ALL.into_iter().filter(|p| p.is_flag()).map(Param::as_str).collect();
        assert_eq!(flags, ["embed", "autorun", "heading", "predict"]);
    }
}

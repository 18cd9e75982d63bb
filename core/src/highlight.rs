//! A small syntax highlighter for the code panel: keywords, strings, comments and numbers.
//!
//! A few hundred bytes of rules instead of a highlighting crate: the panel shows short,
//! known listings, and a full grammar would cost more bundle size than the whole lesson.

/// The languages of the code panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Language {
    Rust,
    Python,
    JavaScript,
}

/// What a piece of code is, as far as colouring goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Token {
    Plain,
    Keyword,
    Str,
    Comment,
    Number,
}

impl Token {
    pub fn class(self) -> &'static str {
        match self {
            Token::Plain => "",
            Token::Keyword => "kw",
            Token::Str => "str",
            Token::Comment => "com",
            Token::Number => "num",
        }
    }
}

const RUST: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "else", "enum", "false", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod",
    "move", "mut", "pub", "ref", "return", "Self", "self", "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where", "while",
];
const PYTHON: &[&str] = &[
    "and", "as", "async", "await", "class", "def", "elif", "else", "False", "finally", "for", "from", "if", "import", "in", "is", "None", "not", "or", "pass",
    "return", "True", "try", "while", "with", "yield",
];
const JAVASCRIPT: &[&str] = &[
    "async",
    "await",
    "break",
    "class",
    "const",
    "constructor",
    "else",
    "false",
    "finally",
    "for",
    "function",
    "if",
    "let",
    "new",
    "null",
    "of",
    "return",
    "this",
    "true",
    "try",
    "undefined",
    "while",
];

/// Splits `code` into runs of one token kind; concatenated, the runs give back `code` exactly.
pub fn highlight(code: &str, language: Language) -> Vec<(Token, &str)> {
    fn emit<'a>(code: &'a str, out: &mut Vec<(Token, &'a str)>, plain_start: &mut usize, start: usize, end: usize, token: Token) {
        if *plain_start < start {
            out.push((Token::Plain, &code[*plain_start..start]));
        }
        out.push((token, &code[start..end]));
        *plain_start = end;
    }
    let (keywords, line_comment, quotes): (&[&str], &str, &[char]) = match language {
        Language::Rust => (RUST, "//", &['"']),
        Language::Python => (PYTHON, "#", &['"', '\'']),
        Language::JavaScript => (JAVASCRIPT, "//", &['"', '\'', '`']),
    };
    let mut out: Vec<(Token, &str)> = Vec::new();
    let bytes = code.as_bytes();
    let mut i = 0;
    let mut plain_start = 0;
    while i < bytes.len() {
        let rest = &code[i..];
        let c = rest.chars().next().unwrap_or(' ');
        if rest.starts_with(line_comment) {
            let end = rest.find('\n').map_or(code.len(), |n| i + n);
            emit(code, &mut out, &mut plain_start, i, end, Token::Comment);
            i = end;
        } else if quotes.contains(&c) {
            let mut j = i + 1;
            while j < bytes.len() && bytes[j] as char != c && bytes[j] != b'\n' {
                j += if bytes[j] == b'\\' { 2 } else { 1 };
            }
            let end = (j + 1).min(bytes.len());
            emit(code, &mut out, &mut plain_start, i, end, Token::Str);
            i = end;
        } else if c.is_ascii_digit() && !prev_is_word(code, i) {
            let len = rest.find(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '_' || ch == '.')).unwrap_or(rest.len());
            emit(code, &mut out, &mut plain_start, i, i + len, Token::Number);
            i += len;
        } else if c.is_alphabetic() || c == '_' {
            let len = rest.find(|ch: char| !(ch.is_alphanumeric() || ch == '_')).unwrap_or(rest.len());
            if keywords.contains(&&rest[..len]) && !prev_is_word(code, i) {
                emit(code, &mut out, &mut plain_start, i, i + len, Token::Keyword);
            }
            i += len;
        } else {
            i += c.len_utf8();
        }
    }
    if plain_start < code.len() {
        out.push((Token::Plain, &code[plain_start..]));
    }
    out
}

fn prev_is_word(code: &str, i: usize) -> bool {
    code[..i].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn kinds(code: &str, language: Language) -> Vec<(Token, &str)> {
        highlight(code, language).into_iter().filter(|(t, _)| *t != Token::Plain).collect()
    }

    #[test]
    fn rust_tokens() {
        assert_eq!(
            kinds("pub async fn f() { let x = \"a\\\"b\"; 42 } // done", Language::Rust),
            [
                (Token::Keyword, "pub"),
                (Token::Keyword, "async"),
                (Token::Keyword, "fn"),
                (Token::Keyword, "let"),
                (Token::Str, "\"a\\\"b\""),
                (Token::Number, "42"),
                (Token::Comment, "// done")
            ]
        );
    }

    #[test]
    fn python_comments_and_quotes() {
        assert_eq!(
            kinds("await asyncio.sleep(1)  # Non-blocking", Language::Python),
            [(Token::Keyword, "await"), (Token::Number, "1"), (Token::Comment, "# Non-blocking")]
        );
        assert_eq!(kinds("print('x')", Language::Python), [(Token::Str, "'x'")]);
        // Identifiers containing keywords or digits are not split.
        assert_eq!(kinds("format_in data1", Language::Python), []);
    }

    proptest! {
        #[test]
        fn runs_give_back_the_code(code in "\\PC{0,200}") {
            for language in [Language::Rust, Language::Python, Language::JavaScript] {
                let joined: String = highlight(&code, language).into_iter().map(|(_, s)| s).collect();
                prop_assert_eq!(&joined, &code);
            }
        }
    }
}

//! The editor's fields: parsing and checking what a person typed, with messages that name the
//! field, the limit and the value received.

use crate::task::{MAX_DELAY_MS, MAX_LABEL_CHARS, MAX_SCALE_TASKS, MAX_TASKS, MAX_TIMEOUT_MS, MIN_TASKS};
use std::fmt;

mod url;
pub use url::validate_url;

/// The editor field a message is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Label,
    Kind,
    Delay,
    Url,
    TaskCount,
    Timeout,
    Deadline,
    Limit,
    FailFirst,
    Prediction,
}

impl Field {
    pub fn name(self) -> &'static str {
        match self {
            Field::Label => "Label",
            Field::Kind => "Kind",
            Field::Delay => "Delay",
            Field::Url => "URL",
            Field::TaskCount => "Tasks",
            Field::Timeout => "Timeout",
            Field::Deadline => "Deadline",
            Field::Limit => "Limit",
            Field::FailFirst => "Fail first",
            Field::Prediction => "Predicted total",
        }
    }
}

/// A rejected value: which field, and a message naming the field, the limit and the value received.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub message: String,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl FieldError {
    fn new(field: Field, message: String) -> FieldError {
        FieldError { field, message }
    }
}

/// Shows a received value in a message: quoted, with long values cut so the message stays readable.
pub fn shown(value: &str) -> String {
    echo(value, "\"")
}

/// `value` between `quote`s, cut after 40 characters with its length said, so a message stays
/// readable whatever it received.
fn echo(value: &str, quote: &str) -> String {
    const KEEP: usize = 40;
    match value.char_indices().nth(KEEP) {
        None => format!("{quote}{value}{quote}"),
        Some((at, _)) => format!("{quote}{}…{quote} ({} characters)", &value[..at], value.chars().count()),
    }
}

/// Parses the delay field: a whole number of ms from 0 to [`MAX_DELAY_MS`].
pub fn parse_delay(input: &str) -> Result<u32, FieldError> {
    parse_ms(input, Field::Delay, 0, MAX_DELAY_MS)
}

/// Parses the timeout field: a whole number of ms from 1 to [`MAX_TIMEOUT_MS`].
pub fn parse_timeout(input: &str) -> Result<u32, FieldError> {
    parse_ms(input, Field::Timeout, 1, MAX_TIMEOUT_MS)
}

/// Parses timeout's deadline field: a whole number of ms from 1 to [`MAX_DELAY_MS`].
pub fn parse_deadline(input: &str) -> Result<u32, FieldError> {
    parse_ms(input, Field::Deadline, 1, MAX_DELAY_MS)
}

/// Parses the predicted total: a whole number of ms from 0 to 600,000 (ten minutes).
pub fn parse_prediction(input: &str) -> Result<u32, FieldError> {
    parse_ms(input, Field::Prediction, 0, 600_000)
}

/// Parses limit's field: how many requests may be in flight at once, a whole number from 1 to 10.
pub fn parse_limit(input: &str) -> Result<usize, FieldError> {
    parse_count(input, Field::Limit, 1, 10).map(usize::from)
}

/// Parses retry's field: how many attempts at each request the flaky endpoint fails, 0 to 5.
pub fn parse_fail_first(input: &str) -> Result<u32, FieldError> {
    parse_count(input, Field::FailFirst, 0, 5).map(u32::from)
}

/// A small whole number from `min` to `max`, or a message naming the field, the range and the value.
fn parse_count(input: &str, field: Field, min: u8, max: u8) -> Result<u8, FieldError> {
    let text = input.trim();
    let err = |what: String| Err(FieldError::new(field, format!("{} must be a whole number from {min} to {max}; got {what}.", field.name())));
    match text.parse::<u8>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        _ if text.is_empty() => err("an empty field".to_owned()),
        _ if text.bytes().all(|b| b.is_ascii_digit() || b == b'-') && text.len() <= 20 => err(text.to_owned()),
        _ => err(shown(text)),
    }
}

fn parse_ms(input: &str, field: Field, min: u32, max: u32) -> Result<u32, FieldError> {
    let limit = format!("a whole number of ms from {min} to {max}");
    let err = |what: String| Err(FieldError::new(field, format!("{} must be {limit}; got {what}.", field.name())));
    let text = input.trim();
    if text.is_empty() {
        return err("an empty field".to_owned());
    }
    if let Ok(n) = text.parse::<i128>() {
        return if n < i128::from(min) || n > i128::from(max) { err(cut(text)) } else { Ok(n as u32) };
    }
    // Only plain decimal text counts as a number: [+|-] digits [. digits] [e|E [+|-] digits], with a
    // digit before or after the point; "inf", "NaN", "0x10", "1_000" and non-ASCII digits are text.
    // Checked by hand so the app carries no float parser.
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(at) => (&unsigned[..at], Some(&unsigned[at + 1..])),
        None => (unsigned, None),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let exp_text = exponent.map(|e| (e.strip_prefix('-').is_some(), e.strip_prefix(['+', '-']).unwrap_or(e)));
    let exp_ok = exp_text.is_none_or(|(_, digits)| !digits.is_empty() && all_digits(digits));
    if int.len() + frac.len() == 0 || !all_digits(int) || !all_digits(frac) || !exp_ok {
        return err(format!("{} (not a number)", shown(text)));
    }
    // A syntactically whole number that is not a plain in-range integer ("2.0", "1e3", "1.5e1",
    // "5.") is reported as out of range, as before. "Whole" is decided on the exact decimal value:
    // it is whole when its last nonzero digit, once the exponent moves the point, sits before the
    // point. (The old f64 test differed only where f64 itself rounds: "1e400" overflowed to ∞ and
    // read as "not a number", "1e-400" or "1.00000000000000000001" rounded to a whole number.)
    let exp = exp_text.map_or(0i64, |(negative, digits)| {
        let magnitude = digits.bytes().fold(0i64, |acc, b| acc.saturating_mul(10).saturating_add(i64::from(b - b'0')));
        if negative {
            -magnitude
        } else {
            magnitude
        }
    });
    let last_nonzero = frac.bytes().rposition(|b| b != b'0').map(|i| int.len() + i).or_else(|| int.bytes().rposition(|b| b != b'0'));
    let point = (int.len() as i64).saturating_add(exp);
    match last_nonzero {
        Some(digit) if digit as i64 >= point => err(format!("{} (not a whole number)", cut(text))),
        // Whole, written another way ("6e4", "2.0"): in range, the field says how to write it.
        _ => match whole_value(int, frac, point) {
            Some(n) if !text.starts_with('-') && (u64::from(min)..=u64::from(max)).contains(&n) => err(format!("{text} (whole milliseconds, e.g. {n})")),
            _ => err(cut(text)),
        },
    }
}

/// The value of a whole decimal `int`.`frac` × 10^(`point` − len(`int`)), if it fits a `u64`.
fn whole_value(int: &str, frac: &str, point: i64) -> Option<u64> {
    let digits = int.bytes().chain(frac.bytes());
    let mut value: u64 = 0;
    for (i, b) in digits.chain(std::iter::repeat(b'0')).enumerate() {
        if i as i64 >= point {
            break;
        }
        value = value.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
    }
    Some(value)
}

/// A number-like value echoed in a message, unquoted: whole up to 40 characters, else cut.
fn cut(text: &str) -> String {
    echo(text, "")
}

/// Checks a label: 1 to [`MAX_LABEL_CHARS`] characters, no control characters.
pub fn validate_label(input: &str) -> Result<String, FieldError> {
    let label = input.trim();
    let count = label.chars().count();
    let limit = format!("1 to {MAX_LABEL_CHARS} characters");
    if count == 0 {
        return Err(FieldError::new(Field::Label, format!("Label must be {limit}; got an empty label.")));
    }
    if count > MAX_LABEL_CHARS {
        return Err(FieldError::new(Field::Label, format!("Label must be {limit}; got {count} characters.")));
    }
    if label.chars().any(char::is_control) {
        return Err(FieldError::new(
            Field::Label,
            format!("Label must be {limit} with no control characters; got {}.", shown(&label.escape_debug().to_string())),
        ));
    }
    if let Some(c) = label.chars().find(|&c| BIDI_CONTROLS.contains(&c)) {
        return Err(FieldError::new(
            Field::Label,
            format!("Label must not hold a text direction control (U+{:04X}): it would show the text in another order than it is written.", u32::from(c)),
        ));
    }
    if label.chars().all(|c| c.is_whitespace() || INVISIBLE.contains(&c) || matches!(c, '\u{200E}' | '\u{200F}')) {
        return Err(FieldError::new(Field::Label, format!("Label must show at least one visible character; got {count} invisible ones.")));
    }
    Ok(label.to_owned())
}

/// The embedding, override and isolate controls, which make a label show in another order than
/// it is written ("\u{202E}gnp.exe" shows as "exe.png"). The marks U+200E and U+200F stay allowed:
/// a right-to-left label beside visible text needs them.
const BIDI_CONTROLS: [char; 9] = ['\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}'];
/// Characters that show nothing: a label of only these (and spaces) would be an invisible lane.
const INVISIBLE: [char; 9] = ['\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{2061}', '\u{2062}', '\u{2063}', '\u{2064}', '\u{FEFF}'];

/// Checks how many tasks a lesson would run.
pub fn validate_task_count(count: usize) -> Result<(), FieldError> {
    if (MIN_TASKS..=MAX_TASKS).contains(&count) {
        Ok(())
    } else {
        Err(FieldError::new(Field::TaskCount, format!("Tasks: a lesson runs {MIN_TASKS} to {MAX_TASKS} tasks; got {count}.")))
    }
}

/// Parses the scale control's task count: a whole number from 1 to [`MAX_SCALE_TASKS`].
pub fn parse_scale_count(input: &str) -> Result<u32, FieldError> {
    let text = input.trim();
    let limit = format!("a whole number from 1 to {MAX_SCALE_TASKS}");
    match text.parse::<i128>() {
        Ok(n) if (1..=i128::from(MAX_SCALE_TASKS)).contains(&n) => Ok(n as u32),
        Ok(_) => Err(FieldError::new(Field::TaskCount, format!("Tasks must be {limit}; got {text}."))),
        Err(_) if text.is_empty() => Err(FieldError::new(Field::TaskCount, format!("Tasks must be {limit}; got an empty field."))),
        Err(_) => Err(FieldError::new(Field::TaskCount, format!("Tasks must be {limit}; got {} (not a whole number).", shown(text)))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn delay_err(s: &str) -> String {
        parse_delay(s).unwrap_err().message
    }

    #[test]
    fn delay_accepts_whole_numbers_in_range() {
        assert_eq!(parse_delay("0"), Ok(0));
        assert_eq!(parse_delay(" 2000 "), Ok(2000));
        assert_eq!(parse_delay("60000"), Ok(60_000));
    }

    #[test]
    fn delay_messages_name_field_limit_and_value() {
        for (input, value) in [
            ("-5", "got -5."),
            ("60001", "got 60001."),
            ("1e12", "got 1e12."),
            ("2147483648", "got 2147483648."),
            ("2.5", "got 2.5 (not a whole number)."),
            ("abc", "got \"abc\" (not a number)."),
            ("NaN", "got \"NaN\" (not a number)."),
            ("", "got an empty field."),
            ("   ", "got an empty field."),
        ] {
            let msg = delay_err(input);
            assert!(msg.starts_with("Delay must be a whole number of ms from 0 to 60000; "), "{msg}");
            assert!(msg.ends_with(value), "{input:?}: {msg}");
        }
    }

    /// The hand-written decimal check in `parse_ms`, against what the float parser it replaced said.
    mod decimal_syntax {
        use super::*;
        use proptest::prelude::*;

        /// The replaced classification, kept here as a test oracle only (the crate itself parses no floats).
        fn old_delay_message(input: &str) -> Result<u32, String> {
            let (min, max) = (0u32, MAX_DELAY_MS);
            let err = |what: String| Err(format!("Delay must be a whole number of ms from {min} to {max}; got {what}."));
            let text = input.trim();
            if text.is_empty() {
                return err("an empty field".to_owned());
            }
            if let Ok(n) = text.parse::<i128>() {
                return if n < i128::from(min) || n > i128::from(max) { err(text.to_owned()) } else { Ok(n as u32) };
            }
            let numeric = text.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'));
            let parsed: Result<f64, _> = text.parse();
            match parsed {
                Ok(v) if numeric && v.is_finite() && v.fract() != 0.0 => err(format!("{text} (not a whole number)")),
                Ok(v) if numeric && v.is_finite() && !text.starts_with('-') && (f64::from(min)..=f64::from(max)).contains(&v) => {
                    err(format!("{text} (whole milliseconds, e.g. {})", v as u64))
                }
                Ok(v) if numeric && v.is_finite() => err(cut(text)),
                _ => err(format!("{} (not a number)", shown(text))),
            }
        }

        fn delay(input: &str) -> Result<u32, String> {
            parse_delay(input).map_err(|e| e.message)
        }

        /// Byte-identical to the float-parsing version (checked against it before the change).
        #[test]
        fn tricky_inputs_read_as_before() {
            let prefix = "Delay must be a whole number of ms from 0 to 60000; got ";
            for (input, tail) in [
                ("2.0", "2.0 (whole milliseconds, e.g. 2)."),
                ("1e3", "1e3 (whole milliseconds, e.g. 1000)."),
                ("1.5e1", "1.5e1 (whole milliseconds, e.g. 15)."),
                ("0.5e1", "0.5e1 (whole milliseconds, e.g. 5)."),
                ("-.5e1", "-.5e1."),
                ("120e-1", "120e-1 (whole milliseconds, e.g. 12)."),
                ("1e+3", "1e+3 (whole milliseconds, e.g. 1000)."),
                ("1E3", "1E3 (whole milliseconds, e.g. 1000)."),
                ("0e0", "0e0 (whole milliseconds, e.g. 0)."),
                ("00.0", "00.0 (whole milliseconds, e.g. 0)."),
                ("-0.0", "-0.0."),
                ("0.0e5", "0.0e5 (whole milliseconds, e.g. 0)."),
                ("5.", "5. (whole milliseconds, e.g. 5)."),
                ("-5.", "-5.."),
                ("99999999999999999999999999999999999999999", "9999999999999999999999999999999999999999… (41 characters)."),
                (".5", ".5 (not a whole number)."),
                ("+.5", "+.5 (not a whole number)."),
                ("5e-1", "5e-1 (not a whole number)."),
                ("125e-1", "125e-1 (not a whole number)."),
                ("1e-3", "1e-3 (not a whole number)."),
                ("-1e-5", "-1e-5 (not a whole number)."),
                (" 2.5 ", "2.5 (not a whole number)."),
                ("1e", "\"1e\" (not a number)."),
                ("e5", "\"e5\" (not a number)."),
                ("E5", "\"E5\" (not a number)."),
                ("e", "\"e\" (not a number)."),
                ("1e+", "\"1e+\" (not a number)."),
                ("1e-", "\"1e-\" (not a number)."),
                ("1e1.5", "\"1e1.5\" (not a number)."),
                ("--1", "\"--1\" (not a number)."),
                ("+-1", "\"+-1\" (not a number)."),
                ("1.2.3", "\"1.2.3\" (not a number)."),
                ("١٢", "\"١٢\" (not a number)."),
                ("-", "\"-\" (not a number)."),
                ("+", "\"+\" (not a number)."),
                (".", "\".\" (not a number)."),
                ("infinity", "\"infinity\" (not a number)."),
                ("inf", "\"inf\" (not a number)."),
                ("0x10", "\"0x10\" (not a number)."),
                ("1_000", "\"1_000\" (not a number)."),
                ("1,5", "\"1,5\" (not a number)."),
                ("1 000", "\"1 000\" (not a number)."),
                ("12a", "\"12a\" (not a number)."),
            ] {
                assert_eq!(delay(input), Err(format!("{prefix}{tail}")), "{input:?}");
                assert_eq!(delay(input), old_delay_message(input), "{input:?}");
            }
            assert_eq!(delay("-0"), Ok(0));
            assert_eq!(delay("+5"), Ok(5));
            assert_eq!(parse_timeout("-0").unwrap_err().message, "Timeout must be a whole number of ms from 1 to 120000; got -0.");
        }

        /// Where f64 itself rounded, the exact decimal value now decides (the old answers in comments).
        #[test]
        fn exact_value_where_floats_rounded() {
            let prefix = "Delay must be a whole number of ms from 0 to 60000; got ";
            for (input, tail) in [
                // Was "\"1e400\" (not a number).": it overflowed to ∞.
                ("1e400", "1e400."),
                ("1e99999999999999999999999", "1e99999999999999999999999."),
                // Were reported as whole: f64 rounded them to 0, 1 and 2^52.
                ("1e-400", "1e-400 (not a whole number)."),
                ("1e-99999999999999999999999", "1e-99999999999999999999999 (not a whole number)."),
                ("1.0000000000000000001", "1.0000000000000000001 (not a whole number)."),
                ("4503599627370495.9", "4503599627370495.9 (not a whole number)."),
                // Still whole.
                ("0e-99999999999999999999999", "0e-99999999999999999999999 (whole milliseconds, e.g. 0)."),
                ("10000000000000000000000000e-25", "10000000000000000000000000e-25 (whole milliseconds, e.g. 1)."),
            ] {
                assert_eq!(delay(input), Err(format!("{prefix}{tail}")), "{input:?}");
            }
        }

        /// Whether f64 can be trusted with `text`: an exponent of at most 2 digits, so it neither
        /// overflows nor underflows (the strategies below keep to 10 digits, which it holds well enough).
        fn comparable(text: &str) -> bool {
            let exponent_digits = text.trim().split(['e', 'E']).skip(1).map(|e| e.bytes().filter(u8::is_ascii_digit).count()).max();
            exponent_digits.is_none_or(|n| n <= 2)
        }

        proptest! {
            #[test]
            fn same_messages_as_the_float_parser(text in "[-+0-9.eE ]{0,10}") {
                if comparable(&text) {
                    prop_assert_eq!(delay(&text), old_delay_message(&text));
                }
            }

            #[test]
            fn same_messages_for_decimal_shapes(text in "[-+]?[0-9]{0,5}(\\.[0-9]{0,5})?([eE][-+]?[0-9]{1,2})?") {
                prop_assert_eq!(delay(&text), old_delay_message(&text));
            }
        }
    }

    #[test]
    fn limit_limits() {
        assert_eq!(parse_limit("3"), Ok(3));
        assert_eq!(parse_limit(" 10 "), Ok(10));
        assert_eq!(parse_limit("0").unwrap_err().message, "Limit must be a whole number from 1 to 10; got 0.");
        assert_eq!(parse_limit("11").unwrap_err().message, "Limit must be a whole number from 1 to 10; got 11.");
        assert_eq!(parse_limit("many").unwrap_err().message, "Limit must be a whole number from 1 to 10; got \"many\".");
        assert_eq!(parse_limit("").unwrap_err().message, "Limit must be a whole number from 1 to 10; got an empty field.");
    }

    #[test]
    fn deadline_limits() {
        assert_eq!(parse_deadline("1000"), Ok(1000));
        assert_eq!(parse_deadline("0").unwrap_err().message, "Deadline must be a whole number of ms from 1 to 60000; got 0.");
        assert_eq!(parse_deadline("1s").unwrap_err().field, Field::Deadline);
    }

    #[test]
    fn timeout_limits() {
        assert_eq!(parse_timeout("10000"), Ok(10_000));
        assert_eq!(parse_timeout("0").unwrap_err().message, "Timeout must be a whole number of ms from 1 to 120000; got 0.");
        assert_eq!(parse_timeout("120001").unwrap_err().message, "Timeout must be a whole number of ms from 1 to 120000; got 120001.");
        assert_eq!(parse_timeout("soon").unwrap_err().message, "Timeout must be a whole number of ms from 1 to 120000; got \"soon\" (not a number).");
    }

    #[test]
    fn scale_count_limits() {
        assert_eq!(parse_scale_count("100000"), Ok(100_000));
        assert_eq!(parse_scale_count("0").unwrap_err().message, "Tasks must be a whole number from 1 to 100000; got 0.");
        assert_eq!(parse_scale_count("100001").unwrap_err().message, "Tasks must be a whole number from 1 to 100000; got 100001.");
        assert_eq!(parse_scale_count("1e5").unwrap_err().message, "Tasks must be a whole number from 1 to 100000; got \"1e5\" (not a whole number).");
        assert_eq!(parse_scale_count("").unwrap_err().message, "Tasks must be a whole number from 1 to 100000; got an empty field.");
    }

    #[test]
    fn label_limits() {
        assert_eq!(validate_label(" Data 1 ").unwrap(), "Data 1");
        let long = "x".repeat(61);
        assert_eq!(validate_label(&long).unwrap_err().message, "Label must be 1 to 60 characters; got 61 characters.");
        assert_eq!(validate_label(&"é".repeat(60)).unwrap().chars().count(), 60);
        assert_eq!(validate_label("").unwrap_err().message, "Label must be 1 to 60 characters; got an empty label.");
        assert!(validate_label("a\u{7}b").unwrap_err().message.contains("no control characters"));
        // Markup is just text to the core; the UI never inserts it as HTML.
        assert_eq!(validate_label("<script>x</script>").unwrap(), "<script>x</script>");
    }

    #[test]
    fn labels_that_would_lie_are_refused() {
        for c in ['\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}'] {
            let message = validate_label(&format!("{c}gnp.exe")).unwrap_err().message;
            assert_eq!(
                message,
                format!("Label must not hold a text direction control (U+{:04X}): it would show the text in another order than it is written.", u32::from(c))
            );
        }
        for invisible in ["\u{200B}", "\u{200B}\u{200C}\u{200D}", "\u{2060} \u{FEFF}", "\u{200E}\u{200F}", "\u{2064}"] {
            let message = validate_label(invisible).unwrap_err().message;
            assert!(message.starts_with("Label must show at least one visible character; got "), "{invisible:?}: {message}");
        }
        // The marks beside visible text stay: a right-to-left label needs them.
        assert_eq!(validate_label("\u{200F}שלום").unwrap(), "\u{200F}שלום");
        assert_eq!(validate_label("a\u{200B}b").unwrap(), "a\u{200B}b");
    }

    #[test]
    fn long_numbers_are_echoed_cut() {
        let digits = "9".repeat(5000);
        assert_eq!(delay_err(&digits), format!("Delay must be a whole number of ms from 0 to 60000; got {}… (5000 characters).", "9".repeat(40)));
        assert_eq!(
            parse_timeout("6e4").unwrap_err().message,
            "Timeout must be a whole number of ms from 1 to 120000; got 6e4 (whole milliseconds, e.g. 60000)."
        );
        assert_eq!(delay_err("6e5"), "Delay must be a whole number of ms from 0 to 60000; got 6e5.");
    }

    #[test]
    fn task_count_limits() {
        assert!(validate_task_count(1).is_ok());
        assert!(validate_task_count(20).is_ok());
        assert_eq!(validate_task_count(0).unwrap_err().message, "Tasks: a lesson runs 1 to 20 tasks; got 0.");
        assert_eq!(validate_task_count(21).unwrap_err().message, "Tasks: a lesson runs 1 to 20 tasks; got 21.");
    }
}

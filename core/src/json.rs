//! JSON text written by hand for what the app hands out: the report, the parent's messages, the trace export.
//!
//! Written rather than derived: serde_json's serializer and its float printing cost the wasm
//! 3.2 KiB more than this (BENCHMARKS.md Size). The shapes stay those README's contract gives; the
//! tests read this text back with serde_json.
//!
//! **Numbers** carry at most six decimals, trailing zeros dropped (`2100`, `0.005`, `1.875`):
//! every time in a report is already rounded to the clock's resolution (at finest 0.001 ms), so
//! nothing measured is lost. NaN and ±∞ are written `null`, as serde_json does, and so is a
//! magnitude of 10¹² or more (far beyond any time here), where `format` prints "—".

use crate::format::{decimal, trim_zeros, units};

/// Appends `text` as a JSON string literal: quotes, backslashes and control characters escaped.
pub fn string(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c < ' ' => {
                out.push_str("\\u00");
                out.push(HEX[c as usize >> 4] as char);
                out.push(HEX[c as usize & 15] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// `text` as a JSON string literal.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    string(&mut out, text);
    out
}

/// Appends `value` with at most six decimals (see the module's note), or `null`; printed as
/// `format` prints figures, from a whole number of millionths.
pub fn number(out: &mut String, value: f64) {
    match units(value * 1e6) {
        Some(millionths) => out.push_str(trim_zeros(&decimal(millionths, 6))),
        None => out.push_str("null"),
    }
}

/// A JSON object written member by member, in the order the calls come; `close` ends it.
pub struct Object<'a> {
    out: &'a mut String,
    empty: bool,
}

impl<'a> Object<'a> {
    pub fn open(out: &'a mut String) -> Object<'a> {
        out.push('{');
        Object { out, empty: true }
    }

    fn key(&mut self, key: &str) -> &mut String {
        if !self.empty {
            self.out.push(',');
        }
        self.empty = false;
        string(self.out, key);
        self.out.push(':');
        self.out
    }

    pub fn str(&mut self, key: &str, value: &str) {
        string(self.key(key), value);
    }

    pub fn num(&mut self, key: &str, value: f64) {
        number(self.key(key), value);
    }

    /// A number, or `null` when there is none.
    pub fn num_or_null(&mut self, key: &str, value: Option<f64>) {
        match value {
            Some(value) => self.num(key, value),
            None => self.key(key).push_str("null"),
        }
    }

    pub fn int(&mut self, key: &str, value: u64) {
        self.key(key).push_str(&value.to_string());
    }

    /// A whole number, or `null` when there is none.
    pub fn int_or_null(&mut self, key: &str, value: Option<u64>) {
        match value {
            Some(value) => self.int(key, value),
            None => self.key(key).push_str("null"),
        }
    }

    pub fn bool(&mut self, key: &str, value: bool) {
        self.key(key).push_str(if value { "true" } else { "false" });
    }

    /// A member whose value `write` appends (an object or array of its own).
    pub fn with(&mut self, key: &str, write: impl FnOnce(&mut String)) {
        write(self.key(key));
    }

    /// An array of `items`, each appended by `write`.
    pub fn array<T>(&mut self, key: &str, items: &[T], write: fn(&T, &mut String)) {
        let out = self.key(key);
        out.push('[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            write(item, out);
        }
        out.push(']');
    }

    pub fn close(self) {
        self.out.push('}');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn num(value: f64) -> String {
        let mut out = String::new();
        number(&mut out, value);
        out
    }

    #[test]
    fn numbers_are_plain_decimals_or_null() {
        assert_eq!(num(2100.0), "2100");
        assert_eq!(num(0.005), "0.005");
        assert_eq!(num(201.3), "201.3");
        assert_eq!(num(-0.25), "-0.25");
        assert_eq!(num(1.875), "1.875");
        assert_eq!(num(100.10000000000001), "100.1");
        assert_eq!(num(-0.0000001), "0");
        assert_eq!((num(f64::NAN), num(f64::INFINITY), num(-1e300)), ("null".into(), "null".into(), "null".into()));
    }

    #[test]
    fn an_object_has_its_members_in_order() {
        let mut out = String::new();
        let mut o = Object::open(&mut out);
        o.int("n", 7);
        o.num_or_null("none", None);
        o.int_or_null("bytes", Some(12));
        let on = true;
        o.bool("on", on);
        o.array("xs", &[1u64, 2], |x, out| out.push_str(&x.to_string()));
        o.with("inner", |out| Object::open(out).close());
        o.close();
        assert_eq!(out, r#"{"n":7,"none":null,"bytes":12,"on":true,"xs":[1,2],"inner":{}}"#);
    }

    proptest! {
        #[test]
        fn any_text_reads_back_as_itself(text in any::<String>()) {
            let back: String = serde_json::from_str(&quoted(&text)).unwrap();
            prop_assert_eq!(back, text);
        }

        #[test]
        fn a_number_reads_back_within_a_millionth(value in -1e9f64..1e9) {
            let back: f64 = serde_json::from_str(&num(value)).unwrap();
            prop_assert!((back - value).abs() <= 5e-7 + value.abs() * 1e-15, "{value} → {back}");
        }
    }
}

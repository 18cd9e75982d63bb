//! A link's look (`font=`, `accent=`): a font family list and an accent colour, checked so that
//! nothing but a list of names or a colour can reach the page's CSS, and the accent's readable text.

/// The most characters a `font=` value may have.
pub const MAX_FONT_CHARS: usize = 200;
/// The most font families a `font=` value may name.
pub const MAX_FONT_FAMILIES: usize = 10;

/// The generic families, written unquoted; any other name is quoted, so that a name CSS would not
/// take unquoted (one starting with a digit, `inherit`) still names a font and never voids the list.
const GENERIC_FAMILIES: [&str; 13] = [
    "serif",
    "sans-serif",
    "monospace",
    "cursive",
    "fantasy",
    "system-ui",
    "ui-serif",
    "ui-sans-serif",
    "ui-monospace",
    "ui-rounded",
    "math",
    "emoji",
    "fangsong",
];

/// A checked font family list, held as the CSS the page is given (`"Inter", "Segoe UI", sans-serif`):
/// names quoted, generic families bare, one space after each comma. Reading it again gives it back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Font(String);

/// Why a `font=` value was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FontError {
    /// More than [`MAX_FONT_CHARS`] characters.
    TooLong,
    /// More than [`MAX_FONT_FAMILIES`] families.
    TooMany,
    /// Nothing between two commas, or an empty pair of quotes.
    Empty,
    /// A quote that does not close its name, or text after the closing quote.
    Quote,
    /// A character a family name may not hold (`;`, `(`, `\`, `/`, …).
    Char(char),
}

impl Font {
    /// Reads a comma-separated list of families: each a generic family, or letters, digits,
    /// spaces, hyphens and underscores, in double or single quotes or not.
    pub fn parse(value: &str) -> Result<Font, FontError> {
        if value.chars().count() > MAX_FONT_CHARS {
            return Err(FontError::TooLong);
        }
        if value.split(',').count() > MAX_FONT_FAMILIES {
            return Err(FontError::TooMany);
        }
        // Every character first: what is left to trim around a name is spaces only.
        if let Some(c) = value.chars().find(|&c| !(c.is_alphanumeric() || matches!(c, ' ' | '-' | '_' | ',' | '"' | '\''))) {
            return Err(FontError::Char(c));
        }
        let mut css = String::new();
        for family in value.split(',') {
            if !css.is_empty() {
                css.push_str(", ");
            }
            let family = family.trim();
            let (name, quoted) = match family.chars().next() {
                Some(quote @ ('"' | '\'')) => (family[1..].strip_suffix(quote).ok_or(FontError::Quote)?, true),
                _ => (family, false),
            };
            if name.chars().any(|c| matches!(c, '"' | '\'')) {
                return Err(FontError::Quote);
            }
            if name.trim().is_empty() {
                return Err(FontError::Empty);
            }
            match GENERIC_FAMILIES.into_iter().find(|g| !quoted && g.eq_ignore_ascii_case(name)) {
                Some(generic) => css.push_str(generic),
                None => {
                    // The spaces between words are one, as CSS reads an unquoted name.
                    css.push('"');
                    for (i, word) in name.split_whitespace().enumerate() {
                        if i > 0 {
                            css.push(' ');
                        }
                        css.push_str(word);
                    }
                    css.push('"');
                }
            }
        }
        Ok(Font(css))
    }

    /// The list as the CSS `font-family` value the page is given.
    pub fn as_css(&self) -> &str {
        &self.0
    }
}

/// A colour as red, green and blue bytes (`accent=`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub [u8; 3]);

/// The text drawn on the accent: whichever of black and white contrasts more with it, which is
/// always at least WCAG's 4.5:1 for normal text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Foreground {
    /// Black.
    Dark,
    /// White.
    Light,
}

impl Foreground {
    /// The text's colour.
    pub fn rgb(self) -> Rgb {
        match self {
            Foreground::Dark => Rgb([0, 0, 0]),
            Foreground::Light => Rgb([0xff, 0xff, 0xff]),
        }
    }
}

impl Rgb {
    /// Reads `#rgb` or `#rrggbb` (hex digits in either case); the `#` may be left out, since an
    /// unencoded one would end the query in a link.
    pub fn parse(value: &str) -> Option<Rgb> {
        let hex = value.strip_prefix('#').unwrap_or(value);
        if !matches!(hex.len(), 3 | 6) {
            return None;
        }
        let mut number = 0u32;
        for c in hex.chars() {
            number = number << 4 | c.to_digit(16)?;
        }
        let [_, high, middle, low] = number.to_be_bytes();
        match hex.len() {
            // 0x0RGB: each digit stands for itself twice (`a` is `aa`, 0xa × 17).
            3 => Some(Rgb([middle * 17, (low >> 4) * 17, (low & 15) * 17])),
            6 => Some(Rgb([high, middle, low])),
            _ => None,
        }
    }

    /// `#rrggbb`, lower case.
    pub fn css(self) -> String {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut css = String::from("#");
        for byte in self.0 {
            css.push(char::from(HEX[usize::from(byte >> 4)]));
            css.push(char::from(HEX[usize::from(byte & 15)]));
        }
        css
    }

    /// WCAG 2's relative luminance, from 0 (black) to 1 (white).
    pub fn luminance(self) -> f64 {
        let [r, g, b] = self.0;
        0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    }

    /// The text that reads best on this colour: the one of the higher WCAG contrast ratio.
    pub fn foreground(self) -> Foreground {
        let own = self.luminance();
        let on = |text: Foreground| contrast(own, text.rgb().luminance());
        if on(Foreground::Light) >= on(Foreground::Dark) {
            Foreground::Light
        } else {
            Foreground::Dark
        }
    }
}

/// WCAG 2's contrast ratio of two relative luminances, from 1 to 21.
pub fn contrast(a: f64, b: f64) -> f64 {
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

/// An sRGB channel as linear light, WCAG 2's formula.
fn linear(channel: u8) -> f64 {
    let c = f64::from(channel) / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        pow_2_4((c + 0.055) / 1.055)
    }
}

/// `x^2.4` for `x` in (0, 1]: x² times the fifth root of x², by Newton's method from 1, which
/// converges from above; `powf` would link libm's `pow` into the wasm for this one use.
fn pow_2_4(x: f64) -> f64 {
    let square = x * x;
    let mut root = 1.0;
    for _ in 0..16 {
        let fourth = root * root * root * root;
        root -= (fourth * root - square) / (5.0 * fourth);
    }
    square * root
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn css(value: &str) -> Result<String, FontError> {
        Font::parse(value).map(|f| f.as_css().to_owned())
    }

    #[test]
    fn font_lists_are_read_into_quoted_names_and_bare_generics() {
        assert_eq!(css("Inter, \"Segoe UI\", sans-serif").unwrap(), "\"Inter\", \"Segoe UI\", sans-serif");
        assert_eq!(css("Georgia,serif").unwrap(), "\"Georgia\", serif");
        assert_eq!(css("  Times   New Roman ,' Noto  Serif JP',SERIF").unwrap(), "\"Times New Roman\", \"Noto Serif JP\", serif");
        // Quoted, a generic's name is a family of that name; unquoted, names CSS would refuse are quoted.
        assert_eq!(css("\"serif\", 3Dumb, inherit, Font_Awesome-5").unwrap(), "\"serif\", \"3Dumb\", \"inherit\", \"Font_Awesome-5\"");
        assert_eq!(css("メイリオ, Ünïcode").unwrap(), "\"メイリオ\", \"Ünïcode\"");
        assert_eq!(css(&["a"; 10].join(",")).map(|c| c.len()), Ok(10 * 3 + 9 * 2));
        assert_eq!(css(&"a".repeat(200)).map(|c| c.len()), Ok(202));
    }

    #[test]
    fn font_lists_that_could_carry_css_are_refused() {
        for (value, why) in [
            ("Inter; color: red", FontError::Char(';')),
            ("Inter}body{color:red", FontError::Char('}')),
            ("url(https://x/y.woff)", FontError::Char('(')),
            ("a:b", FontError::Char(':')),
            ("url(x)", FontError::Char('(')),
            ("a\\62 c", FontError::Char('\\')),
            ("</style><script>", FontError::Char('<')),
            ("a/**/b", FontError::Char('/')),
            ("Inter !important", FontError::Char('!')),
            ("var(--x)", FontError::Char('(')),
            ("a\nb", FontError::Char('\n')),
            ("a\tb", FontError::Char('\t')),
            ("`a`", FontError::Char('`')),
            ("\"Inter", FontError::Quote),
            ("\"Inter\"x", FontError::Quote),
            ("'Inter\"", FontError::Quote),
            ("In\"ter", FontError::Quote),
            ("\"a\"b\"", FontError::Quote),
            ("Inter,,serif", FontError::Empty),
            ("", FontError::Empty),
            ("\"\"", FontError::Empty),
            ("\"  \", serif", FontError::Empty),
            ("serif,", FontError::Empty),
            (&["a"; 11].join(","), FontError::TooMany),
            (&"a".repeat(201), FontError::TooLong),
        ] {
            assert_eq!(css(value), Err(why), "{value:?}");
        }
    }

    #[test]
    fn accents_read_three_or_six_hex_digits_with_or_without_the_hash() {
        assert_eq!(Rgb::parse("#aa3377"), Some(Rgb([0xaa, 0x33, 0x77])));
        assert_eq!(Rgb::parse("AA3377"), Some(Rgb([0xaa, 0x33, 0x77])));
        assert_eq!(Rgb::parse("#a37"), Some(Rgb([0xaa, 0x33, 0x77])));
        assert_eq!(Rgb([0x0b, 0xf0, 0x07]).css(), "#0bf007");
        for bad in ["", "#", "#ab", "#abcd", "#aa33771", "#aa33zz", "##aa3377", "red", "#a37;", "rgb(1,2,3)", " #aa3377", "#ａａ3377"] {
            assert_eq!(Rgb::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn the_accent_text_is_the_one_of_higher_contrast() {
        assert_eq!(Rgb([0, 0, 0]).luminance(), 0.0);
        assert!((Rgb([255, 255, 255]).luminance() - 1.0).abs() < 1e-12);
        assert!((contrast(1.0, 0.0) - 21.0).abs() < 1e-12);
        // The app's own accents keep their kind of text: white on the light theme's, dark on the dark theme's.
        assert_eq!(Rgb([0x1f, 0x5f, 0xbf]).foreground(), Foreground::Light);
        assert_eq!(Rgb([0x79, 0xa8, 0xff]).foreground(), Foreground::Dark);
        assert_eq!(Rgb([0xaa, 0x33, 0x77]).foreground(), Foreground::Light);
        assert_eq!(Rgb([0xff, 0xd7, 0x00]).foreground(), Foreground::Dark);
        assert_eq!(Rgb([0x77, 0x77, 0x77]).foreground(), Foreground::Dark);
    }

    #[test]
    fn linear_light_matches_the_wcag_formula_for_every_byte() {
        for byte in 0..=255u8 {
            let c = f64::from(byte) / 255.0;
            let exact = if c <= 0.04045 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) };
            assert!((linear(byte) - exact).abs() < 1e-12, "{byte}: {} against {exact}", linear(byte));
        }
    }

    /// A name of the allowed characters, not blank.
    fn arb_name() -> impl Strategy<Value = String> {
        "[A-Za-z0-9 _-]{1,12}".prop_filter("not blank", |s| !s.trim().is_empty())
    }

    proptest! {
        #[test]
        fn valid_lists_are_accepted_and_their_css_reads_back_the_same(names in prop::collection::vec((arb_name(), 0u8..3), 1..=MAX_FONT_FAMILIES)) {
            let value = names.iter().map(|(n, q)| match q { 0 => n.clone(), 1 => format!("\"{n}\""), _ => format!("'{n}'") }).collect::<Vec<_>>().join(",");
            prop_assume!(value.chars().count() <= MAX_FONT_CHARS);
            let font = Font::parse(&value).unwrap();
            prop_assert_eq!(Font::parse(font.as_css()), Ok(font.clone()));
            prop_assert_eq!(font.as_css().split(", ").count(), names.len());
        }

        #[test]
        fn nothing_that_could_end_the_value_or_fetch_passes(head in "[A-Za-z ,]{0,20}", bad in "[;{}()<>\\\\/:!@*=\\[\\]`\u{0}-\u{1f}]", tail in "[A-Za-z ,\"]{0,20}") {
            let value = format!("{head}{bad}{tail}");
            prop_assert!(Font::parse(&value).is_err(), "{:?}", value);
        }

        /// Whatever is accepted is only quoted names and generic families: no character of CSS syntax.
        #[test]
        fn any_accepted_list_is_names_only(value in ".{0,60}") {
            if let Ok(font) = Font::parse(&value) {
                for family in font.as_css().split(", ") {
                    let name = family.strip_prefix('"').and_then(|f| f.strip_suffix('"')).unwrap_or(family);
                    prop_assert!(name.chars().all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_')), "{}", family);
                    prop_assert!(family != name || GENERIC_FAMILIES.contains(&name), "{}", family);
                }
            }
        }

        #[test]
        fn every_colour_round_trips_and_its_text_contrasts_at_least_as_well_as_the_other(rgb: [u8; 3]) {
            let colour = Rgb(rgb);
            prop_assert_eq!(Rgb::parse(&colour.css()), Some(colour));
            let own = colour.luminance();
            let (chosen, other) = match colour.foreground() {
                Foreground::Light => (Foreground::Light, Foreground::Dark),
                Foreground::Dark => (Foreground::Dark, Foreground::Light),
            };
            prop_assert!(contrast(own, chosen.rgb().luminance()) >= contrast(own, other.rgb().luminance()));
            // Black or white: one of them always reaches WCAG AA's 4.5:1 for normal text.
            prop_assert!(contrast(own, chosen.rgb().luminance()) >= 4.5);
        }
    }
}

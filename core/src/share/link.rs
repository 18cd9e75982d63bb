//! The link's fragment: `#run={base64url of the compressed payload}&at={ms}`, and base64url
//! itself (unpadded, RFC 4648 §5), small enough that a crate would cost more than it saves.

use super::{ticks, ShareError, TICKS_PER_MS};

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// The longest `run=` value made or read; longer text is refused before it is decoded, whatever it
/// would inflate to. Set by the browser, not by the runs: a long address costs Chromium time to
/// open before any of the page's code runs (on a page of one paragraph, a frame of 53 ms at 226 K
/// characters, 91 at 512 K), and the lab's first frames share 50 ms with it: at 64 K the heaviest
/// link that passes opens with no frame of 50 ms (BENCHMARKS.md, `replay_link_worst_open`).
pub const MAX_LINK_CHARS: usize = 64 * 1024;

/// A link to a moment, as read from the page's fragment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Moment {
    /// The compressed payload, still to be inflated (capped) and decoded.
    pub compressed: Vec<u8>,
    /// Where the replay opens, in clock ticks: `at=` is ms with up to three decimals, read
    /// digit by digit, so a moment recorded at 300.375 ms opens exactly there.
    pub at_ticks: u64,
}

impl Moment {
    pub fn at_ms(&self) -> f64 {
        self.at_ticks as f64 / TICKS_PER_MS
    }
}

/// The fragment for a compressed payload and a moment (with its `#`), or `TooLarge` where the
/// payload needs more than `MAX_LINK_CHARS`: such a link would not be opened.
pub fn fragment(compressed: &[u8], at_ms: f64) -> Result<String, ShareError> {
    let run = base64url(compressed);
    if run.len() > MAX_LINK_CHARS {
        return Err(ShareError::TooLarge);
    }
    let at = ticks(at_ms);
    let (whole, part) = (at / 1000, at % 1000);
    let decimals = match part {
        0 => String::new(),
        _ => format!(".{part:03}").trim_end_matches('0').to_owned(),
    };
    Ok(format!("#run={run}&at={whole}{decimals}"))
}

/// `at=`'s ms as ticks: digits, then at most three decimals; anything else opens at the start.
fn at_ticks(value: &str) -> u64 {
    let (whole, part) = value.split_once('.').unwrap_or((value, ""));
    let digits =
        |s: &str, max: usize| (s.len() <= max && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.bytes().fold(0u64, |n, d| n * 10 + u64::from(d - b'0')));
    match (digits(whole, 9), digits(part, 3)) {
        (Some(ms), Some(decimals)) => ms * 1000 + decimals * 10u64.pow(3 - part.len() as u32),
        _ => 0,
    }
}

/// The moment a fragment links to: `None` when it carries no `run=` (a plain page), an error when
/// it carries one that cannot be read. A missing or unreadable `at=` opens at the start.
pub fn parse_fragment(hash: &str) -> Option<Result<Moment, ShareError>> {
    let mut run = None;
    let mut at = 0;
    for part in hash.trim_start_matches('#').split('&') {
        match part.split_once('=') {
            Some(("run", value)) => run = Some(value),
            Some(("at", value)) => at = at_ticks(value),
            _ => {}
        }
    }
    let run = run?;
    if run.len() > MAX_LINK_CHARS {
        return Some(Err(ShareError::TooLarge));
    }
    Some(unbase64url(run).map(|compressed| Moment { compressed, at_ticks: at }))
}

/// Bytes as unpadded base64url.
pub fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

/// The bytes of unpadded base64url text; any other character, or a length no encoder makes, is
/// [`ShareError::Malformed`].
pub fn unbase64url(text: &str) -> Result<Vec<u8>, ShareError> {
    if text.len() % 4 == 1 {
        return Err(ShareError::Malformed);
    }
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    for chunk in text.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            let value = ALPHABET.iter().position(|&a| a == c).ok_or(ShareError::Malformed)?;
            n |= (value as u32) << (18 - 6 * i);
        }
        out.extend(n.to_be_bytes()[1..chunk.len()].iter());
    }
    Ok(out)
}

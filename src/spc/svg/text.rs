//! Escaping and fixed number formatting: the two things that make the SVG
//! safe to embed and byte-identical from run to run.

use std::fmt::Write as _;

/// Appends `text` escaped for XML character data and attribute values
/// (`&`, `<`, `>`, `"`, `'`). Characters XML 1.0 forbids (C0 controls other
/// than tab, line feed and carriage return) become U+FFFD.
pub(crate) fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

/// `text` escaped, as a new string.
pub(crate) fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text);
    out
}

/// A coordinate with one decimal place; `-0.0` prints as `0.0` and a value
/// that is not finite prints as `0.0` (it cannot arise from a checked series,
/// but the output must stay well-formed whatever happens).
pub(crate) fn coord(value: f64) -> String {
    fixed(value, 1)
}

/// `value` with `decimals` places, deterministic (Rust's float formatting
/// is exact and locale-free), never `-0`, never `NaN` or `inf`.
pub(crate) fn fixed(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return format!("{:.*}", decimals, 0.0);
    }
    let mut text = String::new();
    let _ = write!(text, "{value:.decimals$}");
    if text.starts_with('-') && text.bytes().skip(1).all(|b| b == b'0' || b == b'.') {
        text.remove(0);
    }
    text
}

/// An `id` made of ASCII letters, digits, `-` and `_` only, starting with a
/// letter (anything else becomes `-`; an empty or non-letter start gets
/// `spc-` in front).
pub(crate) fn id_safe(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .take(64)
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    if cleaned.starts_with(|c: char| c.is_ascii_alphabetic()) {
        cleaned
    } else {
        format!("spc-{cleaned}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escaped("<b a=\"x\">Tom & Jerry's</b>"),
            "&lt;b a=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;"
        );
        assert_eq!(escaped("a\u{0}b\u{1b}c"), "a\u{FFFD}b\u{FFFD}c");
    }

    #[test]
    fn numbers_are_fixed_and_never_negative_zero() {
        assert_eq!(coord(1.25), "1.2");
        assert_eq!(coord(-0.01), "0.0");
        assert_eq!(coord(f64::NAN), "0.0");
        assert_eq!(fixed(76.456, 2), "76.46");
        assert_eq!(fixed(-3.0, 0), "-3");
    }

    #[test]
    fn ids_are_safe() {
        assert_eq!(id_safe("fds alliance"), "fds-alliance");
        assert_eq!(id_safe("62\"><x"), "spc-62---x");
        assert_eq!(id_safe(""), "spc-");
    }
}

//! A short excerpt of input for a message: what a reader found, never the
//! whole of a huge field.

/// At most the first 40 characters of `bytes` (read as UTF-8, lossily),
/// then `…` if there was more, so that a huge field does not make a huge
/// message. Only the first 160 bytes are decoded.
pub(crate) fn excerpt(bytes: &[u8]) -> String {
    let shown = String::from_utf8_lossy(bytes.get(..160).unwrap_or(bytes));
    let mut chars = shown.chars();
    let mut out: String = chars.by_ref().take(40).collect();
    if chars.next().is_some() || bytes.len() > 160 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::excerpt;

    #[test]
    fn keeps_short_text_and_cuts_long_text() {
        assert_eq!(excerpt(b"Apr-25"), "Apr-25");
        assert_eq!(excerpt(&[b'x'; 41]), format!("{}…", "x".repeat(40)));
        assert_eq!(excerpt(&[b'x'; 40]), "x".repeat(40));
    }
}

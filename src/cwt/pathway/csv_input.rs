//! The bytes of a pathway CSV (feature `pathway-csv`): a fixed buffer of
//! [`MAX_PATHWAY_RECORD`] bytes refilled from the reader, CR-only line
//! endings read as LF, and a quote-aware record parser for the blocks that
//! hold a quote (and for records that do not fit the buffer, which are
//! skipped, not held).

use std::io::{self, Read};

/// The longest record (a line, or the lines of a record with quoted
/// newlines), and the longest header, read: 1 MiB. A longer record is a
/// [`BadPathwayRowReason::RecordTooLong`](super::BadPathwayRowReason::RecordTooLong)
/// (skipped without being held in memory); a longer header is
/// [`PathwayReadError::HeaderTooLong`](super::PathwayReadError::HeaderTooLong).
/// A pathway record is about 120 bytes.
pub const MAX_PATHWAY_RECORD: usize = 1 << 20;

/// The input in a fixed buffer.
pub(super) struct Blocks<R> {
    reader: R,
    buf: Vec<u8>,
    /// Bytes of `buf` filled.
    filled: usize,
    pub(super) eof: bool,
    /// Line endings are lone `\r`s (the first line ending is one): every
    /// `\r` is read as `\n`.
    cr_only: bool,
}

impl<R: Read> Blocks<R> {
    pub(super) fn new(reader: R) -> Blocks<R> {
        Blocks {
            reader,
            buf: vec![0; MAX_PATHWAY_RECORD],
            filled: 0,
            eof: false,
            cr_only: false,
        }
    }

    /// Reads until the buffer is full or the input ends.
    pub(super) fn fill(&mut self) -> io::Result<()> {
        while !self.eof && self.filled < self.buf.len() {
            let start = self.filled;
            let space = self.buf.get_mut(start..).unwrap_or_default();
            match self.reader.read(space) {
                Ok(0) => self.eof = true,
                Ok(n) => {
                    let n = n.min(space.len());
                    if self.cr_only {
                        for b in space.iter_mut().take(n) {
                            if *b == b'\r' {
                                *b = b'\n';
                            }
                        }
                    }
                    self.filled = start.saturating_add(n);
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// Decides the line endings from the first buffer-full (call once,
    /// after the first `fill`): CR-only if the first line ending is a `\r`
    /// not followed by `\n`.
    pub(super) fn detect_line_endings(&mut self) {
        let filled = self.buf.get(..self.filled).unwrap_or_default();
        let first = memchr::memchr2(b'\n', b'\r', filled);
        let cr_only = first.is_some_and(|i| {
            filled.get(i) == Some(&b'\r')
                && match filled.get(i.saturating_add(1)) {
                    Some(&next) => next != b'\n',
                    None => self.eof,
                }
        });
        if cr_only {
            self.cr_only = true;
            for b in self.buf.iter_mut().take(self.filled) {
                if *b == b'\r' {
                    *b = b'\n';
                }
            }
        }
    }

    /// The bytes filled and not yet consumed.
    pub(super) fn filled(&self) -> &[u8] {
        self.buf.get(..self.filled).unwrap_or_default()
    }

    /// The buffer is full (so a record not ended in it is too long).
    pub(super) fn is_full(&self) -> bool {
        self.filled >= self.buf.len()
    }

    /// Drops the first `n` bytes filled.
    pub(super) fn consume(&mut self, n: usize) {
        let n = n.min(self.filled);
        self.buf.copy_within(n..self.filled, 0);
        self.filled = self.filled.saturating_sub(n);
    }

    /// Skips the rest of a record too long for the buffer, quote-aware,
    /// without holding it; returns the `\n`s skipped (its terminator
    /// included).
    pub(super) fn skip_record(&mut self) -> io::Result<u64> {
        let mut parser = RecordParser::new();
        loop {
            self.fill()?;
            if self.filled == 0 {
                return Ok(parser.newlines);
            }
            let filled = self.buf.get(..self.filled).unwrap_or_default();
            match parser.feed(filled, None) {
                Some(n) => {
                    self.consume(n);
                    return Ok(parser.newlines);
                }
                None => self.consume(self.filled),
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    /// At the start of a field.
    Start,
    /// In a field that did not start with a quote (quotes in it are
    /// plain bytes, as the `csv` crate reads them).
    Unquoted,
    /// Inside quotes.
    Quoted,
    /// A quote inside quotes: the closing one, or the first of `""`.
    Closed,
}

/// One record's fields, the rule of RFC 4180 read leniently (as the `csv`
/// crate does): a field that starts with `"` runs to the closing quote
/// (`""` is a quote; commas and newlines inside are data; bytes after the
/// closing quote are kept); other fields run to the next `,` or `\n`.
pub(super) struct RecordParser {
    state: Field,
    /// The `\n`s fed so far (quoted newlines and the terminator).
    pub(super) newlines: u64,
}

impl RecordParser {
    pub(super) fn new() -> RecordParser {
        RecordParser {
            state: Field::Start,
            newlines: 0,
        }
    }

    /// Feeds bytes; `Some(consumed)` when the record ends in them (its
    /// `\n` consumed), `None` if it needs more. Field bytes go to
    /// `fields.0` and each field's end to `fields.1`, when given.
    pub(super) fn feed(
        &mut self,
        bytes: &[u8],
        mut fields: Option<(&mut Vec<u8>, &mut Vec<usize>)>,
    ) -> Option<usize> {
        for (i, &b) in bytes.iter().enumerate() {
            let (push, end_field, end_record) = match (self.state, b) {
                (Field::Quoted, b'"') => {
                    self.state = Field::Closed;
                    (false, false, false)
                }
                (Field::Quoted, _) => (true, false, false),
                (Field::Start, b'"') => {
                    self.state = Field::Quoted;
                    (false, false, false)
                }
                (Field::Closed, b'"') => {
                    self.state = Field::Quoted;
                    (true, false, false)
                }
                (_, b',') => {
                    self.state = Field::Start;
                    (false, true, false)
                }
                (_, b'\n') => (false, true, true),
                (_, _) => {
                    self.state = Field::Unquoted;
                    (true, false, false)
                }
            };
            if b == b'\n' {
                self.newlines = self.newlines.saturating_add(1);
            }
            if let Some((bytes, ends)) = fields.as_mut() {
                if push {
                    bytes.push(b);
                }
                if end_field {
                    end_of_field(bytes, ends, end_record);
                }
            }
            if end_record {
                self.state = Field::Start;
                return Some(i.saturating_add(1));
            }
        }
        None
    }

    /// Ends a record cut short by the end of the input.
    pub(super) fn finish(fields: (&mut Vec<u8>, &mut Vec<usize>)) {
        end_of_field(fields.0, fields.1, true);
    }
}

/// Ends a field; the last field of a record loses a trailing `\r` (a CRLF
/// line ending).
fn end_of_field(bytes: &mut Vec<u8>, ends: &mut Vec<usize>, last: bool) {
    let start = ends.last().copied().unwrap_or(0);
    if last && bytes.len() > start && bytes.last() == Some(&b'\r') {
        bytes.pop();
    }
    ends.push(bytes.len());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &[u8]) -> (Option<usize>, Vec<Vec<u8>>, u64) {
        let mut parser = RecordParser::new();
        let (mut bytes, mut ends) = (Vec::new(), Vec::new());
        let consumed = parser.feed(text, Some((&mut bytes, &mut ends)));
        if consumed.is_none() {
            RecordParser::finish((&mut bytes, &mut ends));
        }
        let mut start = 0;
        let fields = ends
            .iter()
            .map(|&end| {
                let f = bytes[start..end].to_vec();
                start = end;
                f
            })
            .collect();
        (consumed, fields, parser.newlines)
    }

    #[test]
    fn quoted_fields_commas_newlines_and_escaped_quotes() {
        let (consumed, fields, newlines) = parse(b"a,\"b,\nc\",\"d\"\"e\"\r\nnext");
        assert_eq!(consumed, Some(17));
        assert_eq!(fields, [&b"a"[..], b"b,\nc", b"d\"e"]);
        assert_eq!(newlines, 2);
        // A quote inside an unquoted field is a plain byte.
        let (_, fields, _) = parse(b"ab\"c,d");
        assert_eq!(fields, [&b"ab\"c"[..], b"d"]);
        // An unclosed quote runs to the end of the input.
        let (consumed, fields, _) = parse(b"\"a\nb");
        assert_eq!((consumed, fields), (None, vec![b"a\nb".to_vec()]));
    }
}

//! The fast path of the workbook reader: the sheet's XML scanned directly
//! (memchr), the shared strings and date styles read once. calamine's
//! general XML reader spends ~45 ms on NHS England's national sheet (3.9 MB
//! of XML, inflated in under 3 ms); this scan does the same in a few. It
//! reads only what it understands (SpreadsheetML as Excel and common
//! writers write it: unprefixed tags, double-quoted attributes, the 1900
//! date system, dates at midnight): on anything else it gives up and the
//! caller reads the sheet with calamine instead, so that what is read never
//! depends on which path read it (the tests compare both).

use std::io::{Cursor, Read};

use csv::ByteRecord;
use memchr::memmem;

use super::input::Records;
use super::xlsx::write_number;
use super::{BadRow, ExtractError};

/// The first `needle` in a short `hay` (a row, a cell, a tag's
/// attributes): memchr for its first byte, then a comparison; no searcher
/// is built per call, which dominates on short haystacks.
fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let (&first, rest) = needle.split_first()?;
    memchr::memchr_iter(first, hay).find(|&i| {
        i.checked_add(1)
            .and_then(|j| hay.get(j..))
            .is_some_and(|after| after.starts_with(rest))
    })
}

/// Parts larger than this are left to calamine (an NHS England national
/// sheet is ~4 MB of XML).
const MAX_PART: u64 = 1 << 30;

/// What the scan needs from the workbook besides the sheet.
pub(super) struct Parts {
    strings: Vec<Box<str>>,
    date_styles: Vec<bool>,
}

/// Inflates a part of the archive.
fn part(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Option<Vec<u8>> {
    let file = zip.by_name(name).ok()?;
    if file.size() > MAX_PART {
        return None;
    }
    // The declared size is not trusted beyond a first reservation.
    let declared = usize::try_from(file.size().min(1 << 26)).ok()?;
    let mut out = Vec::with_capacity(declared);
    file.take(MAX_PART).read_to_end(&mut out).ok()?;
    Some(out)
}

/// The sheet named `sheet`'s XML and the parts, or `None` when the fast
/// path does not apply.
pub(super) fn load(bytes: &[u8], sheet: &str) -> Option<(Vec<u8>, Parts)> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let workbook = part(&mut zip, "xl/workbook.xml")?;
    if memmem::find(&workbook, b"date1904=\"1\"").is_some()
        || memmem::find(&workbook, b"date1904=\"true\"").is_some()
    {
        return None;
    }
    let rels = part(&mut zip, "xl/_rels/workbook.xml.rels")?;
    let id = tags(&workbook, b"<sheet ").find_map(|attrs| {
        let name = unescape(attr(attrs, b" name=\"")?)?;
        (name == sheet).then(|| id_attr(attrs)).flatten()
    })?;
    let target = tags(&rels, b"<Relationship ")
        .find(|attrs| attr(attrs, b" Id=\"") == Some(id))
        .and_then(|attrs| attr(attrs, b" Target=\""))?;
    let target = std::str::from_utf8(target).ok()?;
    let path = match target.strip_prefix('/') {
        Some(absolute) => absolute.to_owned(),
        None => format!("xl/{target}"),
    };
    let xml = part(&mut zip, &path)?;
    memmem::find(&xml, b"<sheetData")?;
    let strings = match part(&mut zip, "xl/sharedStrings.xml") {
        Some(sst) => shared_strings(&sst)?,
        None => Vec::new(),
    };
    let date_styles = match part(&mut zip, "xl/styles.xml") {
        Some(styles) => date_styles(&styles)?,
        None => Vec::new(),
    };
    Some((
        xml,
        Parts {
            strings,
            date_styles,
        },
    ))
}

/// The attributes of every `open` tag (`<sheet `) in `xml`.
fn tags<'a>(xml: &'a [u8], open: &'a [u8]) -> impl Iterator<Item = &'a [u8]> + 'a {
    let mut at: usize = 0;
    std::iter::from_fn(move || {
        let start = at.checked_add(memmem::find(xml.get(at..)?, open)?)?;
        let end = start.checked_add(memchr::memchr(b'>', xml.get(start..)?)?)?;
        at = end;
        xml.get(start..end)
    })
}

/// The value of the attribute whose ` name="` is `key`.
fn attr<'a>(attrs: &'a [u8], key: &[u8]) -> Option<&'a [u8]> {
    let start = find(attrs, key)?.checked_add(key.len())?;
    let rest = attrs.get(start..)?;
    rest.get(..memchr::memchr(b'"', rest)?)
}

/// The relationship id of a `<sheet>` (`r:id="rId1"`, whatever the prefix).
fn id_attr(attrs: &[u8]) -> Option<&[u8]> {
    let at = memmem::find(attrs, b":id=\"")?;
    attr(attrs.get(at..)?, b":id=\"")
}

/// XML text with its entities replaced; `None` if one is not understood.
fn unescape(text: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(text).ok()?;
    if !text.contains('&') {
        return Some(text.to_owned());
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp)?);
        let after = rest.get(amp.checked_add(1)?..)?;
        let semi = after.find(';')?;
        let entity = after.get(..semi)?;
        let c = match entity {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let code = match entity.strip_prefix("#x") {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => entity.strip_prefix('#')?.parse().ok()?,
                };
                char::from_u32(code)?
            }
        };
        out.push(c);
        rest = after.get(semi.checked_add(1)?..)?;
    }
    out.push_str(rest);
    Some(out)
}

/// The text of every `<t>` element in `xml` (a shared string or an inline
/// string), joined; `None` on phonetic runs or malformed text.
fn text_runs(xml: &[u8]) -> Option<String> {
    if memmem::find(xml, b"<rPh").is_some() {
        return None;
    }
    let mut out = String::new();
    let mut at: usize = 0;
    while let Some(found) = memmem::find(xml.get(at..)?, b"<t") {
        let start = at.checked_add(found)?;
        let after = xml.get(start.checked_add(2)?..)?;
        match after.first() {
            Some(b'>') | Some(b' ') | Some(b'/') => {}
            _ => {
                at = start.checked_add(2)?;
                continue;
            }
        }
        let close = start
            .checked_add(2)?
            .checked_add(memchr::memchr(b'>', after)?)?;
        if xml.get(close.checked_sub(1)?) == Some(&b'/') {
            at = close;
            continue;
        }
        let body = close.checked_add(1)?;
        let end = body.checked_add(memmem::find(xml.get(body..)?, b"</t>")?)?;
        out.push_str(&unescape(xml.get(body..end)?)?);
        at = end;
    }
    Some(out)
}

fn shared_strings(sst: &[u8]) -> Option<Vec<Box<str>>> {
    let mut strings = Vec::new();
    let mut at: usize = 0;
    while let Some(found) = memmem::find(sst.get(at..)?, b"<si") {
        let start = at.checked_add(found)?;
        let close = start.checked_add(memchr::memchr(b'>', sst.get(start..)?)?)?;
        if sst.get(close.checked_sub(1)?) == Some(&b'/') {
            strings.push(Box::from(""));
            at = close;
            continue;
        }
        let end = close.checked_add(memmem::find(sst.get(close..)?, b"</si>")?)?;
        strings.push(text_runs(sst.get(close..end)?)?.into_boxed_str());
        at = end;
    }
    Some(strings)
}

/// Whether each cell style (`cellXfs` index) shows a date.
fn date_styles(styles: &[u8]) -> Option<Vec<bool>> {
    let custom: Vec<(u32, bool)> = tags(styles, b"<numFmt ")
        .filter_map(|attrs| {
            let id = std::str::from_utf8(attr(attrs, b" numFmtId=\"")?)
                .ok()?
                .parse()
                .ok()?;
            let code = unescape(attr(attrs, b" formatCode=\"")?)?;
            Some((id, is_date_format(&code)))
        })
        .collect();
    let Some(start) = memmem::find(styles, b"<cellXfs") else {
        return Some(Vec::new());
    };
    let rest = styles.get(start..)?;
    let end = memmem::find(rest, b"</cellXfs>").unwrap_or(rest.len());
    tags(rest.get(..end)?, b"<xf ")
        .map(|attrs| {
            let id: u32 = match attr(attrs, b" numFmtId=\"") {
                Some(id) => std::str::from_utf8(id).ok()?.parse().ok()?,
                None => 0,
            };
            let builtin_date = matches!(id, 14..=22 | 27..=36 | 45..=47 | 50..=58);
            Some(builtin_date || custom.iter().any(|&(c, date)| c == id && date))
        })
        .collect()
}

/// A number format that shows a date or time: `d`, `m`, `y`, `h` or `s`
/// outside quoted text, escapes and `[...]` sections (colours, locales).
fn is_date_format(code: &str) -> bool {
    let (mut quoted, mut bracket, mut escaped) = (false, false, false);
    for c in code.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => quoted = !quoted,
            '[' if !quoted => bracket = true,
            ']' if !quoted => bracket = false,
            _ if quoted || bracket => {}
            'd' | 'D' | 'm' | 'M' | 'y' | 'Y' | 'h' | 'H' | 's' | 'S' => return true,
            _ => {}
        }
    }
    false
}

/// Column `A` -> 0 from a cell reference (`AB12` -> 27).
fn column(reference: &[u8]) -> Option<u32> {
    let mut n: u32 = 0;
    let mut letters = false;
    for &b in reference.iter().take_while(|b| b.is_ascii_uppercase()) {
        // `b` is `A..=Z`: the digit is 1..=26.
        let digit = u32::from(b.checked_sub(b'A')?).checked_add(1)?;
        n = n.checked_mul(26)?.checked_add(digit)?;
        letters = true;
    }
    letters.then(|| n.checked_sub(1)).flatten()
}

/// A sheet's rows after its header, scanned from its XML.
pub(super) struct FastSheet<'a> {
    row_open: memmem::Finder<'static>,
    row_close: memmem::Finder<'static>,
    xml: &'a [u8],
    parts: &'a Parts,
    at: usize,
    record: ByteRecord,
    scratch: Vec<u8>,
    text: String,
    width: u32,
    header_row: u64,
    row: u64,
    /// Set when the scan meets something it does not read: the caller
    /// then reads the sheet with calamine.
    pub(super) gave_up: bool,
}

impl<'a> FastSheet<'a> {
    pub(super) fn new(xml: &'a [u8], parts: &'a Parts, width: u32, header_row: u64) -> Self {
        FastSheet {
            row_open: memmem::Finder::new(b"<row"),
            row_close: memmem::Finder::new(b"</row>"),
            at: memmem::find(xml, b"<sheetData").unwrap_or(xml.len()),
            xml,
            parts,
            record: ByteRecord::new(),
            scratch: Vec::with_capacity(32),
            text: String::new(),
            width,
            header_row,
            row: 0,
            gave_up: false,
        }
    }

    /// The next row after the header with a non-blank cell into the
    /// record: `Some(true)`; `Some(false)` at the end; `None` when giving
    /// up.
    fn next_row(&mut self) -> Option<bool> {
        loop {
            let xml = self.xml;
            let Some(found) = self.row_open.find(xml.get(self.at..)?) else {
                return Some(false);
            };
            let start = self.at.checked_add(found)?;
            let open_end = start.checked_add(memchr::memchr(b'>', xml.get(start..)?)?)?;
            let attrs = xml.get(start..open_end)?;
            let number = match attr(attrs, b" r=\"") {
                Some(r) => std::str::from_utf8(r).ok()?.parse().ok()?,
                None => self.row.checked_add(1)?,
            };
            self.row = number;
            if xml.get(open_end.checked_sub(1)?) == Some(&b'/') {
                self.at = open_end;
                continue;
            }
            let end = open_end.checked_add(self.row_close.find(xml.get(open_end..)?)?)?;
            self.at = end;
            if number <= self.header_row {
                continue;
            }
            if self.cells(xml.get(open_end..end)?)? {
                return Some(true);
            }
        }
    }

    /// Fills the record from a row's cells; `Some(true)` if one is not
    /// blank, `None` to give up.
    fn cells(&mut self, row: &[u8]) -> Option<bool> {
        self.record.clear();
        let mut any = false;
        let mut next_column = 0u32;
        let mut at: usize = 0;
        while let Some(found) = find(row.get(at..)?, b"<c") {
            let start = at.checked_add(found)?;
            match row.get(start.checked_add(2)?) {
                Some(b' ') | Some(b'>') | Some(b'/') => {}
                _ => return None,
            }
            let open_end = start.checked_add(memchr::memchr(b'>', row.get(start..)?)?)?;
            let attrs = row.get(start..open_end)?;
            if find(attrs, b"='").is_some() {
                return None;
            }
            let column = match attr(attrs, b" r=\"") {
                Some(r) => self::column(r)?,
                None => next_column,
            };
            let self_closing = row.get(open_end.checked_sub(1)?) == Some(&b'/');
            let end = if self_closing {
                open_end
            } else {
                open_end.checked_add(find(row.get(open_end..)?, b"</c>")?)?
            };
            at = end;
            if self_closing || column >= self.width || column < next_column {
                continue;
            }
            while next_column < column {
                self.record.push_field(b"");
                next_column = next_column.checked_add(1)?;
            }
            next_column = column.checked_add(1)?;
            let content = row.get(open_end.checked_add(1)?..end)?;
            any |= self.value(attrs, content)?;
        }
        Some(any)
    }

    /// Pushes one cell's value; `Some(true)` unless blank.
    fn value(&mut self, attrs: &[u8], content: &[u8]) -> Option<bool> {
        let kind = attr(attrs, b" t=\"").unwrap_or(b"n");
        if kind == b"inlineStr" {
            self.text = text_runs(content)?;
            self.record.push_field(self.text.as_bytes());
            return Some(!self.text.trim().is_empty());
        }
        let v = match find(content, b"<v>") {
            Some(i) => {
                let body = content.get(i.checked_add(3)?..)?;
                body.get(..find(body, b"</v>")?)?
            }
            None if find(content, b"<v").is_some() => return None,
            None => {
                self.record.push_field(b"");
                return Some(false);
            }
        };
        if v.is_empty() {
            self.record.push_field(b"");
            return Some(false);
        }
        match kind {
            b"s" => {
                let i: usize = std::str::from_utf8(v).ok()?.parse().ok()?;
                let text = self.parts.strings.get(i)?;
                self.record.push_field(text.as_bytes());
                Some(!text.trim().is_empty())
            }
            b"n" => {
                let style: usize = match attr(attrs, b" s=\"") {
                    Some(s) => std::str::from_utf8(s).ok()?.parse().ok()?,
                    None => 0,
                };
                self.scratch.clear();
                if self.parts.date_styles.get(style).copied().unwrap_or(false) {
                    let serial: f64 = std::str::from_utf8(v).ok()?.parse().ok()?;
                    date(&mut self.scratch, serial)?;
                } else if v.iter().any(|b| matches!(b, b'e' | b'E')) {
                    let x: f64 = std::str::from_utf8(v).ok()?.parse().ok()?;
                    write_number(&mut self.scratch, x).ok()?;
                } else {
                    self.scratch.extend_from_slice(v);
                }
                self.record.push_field(&self.scratch);
                Some(true)
            }
            b"b" => {
                self.record
                    .push_field(if v == b"1" { b"TRUE" } else { b"FALSE" });
                Some(true)
            }
            b"str" | b"e" | b"d" => {
                self.text = unescape(v)?;
                self.record.push_field(self.text.as_bytes());
                Some(!self.text.trim().is_empty())
            }
            _ => None,
        }
    }
}

/// An Excel 1900-system serial date at midnight as `YYYY-MM-DD`; `None`
/// (give up) for a time of day or a date before March 1900.
fn date(out: &mut Vec<u8>, serial: f64) -> Option<()> {
    use std::io::Write;
    if !(61.0..2_958_466.0).contains(&serial) || serial.fract() != 0.0 {
        return None;
    }
    // Exact: a whole number in range.
    #[allow(clippy::cast_possible_truncation)]
    let days = serial as i64;
    let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30)?;
    let d = epoch.checked_add_signed(chrono::TimeDelta::try_days(days)?)?;
    write!(out, "{}", d.format("%Y-%m-%d")).ok()
}

impl Records for FastSheet<'_> {
    fn for_each_record(
        &mut self,
        mut row: impl FnMut(Result<(&ByteRecord, u64), BadRow>),
    ) -> Result<(), ExtractError> {
        loop {
            match self.next_row() {
                Some(true) => row(Ok((&self.record, self.row))),
                Some(false) => return Ok(()),
                None => {
                    self.gave_up = true;
                    return Ok(());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Pieces of SpreadsheetML, shuffled into any order: the scan never
    /// panics, and reads or gives up.
    fn soup() -> impl Strategy<Value = Vec<u8>> {
        let piece = prop_oneof![
            Just("<sheetData>"),
            Just("<row r=\"2\">"),
            Just("<row>"),
            Just("<row r=\"x\"/>"),
            Just("</row>"),
            Just("<c r=\"A2\" t=\"s\"><v>0</v></c>"),
            Just("<c r=\"ZZZZZZZZ9\"><v>1.5</v></c>"),
            Just("<c s=\"1\"><v>45200</v></c>"),
            Just("<c s=\"1\"><v>45200.25</v></c>"),
            Just("<c t=\"inlineStr\"><is><t>a &amp; b</t></is></c>"),
            Just("<c t=\"str\"><v>&#xD800;</v></c>"),
            Just("<c t=\"b\"><v>1</v></c>"),
            Just("<c t=\"s\"><v>99999999999999999999</v></c>"),
            Just("<c r='A1'>"),
            Just("<c/>"),
            Just("<v>"),
            Just("</v>"),
            Just("</c>"),
            Just("<"),
            Just(">"),
            Just("\""),
            Just("1E308"),
        ];
        proptest::collection::vec(piece, 0..40).prop_map(|p| p.concat().into_bytes())
    }

    proptest! {
        #[test]
        fn the_scan_never_panics(xml in soup(), width in 0u32..20, header in 0u64..3) {
            let parts = Parts {
                strings: vec![Box::from("RHM")],
                date_styles: vec![false, true],
            };
            let mut sheet = FastSheet::new(&xml, &parts, width, header);
            let mut rows = 0usize;
            sheet.for_each_record(|_| rows += 1).unwrap();
            prop_assert!(rows <= xml.len());
        }

        #[test]
        fn the_parts_readers_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let _ = unescape(&bytes);
            let _ = text_runs(&bytes);
            let _ = shared_strings(&bytes);
            let _ = date_styles(&bytes);
            let _ = column(&bytes);
            let _ = id_attr(&bytes);
        }
    }

    #[test]
    fn entities_columns_and_date_formats() {
        assert_eq!(
            unescape(b"A &amp; B &#x41;&#66;").as_deref(),
            Some("A & B AB")
        );
        assert_eq!(unescape(b"&bogus;"), None);
        assert_eq!(column(b"A1"), Some(0));
        assert_eq!(column(b"AB12"), Some(27));
        assert_eq!(column(b"12"), None);
        assert!(is_date_format("mmm-yy"));
        assert!(is_date_format("dd/mm/yyyy"));
        assert!(!is_date_format("0.0"));
        assert!(!is_date_format("\"days\" 0"));
        assert!(!is_date_format("[Red]0.00"));
        let mut out = Vec::new();
        date(&mut out, 45200.0).unwrap();
        assert_eq!(out, b"2023-10-01");
        assert!(date(&mut out, 45200.5).is_none());
    }
}

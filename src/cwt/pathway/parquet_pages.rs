//! The page headers of a Parquet column chunk, read before the decoder
//! does (feature `pathway-parquet`): a minimal Thrift compact-protocol
//! reader that takes from each `PageHeader` only its sizes and value
//! counts, so that a header claiming a 2 GiB page is refused before the
//! decoder allocates the page.

/// What a page header says about the page's sizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct PageSizes {
    /// Bytes of the page header itself.
    pub(super) header_len: usize,
    pub(super) uncompressed: i64,
    pub(super) compressed: i64,
    /// The values of a data or dictionary page (0 if the header has none).
    pub(super) values: i64,
}

/// Why a page header could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum HeaderError {
    /// The buffer ends inside the header.
    Short,
    /// Not a valid compact-protocol struct (bad type, nesting too deep).
    Malformed,
}

/// How deep structs and lists may nest inside a page header (a real one
/// nests 3 deep: header, statistics, ...).
const MAX_DEPTH: u32 = 16;

struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Cursor<'_> {
    fn byte(&mut self) -> Result<u8, HeaderError> {
        let b = *self.bytes.get(self.at).ok_or(HeaderError::Short)?;
        self.at = self.at.checked_add(1).ok_or(HeaderError::Malformed)?;
        Ok(b)
    }

    fn skip(&mut self, n: u64) -> Result<(), HeaderError> {
        let n = usize::try_from(n).map_err(|_| HeaderError::Short)?;
        let end = self.at.checked_add(n).ok_or(HeaderError::Short)?;
        if end > self.bytes.len() {
            return Err(HeaderError::Short);
        }
        self.at = end;
        Ok(())
    }

    fn varint(&mut self) -> Result<u64, HeaderError> {
        let mut value = 0u64;
        for shift in (0..70).step_by(7) {
            let b = self.byte()?;
            if shift >= 64 {
                return Err(HeaderError::Malformed);
            }
            value |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(HeaderError::Malformed)
    }

    fn zigzag(&mut self) -> Result<i64, HeaderError> {
        let v = self.varint()?;
        // Zigzag decoding: (v >> 1) ^ -(v & 1), without overflow.
        let half = i64::try_from(v >> 1).map_err(|_| HeaderError::Malformed)?;
        Ok(if v & 1 == 0 { half } else { !half })
    }

    /// Skips one value of compact type `kind`.
    fn skip_value(&mut self, kind: u8, depth: u32) -> Result<(), HeaderError> {
        if depth > MAX_DEPTH {
            return Err(HeaderError::Malformed);
        }
        let deeper = depth.saturating_add(1);
        match kind {
            1 | 2 => Ok(()),
            3 => self.skip(1),
            4..=6 => self.varint().map(drop),
            7 => self.skip(8),
            8 => {
                let len = self.varint()?;
                self.skip(len)
            }
            9 | 10 => {
                let head = self.byte()?;
                let mut size = u64::from(head >> 4);
                if size == 15 {
                    size = self.varint()?;
                }
                let element = head & 0x0f;
                for _ in 0..size {
                    // A list element is at least one byte: a size beyond
                    // the buffer ends here, without looping for long.
                    if self.at >= self.bytes.len() {
                        return Err(HeaderError::Short);
                    }
                    if element == 1 || element == 2 {
                        self.skip(1)?;
                    } else {
                        self.skip_value(element, deeper)?;
                    }
                }
                Ok(())
            }
            11 => {
                let size = self.varint()?;
                if size == 0 {
                    return Ok(());
                }
                let kinds = self.byte()?;
                for _ in 0..size {
                    if self.at >= self.bytes.len() {
                        return Err(HeaderError::Short);
                    }
                    self.skip_value(kinds >> 4, deeper)?;
                    self.skip_value(kinds & 0x0f, deeper)?;
                }
                Ok(())
            }
            12 => self.struct_fields(deeper, |_, _, _| Ok(false)),
            _ => Err(HeaderError::Malformed),
        }
    }

    /// Reads a struct's fields, handing each `(id, kind)` to `field`, which
    /// reads the value itself (returning `true`) or leaves it to be skipped.
    fn struct_fields(
        &mut self,
        depth: u32,
        mut field: impl FnMut(&mut Cursor<'_>, i16, u8) -> Result<bool, HeaderError>,
    ) -> Result<(), HeaderError> {
        if depth > MAX_DEPTH {
            return Err(HeaderError::Malformed);
        }
        let mut last: i16 = 0;
        loop {
            let head = self.byte()?;
            if head == 0 {
                return Ok(());
            }
            let kind = head & 0x0f;
            let delta = head >> 4;
            let id = if delta == 0 {
                i16::try_from(self.zigzag()?).map_err(|_| HeaderError::Malformed)?
            } else {
                last.checked_add(i16::from(delta))
                    .ok_or(HeaderError::Malformed)?
            };
            last = id;
            if !field(self, id, kind)? {
                self.skip_value(kind, depth)?;
            }
        }
    }

    fn int(&mut self, kind: u8) -> Result<i64, HeaderError> {
        match kind {
            4..=6 => self.zigzag(),
            _ => Err(HeaderError::Malformed),
        }
    }
}

/// Reads the page header at the start of `bytes`.
pub(super) fn page_sizes(bytes: &[u8]) -> Result<PageSizes, HeaderError> {
    let mut cursor = Cursor { bytes, at: 0 };
    let mut sizes = PageSizes::default();
    let mut seen = (false, false);
    cursor.struct_fields(0, |c, id, kind| match id {
        2 => {
            sizes.uncompressed = c.int(kind)?;
            seen.0 = true;
            Ok(true)
        }
        3 => {
            sizes.compressed = c.int(kind)?;
            seen.1 = true;
            Ok(true)
        }
        // data_page_header, dictionary_page_header, data_page_header_v2:
        // field 1 of each is num_values.
        5 | 7 | 8 if kind == 12 => {
            let mut values = 0;
            c.struct_fields(1, |c, id, kind| {
                if id == 1 {
                    values = c.int(kind)?;
                    Ok(true)
                } else {
                    Ok(false)
                }
            })?;
            sizes.values = sizes.values.max(values);
            Ok(true)
        }
        _ => Ok(false),
    })?;
    if !(seen.0 && seen.1) {
        return Err(HeaderError::Malformed);
    }
    sizes.header_len = cursor.at;
    Ok(sizes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_sizes_and_values_of_a_data_page_header() {
        // type=0 (i32 1), uncompressed=100, compressed=50, data page header
        // {num_values=7, encoding=0, def=3, rep=3}, then stop.
        let header = [
            0x15, 0x00, // field 1 i32: 0
            0x15, 0xc8, 0x01, // field 2 i32: 100
            0x15, 0x64, // field 3 i32: 50
            0x2c, // field 5 struct
            0x15, 0x0e, // num_values 7
            0x15, 0x00, 0x15, 0x06, 0x15, 0x06, 0x00, // rest, struct end
            0x00, // header end
        ];
        let sizes = page_sizes(&header).unwrap();
        assert_eq!(
            sizes,
            PageSizes {
                header_len: header.len(),
                uncompressed: 100,
                compressed: 50,
                values: 7
            }
        );
        for cut in 0..header.len() {
            assert_eq!(page_sizes(&header[..cut]), Err(HeaderError::Short), "{cut}");
        }
    }

    #[test]
    fn a_list_claiming_more_elements_than_bytes_ends_quickly() {
        // field 4 (crc, i32) is skipped; then field 6 (list) of 2^62 bytes.
        let header = [
            0x15, 0x02, 0x15, 0x02, 0x29, 0xf3, 0xff, 0xff, 0xff, 0x0f, 0x01,
        ];
        assert_eq!(page_sizes(&header), Err(HeaderError::Short));
    }
}

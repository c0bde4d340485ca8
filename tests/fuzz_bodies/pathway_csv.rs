//! The pathway CSV reader: any bytes (the first picks a column mapping)
//! give counts or a typed error, never a panic; nothing is lost: every
//! non-blank record after the header is counted or a bad record
//! (`records()`, counted independently here), each bad record carries the
//! exact line its record starts on, and no clock stop is outside the
//! window (the window grows, or the reader fails with `TableTooLarge`).

use cancer_plan::cwt::pathway::{read_pathways_csv, ColumnMapping, PathwayColumn};
use cancer_plan::cwt::PerformanceError;
use cancer_plan::CwtStandard;

/// The start line of every non-blank record after the header, by an
/// independent reading of the rules: lines end at `\n` (or at every `\r`
/// when the first line ending is a lone `\r`); a field starting with `"`
/// runs to its closing quote (`""` inside), newlines in it included.
pub fn record_lines(data: &[u8]) -> Vec<u64> {
    let cr_only = data
        .iter()
        .position(|&b| b == b'\n' || b == b'\r')
        .is_some_and(|i| data[i] == b'\r' && data.get(i + 1) != Some(&b'\n'));
    let bytes: Vec<u8> = data
        .iter()
        .map(|&b| if cr_only && b == b'\r' { b'\n' } else { b })
        .collect();
    let mut records = Vec::new(); // (start line, blank)
    let mut line = 1u64;
    let mut i = 0;
    while i < bytes.len() {
        let start_line = line;
        let start = i;
        let mut field_start = true;
        let mut quoted = false;
        while i < bytes.len() {
            let b = bytes[i];
            i += 1;
            if b == b'\n' {
                line += 1;
            }
            if quoted {
                if b == b'"' {
                    if bytes.get(i) == Some(&b'"') {
                        i += 1;
                    } else {
                        quoted = false;
                    }
                }
                continue;
            }
            match b {
                b'"' if field_start => quoted = true,
                b',' => {
                    field_start = true;
                    continue;
                }
                b'\n' => break,
                _ => {}
            }
            field_start = false;
        }
        let raw = &bytes[start..i];
        let raw = raw.strip_suffix(b"\n").unwrap_or(raw);
        records.push((start_line, raw.is_empty() || raw == b"\r"));
    }
    records
        .into_iter()
        .skip(1) // the header
        .filter(|(_, blank)| !blank)
        .map(|(line, _)| line)
        .collect()
}

/// The body: a mapping selector byte, then the file.
pub fn run(data: &[u8]) {
    let Some((&selector, file)) = data.split_first() else {
        return;
    };
    let mapping = match selector % 3 {
        0 => ColumnMapping::new(),
        1 => ColumnMapping::new()
            .with("ORG", PathwayColumn::Provider)
            .with("start", PathwayColumn::ReferralReceived),
        _ => ColumnMapping::new().with("provider", PathwayColumn::Icb),
    };
    let Ok(read) = read_pathways_csv(file, &mapping) else {
        return;
    };
    let lines = record_lines(file);
    assert_eq!(
        read.records(),
        lines.len() as u64,
        "records lost or invented"
    );
    let mut last = None;
    for bad in read.bad_rows() {
        let index = bad.record() as usize;
        assert!(last.is_none_or(|l| index > l), "bad records out of order");
        last = Some(index);
        assert_eq!(bad.line(), Some(lines[index]), "wrong line for {bad}");
        assert!(bad.to_string().len() < 400, "long message: {bad}");
    }
    for standard in CwtStandard::ALL {
        assert_eq!(
            read.counts().outside_window(standard),
            0,
            "outside the window"
        );
    }
    match read.tabulate() {
        Ok(table) => {
            for (_, _, _, p) in table.iter() {
                assert!(p.within() <= p.total());
            }
        }
        Err(PerformanceError::Overflow) => {}
        Err(other) => panic!("table failed with {other}"),
    }
}

//! Arrow batches: any text, cut into lines and fields by hand and built
//! into string (or dictionary) columns, in one or two batches, gives
//! counts or a typed error, never a panic; every row is counted or a bad
//! record; no clock stop is outside the window; and where the text is
//! plain CSV (no quote, no `\r`, every line as wide as the header) the
//! counts are the CSV reader's.

use std::sync::Arc;

use arrow_array::types::Int32Type;
use arrow_array::{ArrayRef, DictionaryArray, RecordBatch, StringArray};
use cancer_plan::cwt::pathway::{read_pathways_csv, ColumnMapping, PathwayBatches};
use cancer_plan::CwtStandard;

/// The body: a selector byte (dictionary columns, split into two
/// batches), then text.
pub fn run(data: &[u8]) {
    let Some((&selector, text)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(text) else {
        return;
    };
    let mut lines = text.split('\n');
    let Some(header) = lines.next() else {
        return;
    };
    let names: Vec<&str> = header.split(',').collect();
    let mut seen = std::collections::HashSet::new();
    if names.iter().any(|n| n.is_empty() || !seen.insert(*n)) {
        return; // Arrow needs distinct, non-empty names.
    }
    let rows: Vec<Vec<&str>> = lines
        .filter(|l| !l.is_empty())
        .map(|l| l.split(',').collect())
        .collect();
    let plain = !text.contains(['"', '\r']) && rows.iter().all(|r| r.len() == names.len());
    let rows: Vec<&Vec<&str>> = rows.iter().filter(|r| r.len() == names.len()).collect();
    let dictionary = selector & 1 == 1;
    let batch_of = |rows: &[&Vec<&str>]| {
        let columns = names.iter().enumerate().map(|(i, name)| {
            let values: Vec<Option<&str>> = rows
                .iter()
                .map(|r| Some(r[i]).filter(|v| !v.is_empty()))
                .collect();
            let array: ArrayRef = if dictionary {
                Arc::new(values.into_iter().collect::<DictionaryArray<Int32Type>>())
            } else {
                Arc::new(StringArray::from(values))
            };
            (*name, array)
        });
        RecordBatch::try_from_iter(columns)
    };
    let split = if selector & 2 == 2 {
        rows.len() / 2
    } else {
        rows.len()
    };
    let (a, b) = rows.split_at(split);
    let mut batches = PathwayBatches::new(&ColumnMapping::new());
    for part in [a, b] {
        let Ok(batch) = batch_of(part) else {
            return;
        };
        if batches.add(&batch).is_err() {
            return;
        }
    }
    let Ok(read) = batches.finish() else {
        return;
    };
    assert_eq!(read.records(), rows.len() as u64);
    for bad in read.bad_rows() {
        assert_eq!(bad.line(), None);
        assert!((bad.record() as usize) < rows.len());
    }
    for standard in CwtStandard::ALL {
        assert_eq!(read.counts().outside_window(standard), 0);
    }
    if plain && let Ok(csv) = read_pathways_csv(text.as_bytes(), &ColumnMapping::new()) {
        assert_eq!(csv.records(), read.records());
        assert_eq!(csv.bad_rows().len(), read.bad_rows().len());
        assert_eq!(csv.tabulate().ok(), read.tabulate().ok());
    }
}

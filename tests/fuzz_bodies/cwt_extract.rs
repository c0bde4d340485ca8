//! The CWT provider extract reader: any bytes give an extract or an
//! error, never a panic; nothing read is lost (every data row is a valid
//! row or a bad row with its line), and the totals can be formed.
//!
//! This drives the public reader [`read_provider_extract`], which reads NHS
//! England's published provider layout. When the layout-detecting reader
//! (the ICB sub-location layout) lands, call it here too on the same bytes:
//! each layout is a separate branch of this body.

use cancer_plan::cwt::extract::{read_provider_extract, LayoutRow};
use cancer_plan::cwt::PerformanceError;
use cancer_plan::CwtStandard;

/// The body: any bytes.
pub fn run(data: &[u8]) {
    let Ok(extract) = read_provider_extract(data) else {
        return;
    };
    // Lines as the reader counts them: a file whose first line ending is a
    // lone `\r` has CR-only endings, and then every `\r` ends a line too.
    let head = &data[..data.len().min(1 << 16)];
    let cr_only = head
        .iter()
        .position(|&b| b == b'\n' || b == b'\r')
        .is_some_and(|i| head[i] == b'\r' && head.get(i + 1) != Some(&b'\n'));
    let ends = |b: u8| b == b'\n' || (cr_only && b == b'\r');
    let total_lines = data.iter().filter(|&&b| ends(b)).count() as u64 + 1;
    assert_eq!(
        extract.rows_read(),
        extract.rows().len() + extract.bad_rows().len()
    );
    let mut last = 1;
    for row in extract.rows() {
        assert!(row.line() > last, "rows out of file order");
        assert!(row.line() <= total_lines, "row line past the end");
        assert!(row.performance().within() <= row.performance().total());
        last = row.line();
    }
    let mut last = 1;
    for bad in extract.bad_rows() {
        assert!(bad.line() > last, "bad rows out of file order");
        assert!(bad.line() <= total_lines, "bad-row line past the end");
        let _ = bad.reason().to_string();
        last = bad.line();
    }
    for standard in CwtStandard::ALL {
        let excluded = extract.excluded_by_modality_rule(standard);
        assert!(excluded <= extract.rows().len());
    }
    match extract.tabulate() {
        Ok(table) => {
            for (_, _, _, p) in table.iter() {
                assert!(p.within() <= p.total());
                let _ = p.display(2).to_string();
            }
        }
        Err(PerformanceError::Overflow) => {}
        Err(other) => panic!("aggregation failed with {other}"),
    }
}

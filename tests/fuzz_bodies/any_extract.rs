//! `read_any_extract`: any bytes give an extract of either layout or an
//! error, never a panic; every data row is a valid row or a bad row, bad
//! rows in file order with lines within the file; the totals form or
//! report `Overflow`, by code and overall alike.

use cancer_plan::cwt::extract::{read_any_extract, AnyExtract};
use cancer_plan::cwt::PerformanceError;

/// The body: any bytes.
pub fn run(data: &[u8]) {
    let Ok(extract) = read_any_extract(data) else {
        return;
    };
    let lines = data.iter().filter(|&&b| b == b'\n' || b == b'\r').count() as u64 + 1;
    let valid = match &extract {
        AnyExtract::Provider(e) => e.rows().len(),
        AnyExtract::SubIcb(e) => e.rows().len(),
        _ => panic!("another layout"),
    };
    assert_eq!(extract.rows_read(), valid + extract.bad_rows().len());
    let mut last = 1;
    for bad in extract.bad_rows() {
        assert!(bad.line() > last, "bad rows out of file order");
        assert!(bad.line() <= lines, "bad-row line past the end");
        assert!(bad.to_string().len() < 600, "long message");
        last = bad.line();
    }
    let by_code = extract.tabulate();
    if let Err(e) = &by_code {
        assert_eq!(*e, PerformanceError::Overflow);
    }
}

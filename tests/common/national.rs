//! A national-size CWT extract made from a Wessex sample: every data row
//! repeated under `org_sets` sets of organisation codes (each code with a
//! two-letter suffix, `RHM` -> `RHMAA`, `RHMAB`, ...) and `period_sets`
//! blocks of months (each block shifted `months_per_block` months later,
//! with `YEAR` and `MONTH` rewritten to agree with `PERIOD`). Shared by the
//! `cwt_national_file` example and the `extract` bench; nothing here is
//! real data beyond the sample it repeats.

/// The sample rows repeated: `org_sets` x `period_sets` copies of every
/// data row, header once. The first five columns (`PERIOD, YEAR, MONTH,
/// STANDARD` and the organisation or location code) are never quoted in
/// either published layout, so they are rewritten by splitting on commas.
pub fn replicate(
    sample: &str,
    org_sets: usize,
    period_sets: usize,
    months_per_block: i32,
) -> String {
    let mut lines = sample.lines();
    let header = lines.next().unwrap_or_default();
    let body: Vec<&str> = lines.filter(|l| !l.trim().is_empty()).collect();
    let mut out = String::with_capacity(sample.len() * org_sets * period_sets + header.len());
    out.push_str(header);
    out.push('\n');
    const MONTHS: [&str; 12] = [
        "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
    ];
    for block in 0..period_sets {
        let shift = block as i32 * months_per_block;
        for set in 0..org_sets {
            let suffix = [b'A' + (set / 26) as u8, b'A' + (set % 26) as u8];
            let suffix = std::str::from_utf8(&suffix).unwrap_or("AA");
            for line in &body {
                let mut f = line.splitn(6, ',');
                let (Some(period), Some(_), Some(_), Some(standard), Some(org), Some(rest)) =
                    (f.next(), f.next(), f.next(), f.next(), f.next(), f.next())
                else {
                    continue;
                };
                let year: i32 = period
                    .get(0..4)
                    .and_then(|y| y.parse().ok())
                    .unwrap_or(2023);
                let month: i32 = period.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1);
                let index = year * 12 + (month - 1) + shift;
                let (y, m) = (index / 12, index % 12 + 1);
                let fy = if m >= 4 { y } else { y - 1 };
                out.push_str(&format!(
                    "{y:04}-{m:02}-01,{fy}/{:02},{},{standard},{org}{suffix},{rest}\n",
                    (fy + 1) % 100,
                    MONTHS[(m - 1) as usize]
                ));
            }
        }
    }
    out
}

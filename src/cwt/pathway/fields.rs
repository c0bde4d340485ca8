//! Field parsers shared by the file readers: dates (a fast path for
//! `YYYY-MM-DD`), routes, tumour sites, ODS codes and adjustments, each
//! giving the [`BadPathwayRowReason`] of a bad field.

use super::compact::NO_DAY;
use super::{BadPathwayRowReason, PathwayColumn, Route};
use crate::tumour_site::TumourSite;

/// Day number (days from 1 January of year 1, as
/// the compact form holds them) of 1 January 1970.
pub(super) const UNIX_EPOCH_DAY: i32 = 719_163;
/// The first and last years a date may fall in.
const YEARS: std::ops::RangeInclusive<i32> = 2000..=2099;

/// Day number of 1 January 2000, the first day a date may be.
pub(super) const FIRST_DAY: i32 = 730_120;
/// Day number of 31 December 2099, the last day a date may be.
pub(super) const LAST_DAY: i32 = 766_644;

/// Field text for a message: at most its first 40 characters (then `…`),
/// the same excerpt the extract readers quote.
pub(super) use crate::util::excerpt as text;

fn trim(bytes: &[u8]) -> &[u8] {
    bytes.trim_ascii()
}

const fn is_leap(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// Days from 1 January of year 1 (day 1) of a valid civil date
/// (proleptic Gregorian; H. Hinnant's `days_from_civil`), the numbering
/// `NaiveDate::num_days_from_ce` uses.
#[inline(always)]
// Bounded: years 0 to 9999 (four digits), months 1 to 12, days 1 to 31 (Howard Hinnant's algorithm, all intermediate values within i32).
#[allow(clippy::arithmetic_side_effects)]
const fn days_from_civil(year: i32, month: u32, day: u32) -> i32 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = month as i32;
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + day as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468 + UNIX_EPOCH_DAY
}

/// `YYYY-MM-DD` as (year, month, day), checked to be a real date.
#[inline(always)]
// Bounded: each digit is 0 to 9 (checked above), so the year is at most 9999.
#[allow(clippy::arithmetic_side_effects)]
fn iso_ymd(b: &[u8]) -> Option<(i32, u32, u32)> {
    let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = *b else {
        return None;
    };
    let n = |b: u8| u32::from(b.wrapping_sub(b'0'));
    let (y0, y1, y2, y3, m0, m1, d0, d1) = (n(y0), n(y1), n(y2), n(y3), n(m0), n(m1), n(d0), n(d1));
    let bad = |d: u32| d > 9;
    if bad(y0) | bad(y1) | bad(y2) | bad(y3) | bad(m0) | bad(m1) | bad(d0) | bad(d1) {
        return None;
    }
    let year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
    let month = m0 * 10 + m1;
    let day = d0 * 10 + d1;
    let year = i32::try_from(year).ok()?;
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days_in_month)
        .contains(&day)
        .then_some((year, month, day))
}

/// A date field: blank is "not recorded" ([`NO_DAY`]); otherwise exactly
/// `YYYY-MM-DD` (surrounding space trimmed on the slow path): no sign, no
/// short month or day (`+2024-04-01` and `2024-4-1` are bad). Years
/// outside 2000 to 2099 are bad.
#[inline(always)]
pub(super) fn date(bytes: &[u8], column: PathwayColumn) -> Result<i32, BadPathwayRowReason> {
    if bytes.is_empty() {
        return Ok(NO_DAY);
    }
    if let Some((year, month, day)) = iso_ymd(bytes) {
        if YEARS.contains(&year) {
            return Ok(days_from_civil(year, month, day));
        }
        return Err(BadPathwayRowReason::DateOutOfRange {
            column,
            text: text(bytes),
        });
    }
    date_slow(bytes, column)
}

#[cold]
fn date_slow(bytes: &[u8], column: PathwayColumn) -> Result<i32, BadPathwayRowReason> {
    let t = trim(bytes);
    if t.is_empty() {
        return Ok(NO_DAY);
    }
    match iso_ymd(t) {
        Some((year, month, day)) if YEARS.contains(&year) => Ok(days_from_civil(year, month, day)),
        Some(_) => Err(BadPathwayRowReason::DateOutOfRange {
            column,
            text: text(bytes),
        }),
        None => Err(BadPathwayRowReason::UnparseableDate {
            column,
            text: text(bytes),
        }),
    }
}

/// A day number checked to lie in 2000 to 2099.
#[inline]
#[cfg_attr(not(feature = "pathway-arrow"), allow(dead_code))]
pub(super) fn date_in_range(
    day: i32,
    column: PathwayColumn,
    shown: impl FnOnce() -> String,
) -> Result<i32, BadPathwayRowReason> {
    if (FIRST_DAY..=LAST_DAY).contains(&day) {
        Ok(day)
    } else {
        Err(BadPathwayRowReason::DateOutOfRange {
            column,
            text: shown(),
        })
    }
}

/// A route code (exact on the fast path; without case otherwise).
#[inline]
pub(super) fn route(bytes: &[u8]) -> Result<Route, BadPathwayRowReason> {
    match bytes {
        b"urgent_suspected_cancer" => Ok(Route::UrgentSuspectedCancer),
        b"breast_symptomatic" => Ok(Route::BreastSymptomatic),
        b"urgent_screening" => Ok(Route::UrgentScreening),
        b"consultant_upgrade" => Ok(Route::ConsultantUpgrade),
        b"other" => Ok(Route::Other),
        _ => {
            let t = trim(bytes);
            Route::ALL
                .into_iter()
                .find(|r| r.code().as_bytes().eq_ignore_ascii_case(t))
                .ok_or_else(|| BadPathwayRowReason::UnknownRoute { text: text(bytes) })
        }
    }
}

/// A tumour site code (exact on the fast path; otherwise as
/// `TumourSite::from_str`: without case, aliases and names too).
#[inline]
pub(super) fn tumour_site(bytes: &[u8]) -> Result<TumourSite, BadPathwayRowReason> {
    let fast = match bytes {
        b"breast" => Some(TumourSite::Breast),
        b"lung" => Some(TumourSite::Lung),
        b"colorectal_lower_gi" | b"lower_gi" => Some(TumourSite::ColorectalLowerGi),
        b"upper_gi" => Some(TumourSite::UpperGi),
        b"urology" => Some(TumourSite::Urology),
        b"prostate" => Some(TumourSite::Prostate),
        b"skin" => Some(TumourSite::Skin),
        b"head_and_neck" => Some(TumourSite::HeadAndNeck),
        b"gynaecology" => Some(TumourSite::Gynaecology),
        b"haematology" => Some(TumourSite::Haematology),
        b"brain_cns" => Some(TumourSite::BrainCns),
        b"sarcoma" => Some(TumourSite::Sarcoma),
        b"childrens" => Some(TumourSite::Childrens),
        b"non_specific_symptoms" => Some(TumourSite::NonSpecificSymptoms),
        b"other" => Some(TumourSite::Other),
        _ => None,
    };
    if let Some(site) = fast {
        return Ok(site);
    }
    std::str::from_utf8(bytes)
        .ok()
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| BadPathwayRowReason::UnknownTumourSite { text: text(bytes) })
}

/// An ODS code packed into a `u128` key (at most 10 bytes, so it fits), or
/// the reason it is not an ODS code. The same rule as
/// [`OdsCode::new`](crate::org::OdsCode::new).
#[inline]
pub(super) fn ods_key(bytes: &[u8], column: PathwayColumn) -> Result<u128, BadPathwayRowReason> {
    let ok = (3..=10).contains(&bytes.len())
        && bytes
            .iter()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    if !ok {
        return Err(BadPathwayRowReason::BadOdsCode {
            column,
            text: text(bytes),
        });
    }
    let mut key = [0u8; 16];
    if let Some(dst) = key.get_mut(..bytes.len()) {
        dst.copy_from_slice(bytes);
    }
    Ok(u128::from_le_bytes(key))
}

/// An adjustment: blank is 0; whole days `0..=65535`, a zero fraction
/// (`3.0`, as exports with missing values write integers) allowed.
#[inline]
// `d - b'0'` for `d` in `b'0'..=b'9'` (the pattern).
#[allow(clippy::arithmetic_side_effects)]
pub(super) fn adjustment(bytes: &[u8], column: PathwayColumn) -> Result<u16, BadPathwayRowReason> {
    match bytes {
        [] | b"0" => return Ok(0),
        [d @ b'0'..=b'9'] => return Ok(u16::from(d - b'0')),
        _ => {}
    }
    let t = trim(bytes);
    if t.is_empty() {
        return Ok(0);
    }
    if t.first() == Some(&b'-') && t.len() > 1 {
        return Err(BadPathwayRowReason::NegativeAdjustment {
            column,
            text: text(bytes),
        });
    }
    let whole = match t.iter().position(|&b| b == b'.') {
        Some(dot) => {
            let (whole, fraction) = t.split_at(dot);
            let zeros = fraction.get(1..).unwrap_or_default();
            if whole.is_empty() || !zeros.iter().all(|&b| b == b'0') {
                return Err(non_numeric(bytes, column));
            }
            whole
        }
        None => t,
    };
    let t = whole.strip_prefix(b"+").unwrap_or(whole);
    std::str::from_utf8(t)
        .ok()
        .filter(|s| s.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|s| s.parse::<u16>().ok())
        .ok_or_else(|| non_numeric(bytes, column))
}

fn non_numeric(bytes: &[u8], column: PathwayColumn) -> BadPathwayRowReason {
    BadPathwayRowReason::NonNumericAdjustment {
        column,
        text: text(bytes),
    }
}

/// An integer adjustment (from Arrow): negative or above 65535 is bad.
#[inline]
#[cfg_attr(not(feature = "pathway-arrow"), allow(dead_code))]
pub(super) fn adjustment_from_int(
    value: i128,
    column: PathwayColumn,
) -> Result<u16, BadPathwayRowReason> {
    if value < 0 {
        return Err(BadPathwayRowReason::NegativeAdjustment {
            column,
            text: value.to_string(),
        });
    }
    u16::try_from(value).map_err(|_| BadPathwayRowReason::NonNumericAdjustment {
        column,
        text: value.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::super::compact::day_number;
    use super::*;
    use chrono::Datelike;
    use chrono::NaiveDate;

    const C: PathwayColumn = PathwayColumn::ReferralReceived;

    #[test]
    fn the_fast_date_path_agrees_with_chrono_on_every_day_it_accepts() {
        let first = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
        let last = NaiveDate::from_ymd_opt(2099, 12, 31).unwrap();
        assert_eq!((day_number(first), day_number(last)), (FIRST_DAY, LAST_DAY));
        assert_eq!(
            day_number(NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()),
            UNIX_EPOCH_DAY
        );
        let mut d = first;
        while d <= last {
            let s = d.format("%Y-%m-%d").to_string();
            assert_eq!(date(s.as_bytes(), C), Ok(d.num_days_from_ce()), "{s}");
            assert!(
                iso_ymd(s.as_bytes()).is_some(),
                "{s} must take the fast path"
            );
            d = d.succ_opt().unwrap();
        }
    }

    #[test]
    fn dates_blank_slow_bad_and_out_of_range() {
        assert_eq!(date(b"", C), Ok(NO_DAY));
        assert_eq!(date(b"  ", C), Ok(NO_DAY));
        let apr1 = NaiveDate::from_ymd_opt(2024, 4, 1)
            .unwrap()
            .num_days_from_ce();
        // Strict: no short month or day, no sign (issue 17.8: chrono's %Y
        // accepted `+2024-04-01`).
        assert!(date(b"2024-4-1", C).is_err());
        assert!(date(b"+2024-04-01", C).is_err());
        assert_eq!(date(b" 2024-04-01 ", C), Ok(apr1));
        assert_eq!(date(b" 2024-04-01 ", C), Ok(apr1));
        for bad in [
            "2024-02-30",
            "2023-02-29",
            "2024-13-01",
            "01/04/2024",
            "x",
            "2024-04-01T00:00",
        ] {
            assert!(
                matches!(
                    date(bad.as_bytes(), C),
                    Err(BadPathwayRowReason::UnparseableDate { .. })
                ),
                "{bad}"
            );
        }
        assert!(date(b"2024-02-29", C).is_ok());
        for far in ["1999-12-31", "2100-01-01", "0001-01-01"] {
            assert!(
                matches!(
                    date(far.as_bytes(), C),
                    Err(BadPathwayRowReason::DateOutOfRange { .. })
                ),
                "{far}"
            );
        }
    }

    #[test]
    fn codes_and_adjustments() {
        assert_eq!(route(b"other"), Ok(Route::Other));
        assert_eq!(route(b"Consultant_Upgrade"), Ok(Route::ConsultantUpgrade));
        assert!(route(b"2ww").is_err());
        for site in TumourSite::ALL {
            assert_eq!(tumour_site(site.code().as_bytes()), Ok(site));
        }
        assert_eq!(tumour_site(b"lower_gi"), Ok(TumourSite::ColorectalLowerGi));
        assert!(tumour_site(b"spleen").is_err());
        assert!(ods_key(b"RHM", PathwayColumn::Provider).is_ok());
        assert_ne!(
            ods_key(b"RHM", PathwayColumn::Provider),
            ods_key(b"RHM0", PathwayColumn::Provider)
        );
        for bad in ["", "rhm", "RH", "ABCDEFGHIJK", "R-M"] {
            assert!(
                ods_key(bad.as_bytes(), PathwayColumn::Provider).is_err(),
                "{bad}"
            );
        }
        let a = PathwayColumn::DnaAdjustmentDays;
        assert_eq!(adjustment(b"", a), Ok(0));
        assert_eq!(adjustment(b"7", a), Ok(7));
        assert_eq!(adjustment(b"12", a), Ok(12));
        assert_eq!(adjustment(b"3.0", a), Ok(3));
        assert_eq!(adjustment(b" 65535 ", a), Ok(65535));
        assert!(matches!(
            adjustment(b"-1", a),
            Err(BadPathwayRowReason::NegativeAdjustment { .. })
        ));
        for bad in ["x", "3.5", "65536", "1e3", ".0", "-"] {
            assert!(
                matches!(
                    adjustment(bad.as_bytes(), a),
                    Err(BadPathwayRowReason::NonNumericAdjustment { .. })
                ),
                "{bad}"
            );
        }
        assert!(adjustment_from_int(-1, a).is_err());
        assert!(adjustment_from_int(70_000, a).is_err());
        assert_eq!(adjustment_from_int(5, a), Ok(5));
    }
}

//! `PERIOD` as people write it: the ISO date NHS England's CSV conversions
//! carry, what pandas writes, what Excel shows, and the UK's day/month/year.
//! Each form names the first day of a month (a day other than the 1st is
//! refused: it would be a date, not a reporting period, and a US
//! month/day/year would read as one). The reader then checks the month
//! against `YEAR` and `MONTH`.

use crate::YearMonth;

/// The forms of `PERIOD` the extract readers accept, as shown in bad-row
/// messages. In a workbook, an Excel date cell is read as its date.
pub const PERIOD_FORMS: &str = "`2023-10-01`, `2023-10`, `2023-10-01 00:00:00` (or `T00:00:00`), `Oct-23`, `Oct-2023`, `October 2023`, `01-Oct-2023`, `01/10/2023` (day/month/year, optionally ` 00:00:00`), or an Excel date cell";

const MONTHS: [&str; 12] = [
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
];
const MONTH_NAMES: [&str; 12] = [
    "JANUARY",
    "FEBRUARY",
    "MARCH",
    "APRIL",
    "MAY",
    "JUNE",
    "JULY",
    "AUGUST",
    "SEPTEMBER",
    "OCTOBER",
    "NOVEMBER",
    "DECEMBER",
];

/// The month `bytes` names in one of [`PERIOD_FORMS`], or `None`.
pub(super) fn parse_period(bytes: &[u8]) -> Option<YearMonth> {
    let text = std::str::from_utf8(bytes).ok()?.trim();
    if text.len() > 40 {
        return None;
    }
    iso(text)
        .or_else(|| month_name(text))
        .or_else(|| day_month_year(text))
}

/// The month `name` names (`OCT`, `Oct`, `october`, any case), 1-12.
pub(super) fn month_number(name: &str) -> Option<u32> {
    MONTHS
        .iter()
        .zip(MONTH_NAMES)
        .position(|(short, long)| {
            short.eq_ignore_ascii_case(name) || long.eq_ignore_ascii_case(name)
        })
        .and_then(|i| u32::try_from(i).ok())
        .and_then(|i| i.checked_add(1))
}

/// The three-letter name of month `month` (1-12), upper case as published.
pub(super) fn month_abbreviation(month: u32) -> &'static str {
    month
        .checked_sub(1)
        .and_then(|i| MONTHS.get(i as usize))
        .copied()
        .unwrap_or_default()
}

/// A run of ASCII digits of `len` (or, with `len` 0, 1 or 2) digits.
fn digits(text: &str, lens: &[usize]) -> Option<u32> {
    (lens.contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// A year of four digits, or two (20YY).
fn year(text: &str) -> Option<i32> {
    let y = digits(text, &[2, 4])?;
    let y = if text.len() == 2 {
        y.checked_add(2000)?
    } else {
        y
    };
    i32::try_from(y).ok()
}

/// A time of day that is midnight: `00:00`, `00:00:00`, `00:00:00.000`.
fn midnight(text: &str) -> bool {
    let (hms, fraction) = text.split_once('.').unwrap_or((text, "0"));
    let zeros = |t: &str| !t.is_empty() && t.bytes().all(|b| b == b'0');
    let mut parts = hms.split(':');
    let (h, m, s) = (parts.next(), parts.next(), parts.next());
    parts.next().is_none()
        && h.is_some_and(|h| h.len() == 2 && zeros(h))
        && m.is_some_and(|m| m.len() == 2 && zeros(m))
        && s.is_none_or(|s| s.len() == 2 && zeros(s))
        && zeros(fraction)
}

/// `2023-10`, `2023-10-01`, `2023-10-01 00:00:00`, `2023-10-01T00:00:00`.
fn iso(text: &str) -> Option<YearMonth> {
    let (date, time) = match text.split_once([' ', 'T']) {
        Some((date, time)) => (date, Some(time.trim())),
        None => (text, None),
    };
    if time.is_some_and(|t| !midnight(t)) {
        return None;
    }
    let mut parts = date.split('-');
    let y = digits(parts.next()?, &[4])?;
    let m = digits(parts.next()?, &[2])?;
    match (parts.next(), time) {
        (Some(day), _) if digits(day, &[2]) != Some(1) => return None,
        (None, Some(_)) => return None,
        _ => {}
    }
    if parts.next().is_some() {
        return None;
    }
    YearMonth::new(i32::try_from(y).ok()?, m).ok()
}

/// `Oct-23`, `Oct-2023`, `Oct 2023`, `October 2023`, `01-Oct-2023`,
/// `01-Oct-23` (any case).
fn month_name(text: &str) -> Option<YearMonth> {
    let parts: Vec<&str> = text.split(['-', ' ']).filter(|p| !p.is_empty()).collect();
    let (name, y) = match parts.as_slice() {
        [name, y] => (*name, *y),
        [day, name, y] if digits(day, &[1, 2]) == Some(1) => (*name, *y),
        _ => return None,
    };
    YearMonth::new(year(y)?, month_number(name)?).ok()
}

/// `01/10/2023`, `1/10/2023`, `01/10/23`, optionally with a midnight time
/// (`01/10/2023 00:00:00`): day/month/year, as UK spreadsheets write it.
fn day_month_year(text: &str) -> Option<YearMonth> {
    let (date, time) = match text.split_once(' ') {
        Some((date, time)) => (date, Some(time.trim())),
        None => (text, None),
    };
    if time.is_some_and(|t| !midnight(t)) {
        return None;
    }
    let mut parts = date.split('/');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || digits(d, &[1, 2]) != Some(1) {
        return None;
    }
    YearMonth::new(year(y)?, digits(m, &[1, 2])?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ym(text: &str) -> Option<String> {
        parse_period(text.as_bytes()).map(|m| m.to_string())
    }

    #[test]
    fn every_accepted_form_names_october_2023() {
        for text in [
            "2023-10-01",
            "2023-10",
            " 2023-10-01 ",
            "2023-10-01 00:00:00",
            "2023-10-01T00:00:00",
            "2023-10-01 00:00",
            "2023-10-01 00:00:00.000",
            "Oct-23",
            "OCT-23",
            "oct-2023",
            "Oct 2023",
            "October 2023",
            "01-Oct-2023",
            "1-Oct-23",
            "01/10/2023",
            "1/10/2023",
            "01/10/23",
            "01/10/2023 00:00:00",
            "01/10/2023 00:00",
        ] {
            assert_eq!(ym(text).as_deref(), Some("2023-10"), "{text}");
        }
    }

    #[test]
    fn dates_that_are_not_a_months_first_day_and_other_text_are_refused() {
        for text in [
            "",
            "2023-10-02",
            "2023-10-01 12:00:00",
            "2023-10-01T",
            "2023-10 00:00:00",
            "2023-13-01",
            "23-10-01",
            "10/01/2023",
            "15/10/2023",
            "01/13/2023",
            "01/10/2023 09:30",
            "Oct",
            "Octo-23",
            "02-Oct-2023",
            "Oct-123",
            "45200",
            "2023/10/01",
            "1e3",
            "Oct-23-01",
        ] {
            assert_eq!(ym(text), None, "{text}");
        }
    }

    #[test]
    fn month_names_round_trip() {
        for m in 1..=12 {
            assert_eq!(month_number(month_abbreviation(m)), Some(m));
        }
        assert_eq!(month_number("September"), Some(9));
        assert_eq!(month_abbreviation(0), "");
        assert_eq!(month_abbreviation(13), "");
    }
}

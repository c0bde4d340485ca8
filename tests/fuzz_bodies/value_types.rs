//! Every `FromStr` value type: parsing any text gives a value or an
//! error, never a panic, and a parsed value displays as text that parses
//! back to the same value, and serialises to JSON that reads back to it.

use std::fmt::{Debug, Display};
use std::str::FromStr;

use cancer_plan::capacity::{AfcBand, Wte};
use cancer_plan::cwt::PatientCount;
use cancer_plan::{FinancialYear, Id, Money, OdsCode, Percent, Quarter, TumourSite, YearMonth};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// Parses `text` as `T`; if it parses, checks Display -> parse and JSON
/// round trips, and returns the value.
fn round_trip<T>(text: &str) -> Option<T>
where
    T: FromStr + Display + Debug + PartialEq + Serialize + DeserializeOwned,
    T::Err: Display,
{
    let value = match text.parse::<T>() {
        Ok(value) => value,
        Err(e) => {
            // Error messages are built from caller input: they must format.
            let _ = e.to_string();
            return None;
        }
    };
    let shown = value.to_string();
    match shown.parse::<T>() {
        Ok(back) => assert_eq!(
            back, value,
            "{text:?} displays as {shown:?}, which parses to another value"
        ),
        Err(e) => panic!("{text:?} displays as {shown:?}, which does not parse: {e}"),
    }
    let json = serde_json::to_string(&value).expect("a value always serialises");
    let back: T = serde_json::from_str(&json)
        .unwrap_or_else(|e| panic!("{text:?} serialises as {json}, which does not read back: {e}"));
    assert_eq!(
        back, value,
        "{text:?}: JSON {json} reads back as another value"
    );
    Some(value)
}

/// The body: the first byte picks the type (all types if it is 0xff), the
/// next four are display places for the types that have them, and the
/// rest is the text.
pub fn run(data: &[u8]) {
    let (selector, rest) = data.split_first().map_or((0xff, data), |(s, r)| (*s, r));
    let (places, rest) = match rest {
        [a, b, c, d, rest @ ..] => (u32::from_le_bytes([*a, *b, *c, *d]), rest),
        _ => (2, rest),
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let all = selector == 0xff;
    let pick = selector % 11;
    if (all || pick == 0)
        && let Some(p) = round_trip::<Percent>(text)
    {
        let shown = p.display(places).to_string();
        assert!(shown.ends_with('%'));
        let _ = p.rounded(places);
    }
    if all || pick == 1 {
        round_trip::<Money>(text);
    }
    if (all || pick == 2)
        && let Some(m) = round_trip::<YearMonth>(text)
    {
        let last = m.last_day();
        assert_eq!(
            YearMonth::from_date(last),
            m,
            "{m}: last day {last} is in another month"
        );
        assert_eq!(YearMonth::from_date(m.first_day()), m);
        assert!((28..=31).contains(&m.days()));
    }
    if all || pick == 3 {
        round_trip::<FinancialYear>(text);
    }
    if all || pick == 4 {
        round_trip::<Quarter>(text);
    }
    if all || pick == 5 {
        round_trip::<Id>(text);
    }
    if all || pick == 6 {
        round_trip::<OdsCode>(text);
    }
    if all || pick == 7 {
        round_trip::<TumourSite>(text);
    }
    if (all || pick == 8)
        && let Some(c) = round_trip::<PatientCount>(text)
    {
        assert!(c.to_f64() >= 0.0);
    }
    if all || pick == 9 {
        round_trip::<Wte>(text);
    }
    if all || pick == 10 {
        round_trip::<AfcBand>(text);
    }
}

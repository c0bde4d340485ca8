//! [`Percent`]: an exact percentage in `0..=100`.
//!
//! The crate holds shares and thresholds as *percentage points* (`80` means
//! 80%), because that is how NHS plans and standards state them. Use
//! [`Percent::as_ratio`] for the `0..=1` form.

use std::fmt;
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{ParseError, RangeError};
use crate::util::pad_number;

const WHAT: &str = "a percentage";
const EXPECTED: &str = "e.g. `80`, `80%` or `33.25%`";

fn out_of_range(points: Decimal) -> RangeError {
    RangeError::new("percentage", format_args!("{points}%"), "0%", "100%")
}

/// An exact percentage between 0% and 100% inclusive, in percentage points.
///
/// ```
/// use cancer_plan::Percent;
///
/// let fds: Percent = "80%".parse()?;
/// assert_eq!(fds.to_string(), "80%");
/// assert_eq!(fds.as_ratio().to_string(), "0.8");
/// let share: Percent = "6.998".parse()?;
/// assert_eq!(share.display(0).to_string(), "7%");
/// assert!("101".parse::<Percent>().is_err());
/// # Ok::<(), cancer_plan::error::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Percent(Decimal);

impl Percent {
    /// 0%.
    pub const ZERO: Percent = Percent(Decimal::ZERO);
    /// 100%.
    pub const HUNDRED: Percent = Percent(Decimal::ONE_HUNDRED);

    /// A percentage from percentage points (`80` is 80%).
    ///
    /// # Errors
    ///
    /// [`RangeError`] below 0 or above 100.
    pub fn new(points: Decimal) -> Result<Percent, RangeError> {
        if points < Decimal::ZERO || points > Decimal::ONE_HUNDRED {
            return Err(out_of_range(points));
        }
        Ok(Percent(points.normalize()))
    }

    /// A whole number of percentage points (`80` is 80%).
    ///
    /// # Errors
    ///
    /// [`RangeError`] above 100.
    pub fn from_points(points: u8) -> Result<Percent, RangeError> {
        Percent::new(Decimal::from(points))
    }

    /// A percentage from a ratio in `0..=1` (`0.8` is 80%).
    ///
    /// # Errors
    ///
    /// [`RangeError`] below 0 or above 1.
    pub fn from_ratio(ratio: Decimal) -> Result<Percent, RangeError> {
        let points = ratio
            .checked_mul(Decimal::ONE_HUNDRED)
            .ok_or_else(|| RangeError::new("ratio", ratio, 0, 1))?;
        Percent::new(points)
    }

    /// The percentage points (`80` for 80%), exact.
    pub fn points(self) -> Decimal {
        self.0
    }

    /// The ratio in `0..=1` (`0.8` for 80%), exact.
    // Dividing a value in 0..=100 by a non-zero constant cannot overflow.
    #[allow(clippy::arithmetic_side_effects)]
    pub fn as_ratio(self) -> Decimal {
        (self.0 / Decimal::ONE_HUNDRED).normalize()
    }

    /// The most decimal places a display shows:
    /// [`Decimal::MAX_SCALE`] (28), the most a `Decimal` holds. More would
    /// only add zeros, and a formatting precision of 65,536 or more panics
    /// inside `std`.
    pub const MAX_DISPLAY_PLACES: u32 = Decimal::MAX_SCALE;

    /// A display of this percentage rounded half away from zero to `places`
    /// decimal places (`display(0)` of 6.998% shows `7%`).
    ///
    /// `places` above [`MAX_DISPLAY_PLACES`](Self::MAX_DISPLAY_PLACES) (28)
    /// show 28: the value is exact to 28 places, so nothing is lost, and
    /// any `places` formats without a panic (std panics on a precision of
    /// 65,536 or more; the display never asks it for more than 28).
    ///
    /// ```
    /// use cancer_plan::Percent;
    /// let third: Percent = "33.33333333333333333333333333".parse()?;
    /// assert_eq!(third.display(u32::MAX).to_string(), third.display(28).to_string());
    /// # Ok::<(), cancer_plan::error::ParseError>(())
    /// ```
    pub fn display(self, places: u32) -> PercentDisplay {
        PercentDisplay {
            value: self.0,
            places: places.min(Self::MAX_DISPLAY_PLACES),
        }
    }

    /// This percentage rounded half away from zero to `places` decimal
    /// places, as printed in a table (`places` above 28 leave it exact).
    pub fn rounded(self, places: u32) -> Percent {
        Percent(
            self.0
                .round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero)
                .normalize(),
        )
    }
}

/// A [`Percent`] shown to a fixed number of decimal places; see
/// [`Percent::display`].
#[derive(Debug, Clone, Copy)]
pub struct PercentDisplay {
    value: Decimal,
    places: u32,
}

impl fmt::Display for PercentDisplay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let rounded = self
            .value
            .round_dp_with_strategy(self.places, RoundingStrategy::MidpointAwayFromZero);
        // At most MAX_DISPLAY_PLACES (28) by construction in
        // `Percent::display`: far below std's precision limit of 65,535.
        let places = usize::try_from(self.places.min(Percent::MAX_DISPLAY_PLACES)).unwrap_or(0);
        pad_number(f, format_args!("{rounded:.places$}%"))
    }
}

impl fmt::Display for Percent {
    /// The exact value with a `%` sign (`80%`, `6.998%`); a width pads it,
    /// right-aligned unless the format says otherwise.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        pad_number(f, format_args!("{}%", self.0))
    }
}

impl FromStr for Percent {
    type Err = ParseError;

    /// Accepts `80`, `80%`, ` 33.25 % `.
    fn from_str(text: &str) -> Result<Percent, ParseError> {
        let trimmed = text.trim();
        let number = trimmed.strip_suffix('%').unwrap_or(trimmed).trim_end();
        let points =
            Decimal::from_str_exact(number).map_err(|_| ParseError::new(WHAT, text, EXPECTED))?;
        Percent::new(points).map_err(|range| ParseError::out_of_range(WHAT, text, range))
    }
}

impl TryFrom<Decimal> for Percent {
    type Error = RangeError;
    fn try_from(points: Decimal) -> Result<Percent, RangeError> {
        Percent::new(points)
    }
}

impl Serialize for Percent {
    /// Percentage points as a decimal string (`"80"`, `"6.998"`).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Percent {
    /// Accepts a string such as `"80"` or `"80%"`, or a JSON integer.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Percent, D::Error> {
        deserializer.deserialize_any(PercentVisitor)
    }
}

struct PercentVisitor;

impl serde::de::Visitor<'_> for PercentVisitor {
    type Value = Percent;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("percentage points as a decimal string such as \"80\"")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Percent, E> {
        v.parse().map_err(E::custom)
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Percent, E> {
        Percent::new(Decimal::from(v)).map_err(E::custom)
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Percent, E> {
        Percent::new(Decimal::from(v)).map_err(E::custom)
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Percent, E> {
        Err(E::custom(format_args!(
            "a percentage must be a decimal string, not the float {v}"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn range_is_inclusive() {
        assert!(Percent::new(Decimal::ZERO).is_ok());
        assert!(Percent::new(Decimal::ONE_HUNDRED).is_ok());
        assert!(Percent::new(Decimal::new(-1, 2)).is_err());
        assert!(Percent::new(Decimal::new(10001, 2)).is_err());
    }

    #[test]
    fn displays_to_chosen_places() {
        let p: Percent = "71.0703".parse().unwrap();
        assert_eq!(p.display(2).to_string(), "71.07%");
        assert_eq!(p.display(0).to_string(), "71%");
        assert_eq!(
            "12.5".parse::<Percent>().unwrap().display(0).to_string(),
            "13%"
        );
        assert_eq!(Percent::HUNDRED.display(1).to_string(), "100.0%");
    }

    #[test]
    fn huge_places_clamp_instead_of_panicking() {
        // A formatting precision of 65,536 or more panicked inside std
        // ("Formatting argument out of range").
        let p: Percent = "71.0703".parse().unwrap();
        for places in [29, 65_535, 65_536, u32::MAX] {
            assert_eq!(p.display(places).to_string(), p.display(28).to_string());
        }
        assert_eq!(
            p.display(28).to_string(),
            "71.0703000000000000000000000000%"
        );
        assert_eq!(p.rounded(u32::MAX), p);
    }

    #[test]
    fn ratio_round_trip() {
        let p = Percent::from_ratio(Decimal::new(85, 2)).unwrap();
        assert_eq!(p, Percent::from_points(85).unwrap());
        assert_eq!(p.as_ratio(), Decimal::new(85, 2));
    }

    #[test]
    fn serde_is_exact() {
        let p: Percent = "6.998".parse().unwrap();
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(json, "\"6.998\"");
        assert_eq!(serde_json::from_str::<Percent>(&json).unwrap(), p);
        assert!(serde_json::from_str::<Percent>("\"101\"").is_err());
    }
}

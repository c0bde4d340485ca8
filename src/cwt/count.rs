//! [`PatientCount`]: a number of patients that can hold halves exactly.

use std::fmt;
use std::iter::Sum;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Why a value is not a [`PatientCount`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PatientCountError {
    /// The text is not a number.
    #[error("`{text}` is not a count of patients (expected e.g. `12` or `8.5`)")]
    Syntax {
        /// The text that failed to parse.
        text: String,
    },
    /// Negative, or not a multiple of one half.
    #[error("`{value}` is not a count of patients (counts are whole or half patients, >= 0)")]
    NotAHalf {
        /// The offending value.
        value: Decimal,
    },
    /// A sum went beyond the range of the count.
    #[error("patient count overflowed")]
    Overflow,
}

/// A number of patients, whole or half, held exactly as a count of half
/// patients in a `u64` (8 bytes, `Copy`, exact addition).
///
/// NHS England's CWT extracts publish halves: a pathway shared between two
/// trusts counts half to each. Published counts such as `24371.5` therefore
/// survive any aggregation exactly; there is no floating point.
///
/// ```
/// use cancer_plan::cwt::PatientCount;
/// let a: PatientCount = "8.5".parse()?;
/// let b: PatientCount = "1.5".parse()?;
/// assert_eq!(a.checked_add(b).ok_or("overflow")?.to_string(), "10");
/// assert_eq!(PatientCount::from_halves(3).to_string(), "1.5");
/// assert!("0.25".parse::<PatientCount>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PatientCount {
    halves: u64,
}

impl PatientCount {
    /// No patients.
    pub const ZERO: PatientCount = PatientCount { halves: 0 };

    /// `n` whole patients.
    // A u32 doubled fits a u64.
    #[allow(clippy::arithmetic_side_effects)]
    pub const fn whole(n: u32) -> PatientCount {
        PatientCount {
            halves: n as u64 * 2,
        }
    }

    /// `halves` half patients (`3` is 1.5 patients).
    pub const fn from_halves(halves: u64) -> PatientCount {
        PatientCount { halves }
    }

    /// The count in half patients.
    pub const fn halves(self) -> u64 {
        self.halves
    }

    /// Whether the count is a whole number of patients.
    pub const fn is_whole(self) -> bool {
        self.halves.is_multiple_of(2)
    }

    /// Whether the count is zero.
    pub const fn is_zero(self) -> bool {
        self.halves == 0
    }

    /// The count as an exact decimal (`8.5`).
    // Bounded: at most 2^63 plus a half, far inside `Decimal`'s 96-bit range.
    #[allow(clippy::arithmetic_side_effects)]
    pub fn to_decimal(self) -> Decimal {
        let whole = Decimal::from(self.halves / 2);
        if self.is_whole() {
            whole
        } else {
            whole + Decimal::new(5, 1)
        }
    }

    /// The count as a decimal: exact if whole or half, else an error.
    ///
    /// # Errors
    ///
    /// [`PatientCountError::NotAHalf`] for a negative value or one that is not
    /// a whole or half number; [`PatientCountError::Overflow`] beyond the range.
    pub fn from_decimal(value: Decimal) -> Result<PatientCount, PatientCountError> {
        let twice = value
            .checked_mul(Decimal::TWO)
            .ok_or(PatientCountError::Overflow)?;
        if value.is_sign_negative() && !value.is_zero() || !twice.fract().is_zero() {
            return Err(PatientCountError::NotAHalf { value });
        }
        let halves = u64::try_from(twice.trunc()).map_err(|_| PatientCountError::Overflow)?;
        Ok(PatientCount { halves })
    }

    /// `self + other`, `None` on overflow.
    pub const fn checked_add(self, other: PatientCount) -> Option<PatientCount> {
        match self.halves.checked_add(other.halves) {
            Some(halves) => Some(PatientCount { halves }),
            None => None,
        }
    }

    /// `self - other`, `None` if `other` is larger.
    pub const fn checked_sub(self, other: PatientCount) -> Option<PatientCount> {
        match self.halves.checked_sub(other.halves) {
            Some(halves) => Some(PatientCount { halves }),
            None => None,
        }
    }

    /// The sum of counts, `Err(Overflow)` on overflow.
    ///
    /// # Errors
    ///
    /// [`PatientCountError::Overflow`] if the sum leaves the range of a `u64`
    /// count of halves.
    pub fn checked_sum(
        counts: impl IntoIterator<Item = PatientCount>,
    ) -> Result<PatientCount, PatientCountError> {
        counts
            .into_iter()
            .try_fold(PatientCount::ZERO, |acc, c| acc.checked_add(c))
            .ok_or(PatientCountError::Overflow)
    }

    /// The count as `f64`, exact below 2^53 half patients. For interval
    /// arithmetic only; counts themselves stay exact.
    pub fn to_f64(self) -> f64 {
        self.halves as f64 / 2.0
    }
}

impl Sum<PatientCount> for Result<PatientCount, PatientCountError> {
    fn sum<I: Iterator<Item = PatientCount>>(iter: I) -> Self {
        PatientCount::checked_sum(iter)
    }
}

impl From<u32> for PatientCount {
    fn from(n: u32) -> PatientCount {
        PatientCount::whole(n)
    }
}

impl fmt::Display for PatientCount {
    /// `12`, `8.5`: whole counts without a decimal point. A width pads it,
    /// right-aligned unless the format says otherwise.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let whole = self.halves / 2;
        if self.is_whole() {
            crate::util::pad_number(f, format_args!("{whole}"))
        } else {
            crate::util::pad_number(f, format_args!("{whole}.5"))
        }
    }
}

impl FromStr for PatientCount {
    type Err = PatientCountError;

    /// Accepts `12`, `8.5`, `8.50`, ` 3 `; rejects `0.25`, `-1`, `1e3`.
    fn from_str(text: &str) -> Result<PatientCount, PatientCountError> {
        let value =
            Decimal::from_str_exact(text.trim()).map_err(|_| PatientCountError::Syntax {
                text: text.to_owned(),
            })?;
        PatientCount::from_decimal(value)
    }
}

impl Serialize for PatientCount {
    /// As a decimal string (`"8.5"`).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PatientCount {
    /// From a decimal string such as `"8.5"`.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<PatientCount, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parses_halves_exactly() {
        let c: PatientCount = "24371.5".parse().unwrap();
        assert_eq!(c.halves(), 48743);
        assert_eq!(c.to_string(), "24371.5");
        assert_eq!(c.to_decimal(), Decimal::new(243715, 1));
        assert_eq!("8.50".parse::<PatientCount>().unwrap().halves(), 17);
        assert_eq!("0".parse::<PatientCount>().unwrap(), PatientCount::ZERO);
        for bad in ["0.25", "-1", "x", "", "1e3", "1.4"] {
            assert!(bad.parse::<PatientCount>().is_err(), "{bad}");
        }
    }

    #[test]
    fn arithmetic_is_checked() {
        let max = PatientCount::from_halves(u64::MAX);
        assert!(max.checked_add(PatientCount::whole(1)).is_none());
        assert!(PatientCount::ZERO
            .checked_sub(PatientCount::from_halves(1))
            .is_none());
        let sum: Result<PatientCount, _> = ["0.5", "0.5", "1.5"]
            .iter()
            .map(|s| s.parse::<PatientCount>().unwrap())
            .sum();
        assert_eq!(sum.unwrap().to_string(), "2.5");
    }

    proptest! {
        #[test]
        fn display_parse_round_trip(halves in 0u64..u64::MAX / 4) {
            let c = PatientCount::from_halves(halves);
            prop_assert_eq!(c.to_string().parse::<PatientCount>().unwrap(), c);
            prop_assert_eq!(PatientCount::from_decimal(c.to_decimal()).unwrap(), c);
        }

        #[test]
        fn sums_of_halves_are_exact(parts in proptest::collection::vec(0u64..1_000_000, 0..50)) {
            let total: u64 = parts.iter().sum();
            let sum = PatientCount::checked_sum(parts.iter().map(|&h| PatientCount::from_halves(h))).unwrap();
            prop_assert_eq!(sum.halves(), total);
        }
    }
}

//! [`Tolerance`]: how far apart two figures may be and still count as
//! rounding. Always explicit and named: there is no hidden epsilon.

use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::{money::Money, money::MoneyUnit};

/// How far apart an expected and an actual figure may be and still be
/// called rounding ("within tolerance") rather than a real gap.
///
/// A difference of exactly zero is never a finding, whatever the tolerance.
///
/// ```
/// use cancer_plan::budget::Tolerance;
/// use cancer_plan::{Money, MoneyUnit};
/// let t = Tolerance::DisplayPrecision { unit: MoneyUnit::Pound, share_places: 0 };
/// assert_eq!(t.to_string(), "display precision (figures to the pound, shares to 0 places)");
/// assert_eq!(Tolerance::Absolute { amount: Money::from_pounds(5) }.to_string(), "absolute £5");
/// let json = serde_json::to_string(&Tolerance::Absolute { amount: Money::from_pounds(5) })?;
/// assert_eq!(json, r#"{"absolute":{"amount":"5"}}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", try_from = "ToleranceFields")]
pub enum Tolerance {
    /// Any difference at all is a real gap.
    Exact,
    /// A money difference up to this amount (inclusive) is rounding; a
    /// share difference counts as its money equivalent (points × total /
    /// 100). A tolerance is a distance: a negative amount is refused when
    /// read from JSON, and its magnitude is used if one is built in code.
    Absolute {
        /// The largest difference that is rounding.
        amount: Money,
    },
    /// Inferred from how the figures are printed, in the spirit of
    /// Beancount's inferred tolerance: each printed figure may be off by
    /// half of its last digit, and a comparison is allowed the sum of those
    /// half-units over every figure it involves.
    ///
    /// - money figures are printed to `unit`: each may be off by half a
    ///   unit (£0.50 when printed to the pound); `n` lines against their
    ///   area's budget are allowed `(n + 1) × ½ unit`;
    /// - shares are printed to `share_places` decimal places of a percent:
    ///   each may be off by half of that (±0.5 points for whole percents);
    ///   a guide spend against share × total is allowed
    ///   `½ unit + total × ½ share digit / 100`;
    /// - a budget against its guide spend is allowed `2 × ½ unit` (both
    ///   printed): a variance beyond that is a real over- or under-spend.
    DisplayPrecision {
        /// The unit money figures are printed to.
        unit: MoneyUnit,
        /// The decimal places shares are printed to (0 for whole percents).
        share_places: u32,
    },
}

/// The unchecked serde form of a [`Tolerance`]: reading one goes through
/// [`TryFrom`], which refuses a negative absolute amount.
#[derive(Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
enum ToleranceFields {
    Exact,
    Absolute { amount: Money },
    DisplayPrecision { unit: MoneyUnit, share_places: u32 },
}

impl TryFrom<ToleranceFields> for Tolerance {
    type Error = String;
    fn try_from(fields: ToleranceFields) -> Result<Tolerance, String> {
        Ok(match fields {
            ToleranceFields::Exact => Tolerance::Exact,
            ToleranceFields::Absolute { amount } if amount.is_negative() => {
                return Err(format!(
                    "absolute.amount: `{amount}` must not be negative (a tolerance is a distance)"
                ))
            }
            ToleranceFields::Absolute { amount } => Tolerance::Absolute { amount },
            ToleranceFields::DisplayPrecision { unit, share_places } => {
                Tolerance::DisplayPrecision { unit, share_places }
            }
        })
    }
}

impl Tolerance {
    /// The precision of the 2024/25 tables: figures to the pound, shares to
    /// whole percents.
    pub const PRINTED_TABLES: Tolerance = Tolerance::DisplayPrecision {
        unit: MoneyUnit::Pound,
        share_places: 0,
    };

    /// Half of one printed money unit; zero when not display precision.
    // Division by the constant two cannot overflow or divide by zero.
    #[allow(clippy::arithmetic_side_effects)]
    fn half_unit(self) -> Decimal {
        match self {
            Tolerance::DisplayPrecision { unit, .. } => unit.as_money().to_decimal() / Decimal::TWO,
            _ => Decimal::ZERO,
        }
    }

    /// Half the last printed digit of a share, in percentage points.
    fn half_share_digit(self) -> Decimal {
        match self {
            Tolerance::DisplayPrecision { share_places, .. } => {
                Decimal::new(5, share_places.min(27).saturating_add(1))
            }
            _ => Decimal::ZERO,
        }
    }

    /// The allowance, in pounds, for a sum of `figures` printed money
    /// figures compared with one more.
    pub(crate) fn for_sum(self, figures: usize) -> Decimal {
        match self {
            Tolerance::Exact => Decimal::ZERO,
            Tolerance::Absolute { amount } => amount.abs().to_decimal(),
            Tolerance::DisplayPrecision { .. } => {
                let n = Decimal::from(figures).saturating_add(Decimal::ONE);
                n.saturating_mul(self.half_unit())
            }
        }
    }

    /// The allowance, in pounds, for a figure derived from a printed share
    /// of `total` compared with a printed figure.
    // Division by the constant one hundred cannot overflow or divide by zero.
    #[allow(clippy::arithmetic_side_effects)]
    pub(crate) fn for_share_of(self, total: Money) -> Decimal {
        match self {
            Tolerance::Exact => Decimal::ZERO,
            Tolerance::Absolute { amount } => amount.abs().to_decimal(),
            Tolerance::DisplayPrecision { .. } => {
                let share_part = total.to_decimal().saturating_mul(self.half_share_digit())
                    / Decimal::ONE_HUNDRED;
                self.half_unit().saturating_add(share_part)
            }
        }
    }

    /// The allowance, in percentage points, for a printed share compared
    /// with the exact share of `total`.
    pub(crate) fn for_share_points(self, total: Money) -> Decimal {
        match self {
            Tolerance::Exact => Decimal::ZERO,
            Tolerance::Absolute { amount } => {
                if total.is_zero() {
                    Decimal::ZERO
                } else {
                    amount
                        .abs()
                        .to_decimal()
                        .saturating_mul(Decimal::ONE_HUNDRED)
                        .checked_div(total.to_decimal())
                        .unwrap_or(Decimal::ZERO)
                }
            }
            Tolerance::DisplayPrecision { .. } => self.half_share_digit(),
        }
    }
}

impl fmt::Display for Tolerance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Tolerance::Exact => f.write_str("exact"),
            Tolerance::Absolute { amount } => write!(f, "absolute {amount}"),
            Tolerance::DisplayPrecision { unit, share_places } => {
                let unit = match unit {
                    MoneyUnit::Penny => "penny",
                    MoneyUnit::Pound => "pound",
                };
                write!(
                    f,
                    "display precision (figures to the {unit}, shares to {share_places} places)"
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allowances() {
        let t = Tolerance::PRINTED_TABLES;
        assert_eq!(t.for_sum(5), Decimal::from(3));
        assert_eq!(
            t.for_share_of(Money::from_pounds(12_191_000)),
            "60955.5".parse::<Decimal>().unwrap()
        );
        assert_eq!(t.for_share_points(Money::ZERO), Decimal::new(5, 1));
        assert_eq!(Tolerance::Exact.for_sum(100), Decimal::ZERO);
        let abs = Tolerance::Absolute {
            amount: Money::from_pounds(100),
        };
        assert_eq!(
            abs.for_share_points(Money::from_pounds(10_000)),
            Decimal::ONE
        );
    }

    #[test]
    fn a_negative_absolute_tolerance_is_refused_or_read_as_its_magnitude() {
        assert!(serde_json::from_str::<Tolerance>(r#"{"absolute":{"amount":"-5"}}"#).is_err());
        let read: Tolerance = serde_json::from_str(r#"{"absolute":{"amount":"5"}}"#).unwrap();
        assert_eq!(read.for_sum(1), Decimal::from(5));
        let built = Tolerance::Absolute {
            amount: Money::from_pounds(-5),
        };
        assert_eq!(built.for_sum(1), Decimal::from(5));
        assert_eq!(
            serde_json::from_str::<Tolerance>(r#""exact""#).unwrap(),
            Tolerance::Exact
        );
    }
}

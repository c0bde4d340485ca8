//! [`apportion`]: exact largest-remainder (Hamilton) apportionment of an
//! amount by weights.

use rust_decimal::Decimal;

use crate::{Money, MoneyUnit};

/// Why an amount could not be apportioned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ApportionError {
    /// No weights were given.
    #[error("no weights to apportion by")]
    NoWeights,
    /// Every weight is zero: there is nothing to apportion by.
    #[error("every weight is zero: nothing to apportion by")]
    AllZeroWeights,
    /// A weight is below zero.
    #[error("weights[{index}]: `{weight}` must not be negative")]
    NegativeWeight {
        /// Its position in the weights.
        index: usize,
        /// The weight.
        weight: Decimal,
    },
    /// The total is below zero.
    #[error("total `{total}` must not be negative")]
    NegativeTotal {
        /// The total.
        total: Money,
    },
    /// The total is not a whole number of the unit apportioned to.
    #[error("total `{total}` is not a whole number of {}", .unit.plural())]
    NotWholeUnits {
        /// The total.
        total: Money,
        /// The unit.
        unit: MoneyUnit,
    },
    /// The exact arithmetic does not fit 128-bit integers (weights with
    /// very many decimal places, or an astronomically large total).
    #[error("apportionment arithmetic overflowed")]
    Overflow,
}

/// Splits `total` into parts proportional to `weights`, in whole `unit`s,
/// by the largest-remainder (Hamilton) method.
///
/// Guarantees, for `Ok(parts)`:
/// - `parts.len() == weights.len()` and the parts add up to `total` exactly;
/// - each part is the floor or the ceiling (in `unit`s) of its exact quota
///   `total × weight / Σ weights`;
/// - a zero weight gets nothing;
/// - the result depends only on the inputs (deterministic).
///
/// Method: every part first gets the floor of its quota; the units left over
/// (fewer than the number of weights) go one each to the parts with the
/// largest remainders. **Ties** between equal remainders go to the part
/// that comes **first** in `weights`. Quotas and remainders are computed in
/// exact integer arithmetic (no rounded division).
///
/// Errors: no weights, a negative weight, all weights zero, a negative
/// total, a total that is not a whole number of `unit`s (apportioning
/// £10.50 to the pound), or arithmetic beyond 128-bit integers.
///
/// ```
/// use cancer_plan::budget::apportion;
/// use cancer_plan::{Money, MoneyUnit};
/// use rust_decimal::Decimal;
///
/// // The 2024/25 envelope split by the printed whole-percent shares.
/// let shares = [7, 48, 33, 12].map(Decimal::from);
/// let parts = apportion(Money::from_pounds(12_191_000), &shares, MoneyUnit::Pound)?;
/// assert_eq!(parts, [853_370, 5_851_680, 4_023_030, 1_462_920].map(Money::from_pounds));
///
/// // £100 three ways: 33.33.., the first gets the spare penny.
/// let thirds = apportion(Money::from_pounds(100), &[Decimal::ONE; 3], MoneyUnit::Penny)?;
/// assert_eq!(thirds, [3_334, 3_333, 3_333].map(Money::from_pence));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// An [`ApportionError`]: no weights, all weights zero, a negative weight
/// (by index), a negative total, a total that is not a whole number of
/// `unit`s, or overflow.
pub fn apportion(
    total: Money,
    weights: &[Decimal],
    unit: MoneyUnit,
) -> Result<Vec<Money>, ApportionError> {
    if weights.is_empty() {
        return Err(ApportionError::NoWeights);
    }
    if total.is_negative() {
        return Err(ApportionError::NegativeTotal { total });
    }
    if let Some((index, weight)) = weights
        .iter()
        .enumerate()
        .find(|(_, w)| w.is_sign_negative() && !w.is_zero())
    {
        return Err(ApportionError::NegativeWeight {
            index,
            weight: *weight,
        });
    }
    let units = total_in_units(total, unit)?;
    let scaled = common_scale(weights)?;
    let sum = scaled
        .iter()
        .try_fold(0i128, |acc, w| acc.checked_add(*w))
        .ok_or(ApportionError::Overflow)?;
    if sum == 0 {
        return Err(ApportionError::AllZeroWeights);
    }
    let mut parts = Vec::with_capacity(scaled.len());
    let mut remainders = Vec::with_capacity(scaled.len());
    let mut given = 0i128;
    for (index, w) in scaled.iter().enumerate() {
        let numerator = units.checked_mul(*w).ok_or(ApportionError::Overflow)?;
        let floor = numerator / sum;
        parts.push(floor);
        remainders.push((numerator % sum, index));
        given += floor;
    }
    // Largest remainder first; equal remainders: earlier weight first.
    remainders.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let leftover = usize::try_from(units - given).map_err(|_| ApportionError::Overflow)?;
    for (_, index) in remainders.iter().take(leftover) {
        if let Some(part) = parts.get_mut(*index) {
            *part += 1;
        }
    }
    parts
        .into_iter()
        .map(|p| {
            Decimal::try_from_i128_with_scale(p, unit.decimal_places())
                .map_err(|_| ApportionError::Overflow)
                .and_then(|d| Money::new(d).map_err(|_| ApportionError::Overflow))
        })
        .collect()
}

/// The total as a whole number of `unit`s.
fn total_in_units(total: Money, unit: MoneyUnit) -> Result<i128, ApportionError> {
    use rust_decimal::prelude::ToPrimitive;
    let scaled = total
        .to_decimal()
        .checked_mul(Decimal::from(10i64.pow(unit.decimal_places())))
        .ok_or(ApportionError::Overflow)?;
    if !scaled.fract().is_zero() {
        return Err(ApportionError::NotWholeUnits { total, unit });
    }
    scaled.to_i128().ok_or(ApportionError::Overflow)
}

/// The weights as integers at their largest common scale.
fn common_scale(weights: &[Decimal]) -> Result<Vec<i128>, ApportionError> {
    let scale = weights
        .iter()
        .map(|w| w.normalize().scale())
        .max()
        .unwrap_or(0);
    weights
        .iter()
        .map(|w| {
            let w = w.normalize();
            let factor = 10i128
                .checked_pow(scale - w.scale())
                .ok_or(ApportionError::Overflow)?;
            w.mantissa()
                .checked_mul(factor)
                .ok_or(ApportionError::Overflow)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn errors() {
        let t = Money::from_pounds(10);
        assert_eq!(
            apportion(t, &[], MoneyUnit::Pound),
            Err(ApportionError::NoWeights)
        );
        assert_eq!(
            apportion(t, &[Decimal::ZERO, Decimal::ZERO], MoneyUnit::Pound),
            Err(ApportionError::AllZeroWeights)
        );
        assert!(matches!(
            apportion(t, &[Decimal::ONE, d("-0.5")], MoneyUnit::Pound),
            Err(ApportionError::NegativeWeight { index: 1, .. })
        ));
        assert!(matches!(
            apportion(Money::from_pence(1050), &[Decimal::ONE], MoneyUnit::Pound),
            Err(ApportionError::NotWholeUnits { .. })
        ));
        assert!(matches!(
            apportion(Money::from_pounds(-1), &[Decimal::ONE], MoneyUnit::Pound),
            Err(ApportionError::NegativeTotal { .. })
        ));
    }

    #[test]
    fn zero_weight_gets_nothing_and_ties_go_first() {
        let parts = apportion(
            Money::from_pounds(5),
            &[Decimal::ONE, Decimal::ZERO, Decimal::ONE],
            MoneyUnit::Pound,
        )
        .unwrap();
        assert_eq!(parts, [3, 0, 2].map(Money::from_pounds));
    }

    #[test]
    fn mixed_scales_are_exact() {
        let parts = apportion(
            Money::from_pounds(1),
            &[d("0.333"), d("1"), d("2.5")],
            MoneyUnit::Penny,
        )
        .unwrap();
        let sum: Result<Money, _> = parts.iter().sum();
        assert_eq!(sum, Ok(Money::from_pounds(1)));
        // quotas: 8.68.., 26.08.., 65.23.. pence; leftover 1p to the largest remainder (0.68).
        assert_eq!(parts, [9, 26, 65].map(Money::from_pence));
    }
}

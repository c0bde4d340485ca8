//! [`apportion`]: exact largest-remainder (Hamilton) apportionment of an
//! amount by weights.

use rust_decimal::Decimal;

use crate::{money::Money, money::MoneyUnit};

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
/// Every total up to [`MAX_AMOUNT_POUNDS`](super::MAX_AMOUNT_POUNDS)
/// (£10^15) apportions exactly by any weights that fit a common scale in
/// 128 bits (quotas beyond `i128` are computed in 256 bits).
///
/// # Errors
///
/// No weights, a negative weight, all weights zero, a negative total, a
/// total that is not a whole number of `unit`s (apportioning £10.50 to the
/// pound), or [`ApportionError::Overflow`]: weights whose common scale does
/// not fit 128-bit integers (a weight of 10^28 beside one of 10^-28), or a
/// total beyond £10^15 so large that its parts do not fit.
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
        let (floor, remainder) = quota(units, *w, sum).ok_or(ApportionError::Overflow)?;
        parts.push(floor);
        remainders.push((remainder, index));
        given = given.checked_add(floor).ok_or(ApportionError::Overflow)?;
    }
    // Largest remainder first; equal remainders: earlier weight first.
    remainders.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let leftover = units
        .checked_sub(given)
        .and_then(|n| usize::try_from(n).ok())
        .ok_or(ApportionError::Overflow)?;
    for (_, index) in remainders.iter().take(leftover) {
        if let Some(part) = parts.get_mut(*index) {
            *part = part.checked_add(1).ok_or(ApportionError::Overflow)?;
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

/// `units × weight ÷ sum` as (floor, remainder), exactly, for `units >= 0`
/// and `0 <= weight <= sum`, `sum > 0`: in `i128` when the product fits,
/// else in 256 bits (£10^15 in pence is 10^17; a weight of 28 significant
/// digits is up to 7.9 × 10^28, so the product can reach 10^46, beyond
/// `i128`). The floor is at most `units`, so it always fits. `None` only if
/// the preconditions fail.
fn quota(units: i128, weight: i128, sum: i128) -> Option<(i128, i128)> {
    if let Some(product) = units.checked_mul(weight) {
        return Some((product.checked_div(sum)?, product.checked_rem(sum)?));
    }
    let divisor = u128::try_from(sum).ok()?;
    let (high, low) = mul_wide(u128::try_from(units).ok()?, u128::try_from(weight).ok()?);
    let (floor, remainder) = div_wide(high, low, divisor)?;
    Some((i128::try_from(floor).ok()?, i128::try_from(remainder).ok()?))
}

/// `a × b` as a 256-bit `(high, low)` pair.
// Bounded by construction: every operand is a 64-bit half, so each partial
// product is below 2^128, and `middle` sums three values below 2^64.
#[allow(clippy::arithmetic_side_effects)]
fn mul_wide(a: u128, b: u128) -> (u128, u128) {
    const HALF: u128 = u64::MAX as u128;
    let (a1, a0) = (a >> 64, a & HALF);
    let (b1, b0) = (b >> 64, b & HALF);
    let (p00, p01, p10, p11) = (a0 * b0, a0 * b1, a1 * b0, a1 * b1);
    let middle = (p00 >> 64) + (p01 & HALF) + (p10 & HALF);
    let low = (p00 & HALF) | (middle << 64);
    let high = p11 + (p01 >> 64) + (p10 >> 64) + (middle >> 64);
    (high, low)
}

/// The 256-bit `(high, low)` divided by `divisor`, as (quotient,
/// remainder), by binary long division; `None` if the quotient would not
/// fit 128 bits (`high >= divisor`) or `divisor` is zero.
fn div_wide(high: u128, low: u128, divisor: u128) -> Option<(u128, u128)> {
    if divisor == 0 || high >= divisor {
        return None;
    }
    let (mut remainder, mut quotient) = (high, 0u128);
    for bit in (0..128).rev() {
        // The remainder stays below `divisor`; shifted left it may need a
        // 129th bit, kept in `carry`.
        let carry = remainder >> 127 == 1;
        remainder = (remainder << 1) | ((low >> bit) & 1);
        quotient <<= 1;
        if carry || remainder >= divisor {
            // With the carry, the true value is 2^128 + remainder, and the
            // difference is below `divisor`: the wrap gives it exactly.
            remainder = remainder.wrapping_sub(divisor);
            quotient |= 1;
        }
    }
    Some((quotient, remainder))
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
            let factor = scale
                .checked_sub(w.scale())
                .and_then(|places| 10i128.checked_pow(places))
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
    fn every_amount_up_to_the_limit_apportions_exactly() {
        // apportion(£10^15, [1/3; 3], Penny) returned Overflow: 10^17 pence
        // x a 28-digit weight is beyond i128.
        let third = Decimal::ONE / Decimal::from(3);
        let limit = Money::from_pounds(crate::budget::MAX_AMOUNT_POUNDS);
        let parts = apportion(limit, &[third; 3], MoneyUnit::Penny).unwrap();
        assert_eq!(
            parts,
            [
                Money::from_pence(33_333_333_333_333_334),
                Money::from_pence(33_333_333_333_333_333),
                Money::from_pence(33_333_333_333_333_333),
            ]
        );
        // Unequal 28-digit weights, checked by hand: quotas
        // 33,333,333,333,333,333.33 and 66,666,666,666,666,666.67 pence.
        let weights = [
            d("0.3333333333333333333333333333"),
            d("0.6666666666666666666666666667"),
        ];
        let parts = apportion(limit, &weights, MoneyUnit::Penny).unwrap();
        assert_eq!(
            parts,
            [
                Money::from_pence(33_333_333_333_333_333),
                Money::from_pence(66_666_666_666_666_667),
            ]
        );
        let pounds =
            apportion(limit, &[third, Decimal::from(1_000_000)], MoneyUnit::Pound).unwrap();
        assert_eq!(pounds.iter().sum::<Result<Money, _>>(), Ok(limit));
    }

    #[test]
    fn wide_arithmetic_matches_u128_where_that_fits() {
        let cases = [
            (0u128, 0u128, 1u128),
            (1, 1, 1),
            (u64::MAX.into(), u64::MAX.into(), 7),
            (12_345_678_901_234_567_890, 98_765_432_109, 1_000_000_007),
        ];
        for (a, b, d) in cases {
            let (high, low) = mul_wide(a, b);
            assert_eq!((high, low), (0, a * b));
            assert_eq!(div_wide(high, low, d), Some((a * b / d, a * b % d)));
        }
        // (2^127 - 1)^2 / (2^127 - 1) = 2^127 - 1, remainder 0.
        let m = i128::MAX as u128;
        let (high, low) = mul_wide(m, m);
        assert_eq!(div_wide(high, low, m), Some((m, 0)));
        assert_eq!(div_wide(high, low, m - 1), Some((m + 1, 1)));
        assert_eq!(div_wide(1, 0, 1), None);
        assert_eq!(quota(i128::MAX, i128::MAX, i128::MAX), Some((i128::MAX, 0)));
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

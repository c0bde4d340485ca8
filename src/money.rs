//! [`Money`]: an exact amount of pounds sterling.
//!
//! Money is held as a [`Decimal`] with at most two decimal places (pence). It
//! never goes through a binary float: it parses from text, serialises as a
//! decimal string, and every arithmetic operation is checked. Rounding only
//! happens where a caller asks for it, by name ([`Rounding`], [`MoneyUnit`]).
//!
//! # `Option` or `Result`
//!
//! The operations on two amounts with a single way to fail, overflow
//! ([`Money::checked_add`], [`Money::checked_sub`], [`Money::checked_mul`]),
//! return `Option`, as `i64::checked_add` does. Those with a reason worth
//! naming return `Result` with a [`MoneyError`]: [`Money::checked_mul_ratio`]
//! (a zero denominator or overflow), and [`Money::checked_sum`], which serves
//! the totals of reports, budgets and cost schedules, where an overflow is
//! passed on with `?` as an error that says what happened.

use std::fmt;
use std::iter::Sum;
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::ParseError;
use crate::util::pad_number;

/// Why a value is not a valid amount of [`Money`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MoneyError {
    /// The text is not a number of pounds.
    #[error(transparent)]
    Parse(#[from] ParseError),
    /// More than two decimal places: money is held to the penny.
    #[error("`{value}` has more than 2 decimal places (money is held to the penny)")]
    SubPenny {
        /// The offending value.
        value: Decimal,
    },
    /// A checked operation overflowed the decimal range.
    #[error("money arithmetic overflowed")]
    Overflow,
    /// A ratio's denominator was zero.
    #[error("money ratio has a zero denominator")]
    ZeroDenominator,
}

/// How to round an exact result to a [`MoneyUnit`]. Named so that no rounding
/// in the crate is implicit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rounding {
    /// To the nearest unit, halves away from zero (what a spreadsheet's
    /// `ROUND` does).
    HalfUp,
    /// To the nearest unit, halves to the even neighbour (banker's rounding).
    HalfEven,
    /// Towards negative infinity.
    Floor,
    /// Towards positive infinity.
    Ceiling,
    /// Towards zero (truncation).
    TowardZero,
}

impl Rounding {
    fn strategy(self) -> RoundingStrategy {
        match self {
            Rounding::HalfUp => RoundingStrategy::MidpointAwayFromZero,
            Rounding::HalfEven => RoundingStrategy::MidpointNearestEven,
            Rounding::Floor => RoundingStrategy::ToNegativeInfinity,
            Rounding::Ceiling => RoundingStrategy::ToPositiveInfinity,
            Rounding::TowardZero => RoundingStrategy::ToZero,
        }
    }
}

/// The unit an amount is rounded or apportioned to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MoneyUnit {
    /// One penny (£0.01).
    Penny,
    /// One pound (£1): the unit of the published plan tables.
    Pound,
}

impl MoneyUnit {
    /// The number of decimal places of this unit (2 for pence, 0 for pounds).
    pub const fn decimal_places(self) -> u32 {
        match self {
            MoneyUnit::Penny => 2,
            MoneyUnit::Pound => 0,
        }
    }

    /// The unit's plural, as a message says it (`pence`, `pounds`).
    pub const fn plural(self) -> &'static str {
        match self {
            MoneyUnit::Penny => "pence",
            MoneyUnit::Pound => "pounds",
        }
    }

    /// One unit as money (`£0.01` or `£1`).
    pub fn as_money(self) -> Money {
        match self {
            MoneyUnit::Penny => Money(Decimal::new(1, 2)),
            MoneyUnit::Pound => Money(Decimal::ONE),
        }
    }
}

/// An exact amount of pounds sterling, to the penny.
///
/// May be negative (a difference, a variance); domain types that need a
/// non-negative amount check it themselves.
///
/// ```
/// use cancer_plan::Money;
///
/// let budget: Money = "£851,568".parse()?;
/// let line: Money = "409819.5".parse()?;
/// assert_eq!(budget.to_string(), "£851,568");
/// assert_eq!(line.to_string(), "£409,819.50");
/// let rest = budget.checked_sub(line).ok_or("overflow")?;
/// assert_eq!(rest, Money::from_pence(44_174_850));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(Decimal);

impl Money {
    /// No money.
    pub const ZERO: Money = Money(Decimal::ZERO);

    /// Money from a decimal number of pounds, refusing fractions of a penny.
    ///
    /// The stored scale is normalised to at most 2 places, so `12.50` and
    /// `12.5` are the same amount and display the same.
    ///
    /// # Errors
    ///
    /// [`MoneyError::SubPenny`] for fractions of a penny.
    pub fn new(pounds: Decimal) -> Result<Money, MoneyError> {
        let normal = pounds.normalize();
        if normal.scale() > 2 {
            return Err(MoneyError::SubPenny { value: pounds });
        }
        Ok(Money(normal))
    }

    /// Money from a whole number of pounds.
    pub fn from_pounds(pounds: i64) -> Money {
        Money(Decimal::from(pounds))
    }

    /// Money from a whole number of pence.
    pub fn from_pence(pence: i64) -> Money {
        Money(Decimal::new(pence, 2).normalize())
    }

    /// The amount in pounds, exact.
    pub fn to_decimal(self) -> Decimal {
        self.0
    }

    /// The amount in whole pence, if it fits an `i64`.
    pub fn to_pence(self) -> Option<i64> {
        use rust_decimal::prelude::ToPrimitive;
        self.0.checked_mul(Decimal::ONE_HUNDRED)?.to_i64()
    }

    /// Whether the amount is below zero.
    pub fn is_negative(self) -> bool {
        self.0.is_sign_negative() && !self.0.is_zero()
    }

    /// Whether the amount is exactly zero.
    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    /// The absolute amount.
    pub fn abs(self) -> Money {
        Money(self.0.abs())
    }

    /// `self + other`, or `None` on overflow.
    pub fn checked_add(self, other: Money) -> Option<Money> {
        self.0.checked_add(other.0).map(Money)
    }

    /// `self - other`, or `None` on overflow.
    pub fn checked_sub(self, other: Money) -> Option<Money> {
        self.0.checked_sub(other.0).map(Money)
    }

    /// `-self`.
    // A `Decimal`'s range is symmetric: negation cannot overflow.
    #[allow(clippy::arithmetic_side_effects)]
    pub fn negate(self) -> Money {
        Money((-self.0).normalize())
    }

    /// `self × factor`, rounded to `unit` by `rounding`; `None` on overflow.
    pub fn checked_mul(
        self,
        factor: Decimal,
        unit: MoneyUnit,
        rounding: Rounding,
    ) -> Option<Money> {
        let exact = self.0.checked_mul(factor)?;
        Some(Money::round_decimal(exact, unit, rounding))
    }

    /// `self × numerator / denominator`, computed exactly and then rounded
    /// once to `unit` by `rounding` (e.g. a share of a total).
    ///
    /// ```
    /// use cancer_plan::{Money, MoneyUnit, Rounding};
    /// use rust_decimal::Decimal;
    ///
    /// let total = Money::from_pounds(12_191_000);
    /// let part = total
    ///     .checked_mul_ratio(Decimal::from(7), Decimal::from(100), MoneyUnit::Pound, Rounding::HalfUp)?;
    /// assert_eq!(part, Money::from_pounds(853_370));
    /// # Ok::<(), cancer_plan::MoneyError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`MoneyError::ZeroDenominator`] if `denominator` is zero;
    /// [`MoneyError::Overflow`] if the product leaves the decimal range.
    pub fn checked_mul_ratio(
        self,
        numerator: Decimal,
        denominator: Decimal,
        unit: MoneyUnit,
        rounding: Rounding,
    ) -> Result<Money, MoneyError> {
        if denominator.is_zero() {
            return Err(MoneyError::ZeroDenominator);
        }
        let product = self.0.checked_mul(numerator).ok_or(MoneyError::Overflow)?;
        let exact = product
            .checked_div(denominator)
            .ok_or(MoneyError::Overflow)?;
        Ok(Money::round_decimal(exact, unit, rounding))
    }

    /// Rounds this amount to `unit` by `rounding` (a no-op for pence).
    pub fn round_to(self, unit: MoneyUnit, rounding: Rounding) -> Money {
        Money::round_decimal(self.0, unit, rounding)
    }

    /// Rounds an exact decimal number of pounds to `unit` by `rounding`.
    pub fn round_decimal(pounds: Decimal, unit: MoneyUnit, rounding: Rounding) -> Money {
        Money(
            pounds
                .round_dp_with_strategy(unit.decimal_places(), rounding.strategy())
                .normalize(),
        )
    }

    /// Sums amounts, reporting overflow instead of wrapping or saturating.
    ///
    /// Also available as `iter.sum::<Result<Money, MoneyError>>()`.
    ///
    /// # Errors
    ///
    /// [`MoneyError::Overflow`] if the sum leaves the decimal range.
    pub fn checked_sum<I: IntoIterator<Item = Money>>(amounts: I) -> Result<Money, MoneyError> {
        let mut total = Decimal::ZERO;
        for amount in amounts {
            total = total.checked_add(amount.0).ok_or(MoneyError::Overflow)?;
        }
        Ok(Money(total))
    }
}

impl Money {
    /// The sum of `amounts` if every one is known (`Ok(None)` if any is
    /// missing), reporting overflow: for totals of figures that a table may
    /// leave blank.
    ///
    /// ```
    /// use cancer_plan::Money;
    /// let known = [Some(Money::from_pounds(2)), Some(Money::from_pounds(3))];
    /// assert_eq!(Money::checked_sum_if_all(known), Ok(Some(Money::from_pounds(5))));
    /// assert_eq!(Money::checked_sum_if_all([Some(Money::from_pounds(2)), None]), Ok(None));
    /// ```
    ///
    /// # Errors
    ///
    /// [`MoneyError::Overflow`] if the sum leaves the decimal range.
    pub fn checked_sum_if_all<I: IntoIterator<Item = Option<Money>>>(
        amounts: I,
    ) -> Result<Option<Money>, MoneyError> {
        let known: Option<Vec<Money>> = amounts.into_iter().collect();
        known.map(Money::checked_sum).transpose()
    }
}

impl Sum<Money> for Result<Money, MoneyError> {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Self {
        Money::checked_sum(iter)
    }
}

impl<'a> Sum<&'a Money> for Result<Money, MoneyError> {
    fn sum<I: Iterator<Item = &'a Money>>(iter: I) -> Self {
        Money::checked_sum(iter.copied())
    }
}

impl fmt::Display for Money {
    /// `£1,234,567` for whole pounds, `£1,234,567.50` otherwise, `-£12` below
    /// zero. The alternate form (`{:#}`) always shows pence. A width pads it,
    /// right-aligned unless the format says otherwise:
    /// `format!("[{:>10}]", Money::from_pounds(1234))` is `[    £1,234]`.
    /// zero. The alternate form (`{:#}`) always shows pence.
    // Bounded by construction: `abs - whole` is the fraction (below 1, so
    // x 100 is below 100), and `i < digits.len()` in the grouping loop.
    #[allow(clippy::arithmetic_side_effects)]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.is_negative() { "-" } else { "" };
        let abs = self.0.abs();
        let whole = abs.trunc();
        let pence = ((abs - whole) * Decimal::ONE_HUNDRED).trunc();
        let digits = whole.to_string();
        let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(c);
        }
        if pence.is_zero() && !f.alternate() {
            pad_number(f, format_args!("{sign}£{grouped}"))
        } else {
            pad_number(f, format_args!("{sign}£{grouped}.{pence:0>2}"))
        }
    }
}

impl FromStr for Money {
    type Err = MoneyError;

    /// Accepts `£1,234`, `1234.5`, `-£12.50`, `£-12.50` and ` 1,234 `.
    /// Commas must group thousands.
    // Negating a `Decimal` cannot overflow: its range is symmetric.
    #[allow(clippy::arithmetic_side_effects)]
    fn from_str(text: &str) -> Result<Money, MoneyError> {
        let syntax = || {
            MoneyError::Parse(ParseError::new(
                "an amount of money",
                text,
                "e.g. `£1,234`, `1234.5` or `-£12.50`",
            ))
        };
        let mut s = text.trim();
        let mut negative = false;
        if let Some(rest) = s.strip_prefix('-') {
            negative = true;
            s = rest;
        }
        if let Some(rest) = s.strip_prefix('£') {
            s = rest;
        }
        if !negative && let Some(rest) = s.strip_prefix('-') {
            negative = true;
            s = rest;
        }
        let (int_part, frac_part) = match s.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (s, None),
        };
        if int_part.is_empty() || !valid_grouping(int_part) {
            return Err(syntax());
        }
        if let Some(frac) = frac_part
            && (frac.is_empty() || !frac.bytes().all(|b| b.is_ascii_digit()))
        {
            return Err(syntax());
        }
        // Trailing zeros of the pence do not change the amount, but a
        // `Decimal` holds at most 28 or 29 digits: `£999…999.90` (27 nines),
        // as Display writes 999…999.9, would not fit with its zero.
        let mut plain: String = int_part.chars().filter(|c| *c != ',').collect();
        if let Some(frac) = frac_part.map(|f| f.trim_end_matches('0'))
            && !frac.is_empty()
        {
            plain.push('.');
            plain.push_str(frac);
        }
        let value = Decimal::from_str_exact(&plain).map_err(|_| syntax())?;
        Money::new(if negative { -value } else { value })
    }
}

/// Digits, optionally grouped in threes by commas (`1234` or `1,234`).
fn valid_grouping(int_part: &str) -> bool {
    if !int_part.contains(',') {
        return int_part.bytes().all(|b| b.is_ascii_digit());
    }
    let mut groups = int_part.split(',');
    // A grouped number does not start with 0: `0,001` is not £1 (it may be
    // a European decimal comma).
    let first_ok = groups.next().is_some_and(|g| {
        (1..=3).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit()) && !g.starts_with('0')
    });
    first_ok && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

impl TryFrom<Decimal> for Money {
    type Error = MoneyError;
    fn try_from(value: Decimal) -> Result<Money, MoneyError> {
        Money::new(value)
    }
}

impl From<Money> for Decimal {
    fn from(money: Money) -> Decimal {
        money.0
    }
}

impl Serialize for Money {
    /// A plain decimal string of pounds (`"851568"`, `"12.5"`): exact, no
    /// currency sign, no grouping.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Normalised, so a sum such as 1.5 + 1.5 writes `3`, not `3.0`, and
        // no amount writes `-0`.
        serializer.collect_str(&self.0.normalize())
    }
}

impl<'de> Deserialize<'de> for Money {
    /// Accepts a string in any form [`Money::from_str`] takes, or a JSON
    /// integer. A JSON float is refused: it may already have lost precision.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Money, D::Error> {
        deserializer.deserialize_any(MoneyVisitor)
    }
}

struct MoneyVisitor;

impl serde::de::Visitor<'_> for MoneyVisitor {
    type Value = Money;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an amount of money as a decimal string such as \"1234.50\"")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Money, E> {
        v.parse().map_err(E::custom)
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Money, E> {
        Ok(Money::from_pounds(v))
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Money, E> {
        Ok(Money(Decimal::from(v)))
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Money, E> {
        Err(E::custom(format_args!(
            "money must be a decimal string, not the float {v} (floats lose pence)"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Money {
        s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn displays_whole_pounds_and_pence() {
        assert_eq!(m("1234567").to_string(), "£1,234,567");
        assert_eq!(m("1234567.5").to_string(), "£1,234,567.50");
        assert_eq!(m("0").to_string(), "£0");
        assert_eq!(m("999").to_string(), "£999");
        assert_eq!(m("-1000.05").to_string(), "-£1,000.05");
        assert_eq!(format!("{:#}", m("12")), "£12.00");
    }

    #[test]
    fn display_parses_back_at_the_extremes() {
        // 27 nines and a tenth display with a second pence digit, which made
        // 29 digits that `FromStr` refused.
        for text in [
            "999999999999999999999999999.9",
            "-999999999999999999999999999.9",
            "792281625142643375935439503.35",
            "79228162514264337593543950335",
            "-79228162514264337593543950335",
            "0.01",
        ] {
            let money = m(text);
            for shown in [money.to_string(), format!("{money:#}")] {
                assert_eq!(shown.parse::<Money>(), Ok(money), "{text} shows as {shown}");
            }
        }
        assert_eq!(m("£1.500"), Money::from_pence(150));
        assert!("1.".parse::<Money>().is_err());
        assert!("1.001".parse::<Money>().is_err());
    }

    #[test]
    fn parses_the_forms_in_the_seed() {
        assert_eq!(m("£1,234"), Money::from_pounds(1234));
        assert_eq!(m("1234.5"), Money::from_pence(123_450));
        assert_eq!(m("-£12.50"), Money::from_pence(-1250));
        assert_eq!(m("£-12.50"), Money::from_pence(-1250));
        assert_eq!(m(" £5,738,839 "), Money::from_pounds(5_738_839));
    }

    #[test]
    fn rejects_bad_text_and_sub_penny() {
        for bad in [
            "", "£", "12,34", "1,2345", "1.2.3", "abc", "1e5", "£1,234.", "--1", "+5",
        ] {
            assert!(bad.parse::<Money>().is_err(), "{bad} should fail");
        }
        assert!(matches!(
            "1.005".parse::<Money>(),
            Err(MoneyError::SubPenny { .. })
        ));
        assert_eq!(m("1.500"), Money::from_pence(150));
    }

    #[test]
    fn serialises_as_exact_string() {
        let json = serde_json::to_string(&m("409819.5")).unwrap_or_default();
        assert_eq!(json, "\"409819.5\"");
        let back: Money = serde_json::from_str(&json).unwrap_or_default();
        assert_eq!(back, m("409819.5"));
        assert!(serde_json::from_str::<Money>("0.1").is_err());
        assert_eq!(
            serde_json::from_str::<Money>("12").ok(),
            Some(Money::from_pounds(12))
        );
    }

    #[test]
    fn ratio_rounds_once_by_name() {
        let total = Money::from_pounds(12_191_000);
        let r = |n: i64, rounding| {
            total.checked_mul_ratio(
                Decimal::from(n),
                Decimal::from(1000),
                MoneyUnit::Pound,
                rounding,
            )
        };
        assert_eq!(r(70, Rounding::HalfUp), Ok(Money::from_pounds(853_370)));
        assert_eq!(
            Money::from_pounds(5).checked_mul_ratio(
                Decimal::ONE,
                Decimal::TWO,
                MoneyUnit::Pound,
                Rounding::HalfEven
            ),
            Ok(Money::from_pounds(2))
        );
        assert_eq!(
            total.checked_mul_ratio(
                Decimal::ONE,
                Decimal::ZERO,
                MoneyUnit::Penny,
                Rounding::Floor
            ),
            Err(MoneyError::ZeroDenominator)
        );
    }

    #[test]
    fn serialises_normalised() {
        let three = m("1.5").checked_add(m("1.5")).unwrap();
        assert_eq!(serde_json::to_string(&three).unwrap(), "\"3\"");
        assert_eq!(
            serde_json::to_string(&Money::ZERO.negate()).unwrap(),
            "\"0\""
        );
        assert_eq!(serde_json::to_string(&m("10.50")).unwrap(), "\"10.5\"");
    }

    #[test]
    fn sum_reports_overflow() {
        let big = Money(Decimal::MAX);
        let total: Result<Money, MoneyError> = [big, big].into_iter().sum();
        assert_eq!(total, Err(MoneyError::Overflow));
        let ok: Result<Money, MoneyError> = [m("1.5"), m("2.25")].iter().sum();
        assert_eq!(ok, Ok(m("3.75")));
    }
}

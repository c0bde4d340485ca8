//! [`ComplianceLevel`]: how far a pathway meets one RDC principle, and the
//! rule that rolls ICB levels up to the alliance.

use std::fmt;

use serde::{Deserialize, Serialize};

/// How far a tumour-site pathway meets one Rapid Diagnostic Centre principle.
///
/// # Order
///
/// The order (`Ord`) is the **severity** order of
/// [`roll_up`](Self::roll_up), best to worst:
/// `met` < `partially met` < `not assessed` < `not met`. So the worst of
/// some levels is their `max()`, and `roll_up` is exactly that `max()` (not
/// assessed when there are none). [`ALL`](Self::ALL) lists the levels in
/// the matrix's *column* order instead (not assessed last).
///
/// ```
/// use cancer_plan::rdc::ComplianceLevel::{self, *};
/// assert!(Met.is_met());
/// assert!(!PartiallyMet.is_met());
/// assert_eq!(NotAssessed.to_string(), "not assessed");
/// assert!(Met < PartiallyMet && PartiallyMet < NotAssessed && NotAssessed < NotMet);
/// assert_eq!([NotAssessed, NotMet].into_iter().max(), Some(ComplianceLevel::roll_up([NotAssessed, NotMet])));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ComplianceLevel {
    // The declaration order IS the severity order used by `roll_up` (the
    // derived `Ord`): do not reorder.
    /// The pathway meets the principle.
    Met,
    /// The pathway meets part of the principle.
    PartiallyMet,
    /// Nobody has assessed the pathway against the principle (yet).
    NotAssessed,
    /// The pathway does not meet the principle.
    NotMet,
}

impl ComplianceLevel {
    /// The four levels in the matrix's column order, from met to not
    /// assessed. This is **not** the severity order (`Ord`), which puts not
    /// met last.
    pub const ALL: [ComplianceLevel; 4] = [
        ComplianceLevel::Met,
        ComplianceLevel::PartiallyMet,
        ComplianceLevel::NotMet,
        ComplianceLevel::NotAssessed,
    ];

    /// Whether the principle is fully met.
    pub const fn is_met(self) -> bool {
        matches!(self, ComplianceLevel::Met)
    }

    /// A short code for tables: `met`, `part`, `not`, `n/a`.
    pub const fn short(self) -> &'static str {
        match self {
            ComplianceLevel::Met => "met",
            ComplianceLevel::PartiallyMet => "part",
            ComplianceLevel::NotMet => "not",
            ComplianceLevel::NotAssessed => "n/a",
        }
    }

    /// Rolls the levels of the parts of an alliance (its ICBs) up to one
    /// level for the whole alliance. **The worst level wins**, ranked
    ///
    /// `not met` > `not assessed` > `partially met` > `met`:
    ///
    /// 1. the alliance is **met** only where *every* ICB is met;
    /// 2. otherwise, if *any* ICB is **not met**, the alliance is not met
    ///    (one ICB's patients still wait on a pathway that does not meet the
    ///    principle);
    /// 3. otherwise, if any ICB is **not assessed**, the alliance is not
    ///    assessed: compliance cannot be claimed, even in part, for patients
    ///    whose pathway nobody has looked at;
    /// 4. otherwise (a mix of met and partially met) it is **partially met**.
    ///
    /// No parts at all roll up to not assessed. The ranking is the type's
    /// order (`Ord`), so this is the levels' `max()`.
    ///
    /// ```
    /// use cancer_plan::rdc::ComplianceLevel::{self, *};
    /// assert_eq!(ComplianceLevel::roll_up([Met, Met]), Met);
    /// assert_eq!(ComplianceLevel::roll_up([Met, NotMet]), NotMet);
    /// assert_eq!(ComplianceLevel::roll_up([PartiallyMet, NotAssessed]), NotAssessed);
    /// assert_eq!(ComplianceLevel::roll_up([Met, PartiallyMet]), PartiallyMet);
    /// assert_eq!(ComplianceLevel::roll_up([]), NotAssessed);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn roll_up(levels: impl IntoIterator<Item = ComplianceLevel>) -> ComplianceLevel {
        levels
            .into_iter()
            .max()
            .unwrap_or(ComplianceLevel::NotAssessed)
    }
}

impl fmt::Display for ComplianceLevel {
    /// `met`, `partially met`, `not met`, `not assessed`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            ComplianceLevel::Met => "met",
            ComplianceLevel::PartiallyMet => "partially met",
            ComplianceLevel::NotMet => "not met",
            ComplianceLevel::NotAssessed => "not assessed",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::ComplianceLevel::{self, *};

    #[test]
    fn roll_up_is_order_independent() {
        for a in ComplianceLevel::ALL {
            for b in ComplianceLevel::ALL {
                assert_eq!(
                    ComplianceLevel::roll_up([a, b]),
                    ComplianceLevel::roll_up([b, a])
                );
                assert_eq!(
                    ComplianceLevel::roll_up([a, b]).is_met(),
                    a.is_met() && b.is_met()
                );
            }
        }
        assert_eq!(ComplianceLevel::roll_up([NotAssessed, NotMet]), NotMet);
    }
}

//! [`ComplianceLevel`]: how far a pathway meets one RDC principle, and the
//! rule that rolls ICB levels up to the alliance.

use std::fmt;

use serde::{Deserialize, Serialize};

/// How far a tumour-site pathway meets one Rapid Diagnostic Centre principle.
///
/// ```
/// use cancer_plan::rdc::ComplianceLevel;
/// assert!(ComplianceLevel::Met.is_met());
/// assert!(!ComplianceLevel::PartiallyMet.is_met());
/// assert_eq!(ComplianceLevel::NotAssessed.to_string(), "not assessed");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ComplianceLevel {
    /// The pathway meets the principle.
    Met,
    /// The pathway meets part of the principle.
    PartiallyMet,
    /// The pathway does not meet the principle.
    NotMet,
    /// Nobody has assessed the pathway against the principle (yet).
    NotAssessed,
}

impl ComplianceLevel {
    /// The four levels, from met to not assessed (the matrix's column order).
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

    /// How bad a level is for the roll-up: the higher, the more it dominates.
    const fn roll_up_rank(self) -> u8 {
        match self {
            ComplianceLevel::Met => 0,
            ComplianceLevel::PartiallyMet => 1,
            ComplianceLevel::NotAssessed => 2,
            ComplianceLevel::NotMet => 3,
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
    /// No parts at all roll up to not assessed.
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
            .max_by_key(|level| level.roll_up_rank())
            .unwrap_or(ComplianceLevel::NotAssessed)
    }
}

impl fmt::Display for ComplianceLevel {
    /// `met`, `partially met`, `not met`, `not assessed`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
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

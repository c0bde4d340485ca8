//! [`RdcCoverage`]: the RDC compliance view with coverage: every tumour
//! site, assessed or not, so an alliance with no assessments shows every
//! site as a gap, never "no gaps".

use serde::Serialize;

use crate::rdc::{ComplianceLevel, ComplianceMatrix, LevelCounts};
use crate::{RdcPrinciple, TumourSite};

/// Why a tumour site and principle is a gap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RdcGapReason {
    /// No assessment covers the site at all (or this principle in some
    /// ICB): "not assessed".
    NotAssessed,
    /// The alliance level is not met.
    NotMet,
    /// The alliance level is partially met.
    PartiallyMet,
}

impl RdcGapReason {
    /// Words for a board: `not assessed`, `not met`, `partially met`.
    pub fn label(self) -> &'static str {
        match self {
            RdcGapReason::NotAssessed => "not assessed",
            RdcGapReason::NotMet => "not met",
            RdcGapReason::PartiallyMet => "partially met",
        }
    }
}

impl std::fmt::Display for RdcGapReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.label())
    }
}

/// A tumour site short of a principle (or, for a site never assessed, of
/// all seven: `principle` is `None`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct RdcGap {
    site: TumourSite,
    #[serde(skip_serializing_if = "Option::is_none")]
    principle: Option<RdcPrinciple>,
    reason: RdcGapReason,
}

impl RdcGap {
    /// The tumour site.
    pub fn site(&self) -> TumourSite {
        self.site
    }

    /// The principle (`None`: the site was never assessed).
    pub fn principle(&self) -> Option<RdcPrinciple> {
        self.principle
    }

    /// Why it is a gap.
    pub fn reason(&self) -> RdcGapReason {
        self.reason
    }
}

/// One site's alliance-level row; `assessed` false for a site never
/// assessed (every level then "not assessed").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SiteCoverage {
    site: TumourSite,
    assessed: bool,
    levels: [ComplianceLevel; 7],
}

impl SiteCoverage {
    /// The tumour site.
    pub fn site(&self) -> TumourSite {
        self.site
    }

    /// Whether any assessment covers it.
    pub fn assessed(&self) -> bool {
        self.assessed
    }

    /// Its alliance level per principle, principles 1 to 7.
    pub fn levels(&self) -> [ComplianceLevel; 7] {
        self.levels
    }
}

/// The RDC view with coverage: every tumour site ([`TumourSite::ALL`]),
/// its alliance levels, the cell counts over **all** sites (a site never
/// assessed counts seven "not assessed" cells) and the gaps.
///
/// ```
/// use cancer_plan::assurance::{RdcCoverage, RdcGapReason};
/// use cancer_plan::TumourSite;
/// let none = RdcCoverage::new(None);
/// assert_eq!(none.sites_assessed(), 0);
/// assert_eq!(none.gaps().len(), TumourSite::ALL.len());
/// assert!(none.gaps().iter().all(|g| g.reason() == RdcGapReason::NotAssessed));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RdcCoverage {
    sites: Vec<SiteCoverage>,
    counts: LevelCounts,
    sites_assessed: usize,
    gaps: Vec<RdcGap>,
}

impl RdcCoverage {
    /// The coverage of `matrix` (`None`: no assessments at all).
    pub fn new(matrix: Option<&ComplianceMatrix>) -> RdcCoverage {
        let assessed = matrix.map(ComplianceMatrix::sites).unwrap_or_default();
        let mut sites = Vec::new();
        let mut gaps = Vec::new();
        for site in TumourSite::ALL {
            let row = matrix
                .filter(|_| assessed.contains(&site))
                .map(|m| m.row(site));
            let levels = row.map_or([ComplianceLevel::NotAssessed; 7], |r| r.levels());
            match row {
                None => gaps.push(RdcGap {
                    site,
                    principle: None,
                    reason: RdcGapReason::NotAssessed,
                }),
                Some(_) => {
                    for (principle, level) in RdcPrinciple::ALL.into_iter().zip(levels) {
                        let reason = match level {
                            ComplianceLevel::Met => continue,
                            ComplianceLevel::PartiallyMet => RdcGapReason::PartiallyMet,
                            ComplianceLevel::NotMet => RdcGapReason::NotMet,
                            _ => RdcGapReason::NotAssessed,
                        };
                        gaps.push(RdcGap {
                            site,
                            principle: Some(principle),
                            reason,
                        });
                    }
                }
            }
            sites.push(SiteCoverage {
                site,
                assessed: row.is_some(),
                levels,
            });
        }
        RdcCoverage {
            counts: LevelCounts::of(sites.iter().flat_map(|s| s.levels)),
            sites_assessed: assessed.len(),
            sites,
            gaps,
        }
    }

    /// Every tumour site, in site order.
    pub fn sites(&self) -> &[SiteCoverage] {
        &self.sites
    }

    /// Cell counts over every site × principle.
    pub fn counts(&self) -> LevelCounts {
        self.counts
    }

    /// How many sites have any assessment.
    pub fn sites_assessed(&self) -> usize {
        self.sites_assessed
    }

    /// The gaps: a never-assessed site once (reason "not assessed"), an
    /// assessed site once per principle not met.
    pub fn gaps(&self) -> &[RdcGap] {
        &self.gaps
    }
}

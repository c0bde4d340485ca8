//! [`SubCategory`]: the `SUB-CATEGORY` of the ICB sub-location extract,
//! typed, and [`TreatmentModality`].

use std::fmt;

use serde::Serialize;

use crate::cwt::pathway::Route;
use crate::standard::CwtStandard;

/// A treatment modality, as the 31-day subsequent-treatment sub-categories
/// name them. `#[non_exhaustive]`: NHS England's lists grow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TreatmentModality {
    /// `Surgery`.
    Surgery,
    /// `Anti-cancer drug regimen`.
    AntiCancerDrugRegimen,
    /// `Radiotherapy`.
    Radiotherapy,
    /// `Other`.
    Other,
}

impl TreatmentModality {
    /// Every modality, in published order.
    pub const ALL: [TreatmentModality; 4] = [
        TreatmentModality::Surgery,
        TreatmentModality::AntiCancerDrugRegimen,
        TreatmentModality::Radiotherapy,
        TreatmentModality::Other,
    ];

    /// Its name as published (`Anti-cancer drug regimen`).
    pub const fn published_name(self) -> &'static str {
        match self {
            TreatmentModality::Surgery => "Surgery",
            TreatmentModality::AntiCancerDrugRegimen => "Anti-cancer drug regimen",
            TreatmentModality::Radiotherapy => "Radiotherapy",
            TreatmentModality::Other => "Other",
        }
    }

    /// The modality a published name gives, compared without case or
    /// surrounding space.
    ///
    /// ```
    /// use cancer_plan::cwt::extract::TreatmentModality;
    /// assert_eq!(TreatmentModality::from_published_name(" anti-cancer DRUG regimen"), Some(TreatmentModality::AntiCancerDrugRegimen));
    /// assert_eq!(TreatmentModality::from_published_name("ALL MODALITIES"), None);
    /// ```
    pub fn from_published_name(text: &str) -> Option<TreatmentModality> {
        let text = text.trim();
        TreatmentModality::ALL
            .into_iter()
            .find(|m| m.published_name().eq_ignore_ascii_case(text))
    }
}

/// The 62-day routes as the sub-location extract names them.
const ROUTES: [(Route, &str); 4] = [
    (Route::UrgentSuspectedCancer, "Urgent Suspected Cancer"),
    (Route::BreastSymptomatic, "Breast Symptomatic"),
    (Route::UrgentScreening, "Screening"),
    (Route::ConsultantUpgrade, "Consultant Upgrade"),
];

/// The `SUB-CATEGORY` of a 31-day or 62-day row of the ICB sub-location
/// extract (FDS rows have none).
///
/// Summing rule: unlike the provider extract's modality rows, the
/// sub-categories of a standard are disjoint: a 31-day treatment is either
/// a first treatment or a subsequent one by exactly one modality, and a
/// 62-day pathway starts on exactly one route. So a location's 31-day
/// total is the sum of its `31-day (First)` and four `31-day Sub (...)`
/// rows, and its 62-day total the sum of its four route rows: every row
/// adds.
///
/// ```
/// use cancer_plan::cwt::extract::{SubCategory, TreatmentModality};
/// use cancer_plan::cwt::pathway::Route;
/// use cancer_plan::CwtStandard;
/// let sub = SubCategory::from_published("31-day Sub (Radiotherapy)").ok_or("unknown")?;
/// assert_eq!(sub, SubCategory::SubsequentTreatment(TreatmentModality::Radiotherapy));
/// assert_eq!(sub.standard(), CwtStandard::Combined31Day);
/// let usc = SubCategory::from_published("62-DAY (urgent suspected cancer)").ok_or("unknown")?;
/// assert_eq!(usc, SubCategory::Referral(Route::UrgentSuspectedCancer));
/// assert_eq!(usc.to_string(), "62-day (Urgent Suspected Cancer)");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SubCategory {
    /// `31-day (First)`: first definitive treatments.
    FirstTreatment,
    /// `31-day Sub (<modality>)`: subsequent treatments by modality.
    SubsequentTreatment(TreatmentModality),
    /// `62-day (<route>)`: 62-day pathways by the route they started on
    /// (urgent suspected cancer, breast symptomatic, screening, consultant
    /// upgrade).
    Referral(Route),
}

impl SubCategory {
    /// The standard the sub-category divides.
    pub const fn standard(self) -> CwtStandard {
        match self {
            SubCategory::FirstTreatment | SubCategory::SubsequentTreatment(_) => {
                CwtStandard::Combined31Day
            }
            SubCategory::Referral(_) => CwtStandard::Combined62Day,
        }
    }

    /// The sub-category a published text gives: `31-day (First)`, `31-day
    /// Sub (Surgery | Anti-cancer drug regimen | Radiotherapy | Other)`,
    /// `62-day (Urgent Suspected Cancer | Breast Symptomatic | Screening |
    /// Consultant Upgrade)`; compared without case, and ignoring space
    /// around the words and brackets.
    pub fn from_published(text: &str) -> Option<SubCategory> {
        let (head, rest) = text.trim().split_once('(')?;
        let inner = rest.trim_end().strip_suffix(')')?.trim();
        let head: Vec<&str> = head.split_whitespace().collect();
        let is = |a: &str, b: &str| a.eq_ignore_ascii_case(b);
        match head.as_slice() {
            [day] if is(day, "31-day") && is(inner, "First") => Some(SubCategory::FirstTreatment),
            [day, sub] if is(day, "31-day") && is(sub, "Sub") => {
                TreatmentModality::from_published_name(inner).map(SubCategory::SubsequentTreatment)
            }
            [day] if is(day, "62-day") => ROUTES
                .iter()
                .find(|(_, name)| is(name, inner))
                .map(|&(route, _)| SubCategory::Referral(route)),
            _ => None,
        }
    }
}

impl fmt::Display for SubCategory {
    /// As published: `31-day (First)`, `31-day Sub (Surgery)`, `62-day
    /// (Screening)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SubCategory::FirstTreatment => f.write_str("31-day (First)"),
            SubCategory::SubsequentTreatment(m) => write!(f, "31-day Sub ({})", m.published_name()),
            SubCategory::Referral(route) => {
                let name = ROUTES
                    .iter()
                    .find(|(r, _)| r == route)
                    .map_or("other", |(_, name)| name);
                write!(f, "62-day ({name})")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_published_sub_category_round_trips() {
        let all: Vec<SubCategory> = std::iter::once(SubCategory::FirstTreatment)
            .chain(TreatmentModality::ALL.map(SubCategory::SubsequentTreatment))
            .chain(ROUTES.map(|(r, _)| SubCategory::Referral(r)))
            .collect();
        assert_eq!(all.len(), 9);
        for sub in all {
            let text = sub.to_string();
            assert_eq!(SubCategory::from_published(&text), Some(sub), "{text}");
            assert_eq!(
                SubCategory::from_published(&format!("  {}  ", text.to_uppercase())),
                Some(sub)
            );
        }
        for bad in [
            "",
            "31-day",
            "31-day (Second)",
            "62-day (Other)",
            "31-day Sub ()",
            "28-day (First)",
        ] {
            assert_eq!(SubCategory::from_published(bad), None, "{bad}");
        }
    }
}

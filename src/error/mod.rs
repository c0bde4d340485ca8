//! [`Error`]: any error the crate returns, for callers that do not need to
//! tell them apart; and the two shapes shared by the value types,
//! [`ParseError`] and [`RangeError`].
//!
//! In the style of the `time` crate: each function returns its own precise
//! error type (a [`MoneyError`], a [`ValidationErrors`], ...); every one of
//! them converts into [`Error`] with `?`, and back out with `TryFrom`.
//!
//! ```
//! use cancer_plan::{error::ParseError, Error, Percent};
//!
//! fn threshold(text: &str) -> Result<Percent, Error> {
//!     Ok(text.parse::<Percent>()?)
//! }
//! let e = threshold("eighty").unwrap_err();
//! assert_eq!(e.to_string(), "`eighty` is not a percentage (expected e.g. `80`, `80%` or `33.25%`)");
//! let parse = ParseError::try_from(e).unwrap();
//! assert_eq!(parse.text(), "eighty");
//! ```
//!
//! **Debug reads as the message.** `{:?}` of an [`Error`] is its message
//! followed by its causes, one a line, so that `fn main() -> Result<(),
//! cancer_plan::Error>` ends with a sentence, not a struct dump (as
//! `anyhow` does); `{:#?}` shows the structure.

use std::fmt;

mod parse;
mod range;

pub use parse::ParseError;
pub use range::RangeError;

use crate::assurance::AssuranceError;
use crate::budget::ApportionError;
use crate::capacity::{CostError, TenureError};
use crate::capacity_demand::CapacityDemandError;
#[cfg(feature = "cwt-extract")]
use crate::cwt::extract::ExtractError;
use crate::cwt::pathway::{LayoutError, PathwayReadError, ReportingWindowError};
use crate::cwt::{PatientCountError, PerformanceError, TrajectoryError, WilsonError};
#[cfg(feature = "json")]
use crate::json::PlanReadError;
use crate::money::MoneyError;
use crate::spc::SpcError;
use crate::validate::ValidationErrors;

macro_rules! root_error {
    ($( $(#[doc = $doc:literal])* $(#[cfg($cfg:meta)])? $variant:ident($ty:ty), )*) => {
        /// Any error the crate returns. `#[non_exhaustive]`: new kinds come
        /// with new features. Each variant holds the precise error, which
        /// `TryFrom<Error>` gives back (`Err(self)` for another kind).
        #[non_exhaustive]
        pub enum Error {
            $( $(#[doc = $doc])* $(#[cfg($cfg)])? $variant($ty), )*
        }

        impl Error {
            fn inner(&self) -> &(dyn std::error::Error + 'static) {
                match self {
                    $( $(#[cfg($cfg)])? Error::$variant(e) => e, )*
                }
            }

            fn structure(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                match self {
                    $( $(#[cfg($cfg)])? Error::$variant(e) => f.debug_tuple(stringify!($variant)).field(e).finish(), )*
                }
            }
        }

        $(
            $(#[cfg($cfg)])?
            impl From<$ty> for Error {
                fn from(e: $ty) -> Error {
                    Error::$variant(e)
                }
            }

            $(#[cfg($cfg)])?
            impl TryFrom<Error> for $ty {
                type Error = Error;
                fn try_from(e: Error) -> Result<$ty, Error> {
                    match e {
                        Error::$variant(e) => Ok(e),
                        #[allow(unreachable_patterns)]
                        other => Err(other),
                    }
                }
            }
        )*
    };
}

root_error! {
    /// Text that is not the value it should be.
    Parse(ParseError),
    /// A number outside its value's range.
    Range(RangeError),
    /// Money that cannot be made or computed.
    Money(MoneyError),
    /// Every broken invariant of a value built (a plan, a budget, ...).
    Validation(ValidationErrors),
    /// An amount that cannot be apportioned.
    Apportion(ApportionError),
    /// A post's or team's tenure.
    Tenure(TenureError),
    /// Improvement capacity that cannot be costed.
    Cost(CostError),
    /// A half-patient count.
    PatientCount(PatientCountError),
    /// CWT performance that cannot be computed.
    Performance(PerformanceError),
    /// A trajectory.
    Trajectory(TrajectoryError),
    /// A Wilson interval.
    Wilson(WilsonError),
    /// A pathway file's layout.
    Layout(LayoutError),
    /// A pathway file that cannot be read.
    PathwayRead(PathwayReadError),
    /// A pathway reporting window.
    ReportingWindow(ReportingWindowError),
    /// An SPC chart that cannot be drawn.
    Spc(SpcError),
    /// A capacity and demand model that cannot be computed.
    CapacityDemand(CapacityDemandError),
    /// A plan's delivery assurance that cannot be built.
    Assurance(AssuranceError),
    /// A CWT extract that cannot be read (feature `cwt-extract`).
    #[cfg(feature = "cwt-extract")]
    ProviderExtract(ExtractError),
    /// A JSON plan that cannot be read (feature `json`).
    #[cfg(feature = "json")]
    Json(PlanReadError),
    /// Reading the caller's input failed.
    Io(std::io::Error),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.inner(), f)
    }
}

impl fmt::Debug for Error {
    /// The message and its causes (`{:?}`), or the structure (`{:#?}`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.alternate() {
            return self.structure(f);
        }
        write!(f, "{}", self.inner())?;
        let mut cause = self.inner().source();
        while let Some(e) = cause {
            write!(f, "\n  caused by: {e}")?;
            cause = e.source();
        }
        Ok(())
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.inner().source()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_reads_as_the_message_and_round_trips() {
        let e = Error::from(RangeError::new("month", 13, 1, 12));
        assert_eq!(format!("{e:?}"), "month 13 is outside 1..=12");
        assert!(format!("{e:#?}").starts_with("Range("));
        assert!(MoneyError::try_from(e).is_err());
        let e = Error::from(MoneyError::Overflow);
        assert_eq!(MoneyError::try_from(e).ok(), Some(MoneyError::Overflow));
    }
}

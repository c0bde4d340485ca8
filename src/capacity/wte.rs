//! [`Wte`]: whole-time equivalent, how much of a full-time post.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::ParseError;

const WHAT: &str = "a whole-time equivalent for one post";
const EXPECTED: &str = "a decimal above 0 and at most 1, to 2 places, e.g. `1.0` or `0.6`";

/// The whole-time equivalent of one post: above 0 and at most 1.0 (full
/// time, 37.5 hours a week under Agenda for Change), to two decimal places.
///
/// ```
/// use cancer_plan::capacity::Wte;
/// let wte: Wte = "0.6".parse()?;
/// assert_eq!(wte.to_string(), "0.6");
/// assert_eq!(Wte::FULL_TIME.to_string(), "1.0");
/// assert!("1.2".parse::<Wte>().is_err());
/// assert!("0".parse::<Wte>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Wte(Decimal);

impl Wte {
    /// One full-time post.
    pub const FULL_TIME: Wte = Wte(Decimal::ONE);

    /// Checks and wraps a whole-time equivalent.
    ///
    /// # Errors
    ///
    /// [`ParseError`] unless the value is above 0, at most 1 and has at most 2
    /// decimal places.
    pub fn new(value: Decimal) -> Result<Wte, ParseError> {
        let normal = value.normalize();
        if normal > Decimal::ZERO && normal <= Decimal::ONE && normal.scale() <= 2 {
            Ok(Wte(normal))
        } else {
            Err(ParseError::new(WHAT, &value.to_string(), EXPECTED))
        }
    }

    /// The value, `0 < wte <= 1`.
    pub fn to_decimal(self) -> Decimal {
        self.0
    }
}

impl fmt::Display for Wte {
    /// `1.0`, `0.6`, `0.25`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.scale() == 0 {
            write!(f, "{}.0", self.0)
        } else {
            write!(f, "{}", self.0)
        }
    }
}

impl FromStr for Wte {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Wte, ParseError> {
        // Exact: the plain `Decimal` parser rounds digits beyond its
        // precision, so `0.999…9` (32 nines) would become 1 and pass.
        let value =
            Decimal::from_str_exact(s.trim()).map_err(|_| ParseError::new(WHAT, s, EXPECTED))?;
        Wte::new(value).map_err(|_| ParseError::new(WHAT, s, EXPECTED))
    }
}

impl TryFrom<String> for Wte {
    type Error = ParseError;
    fn try_from(s: String) -> Result<Wte, ParseError> {
        s.parse()
    }
}

impl From<Wte> for String {
    fn from(wte: Wte) -> String {
        wte.to_string()
    }
}

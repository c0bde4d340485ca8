//! [`OdsCode`]: an NHS Organisation Data Service code.

use serde::{Deserialize, Serialize};

use crate::error::ParseError;

/// An NHS Organisation Data Service code, such as `RHM` (University Hospital
/// Southampton) or `QRL` (NHS Hampshire and Isle of Wight ICB).
///
/// ```
/// use cancer_plan::OdsCode;
/// let code: OdsCode = "R0D".parse()?;
/// assert_eq!(code.as_str(), "R0D");
/// assert!("r0d".parse::<OdsCode>().is_err());
/// # Ok::<(), cancer_plan::error::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct OdsCode(String);

impl OdsCode {
    /// Checks and wraps a code: 3 to 10 upper-case ASCII letters and digits.
    ///
    /// # Errors
    ///
    /// [`ParseError`] unless the code is 3 to 10 upper-case ASCII letters and
    /// digits.
    pub fn new(text: impl Into<String>) -> Result<OdsCode, ParseError> {
        let text = text.into();
        let ok = (3..=10).contains(&text.len())
            && text
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
        if ok {
            Ok(OdsCode(text))
        } else {
            Err(ParseError::new(
                "an ODS code",
                &text,
                "3 to 10 upper-case letters and digits, e.g. `RHM`, `QRL`, `D9Y0V`",
            ))
        }
    }
}

crate::util::checked_text_newtype!(OdsCode, ParseError);

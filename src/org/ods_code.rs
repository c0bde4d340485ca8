//! [`OdsCode`]: an NHS Organisation Data Service code.

use serde::{Deserialize, Serialize};

/// Why text is not a valid [`OdsCode`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{text}` is not an ODS code (3 to 10 upper-case letters and digits, e.g. `RHM`, `QRL`, `D9Y0V`)")]
pub struct OdsCodeError {
    text: String,
}

/// An NHS Organisation Data Service code, such as `RHM` (University Hospital
/// Southampton) or `QRL` (NHS Hampshire and Isle of Wight ICB).
///
/// ```
/// use cancer_plan::OdsCode;
/// let code: OdsCode = "R0D".parse()?;
/// assert_eq!(code.as_str(), "R0D");
/// assert!("r0d".parse::<OdsCode>().is_err());
/// # Ok::<(), cancer_plan::OdsCodeError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct OdsCode(String);

impl OdsCode {
    /// Checks and wraps a code: 3 to 10 upper-case ASCII letters and digits.
    ///
    /// # Errors
    ///
    /// [`OdsCodeError`] unless the code is 3 to 10 upper-case ASCII letters and
    /// digits.
    pub fn new(text: impl Into<String>) -> Result<OdsCode, OdsCodeError> {
        let text = text.into();
        let ok = (3..=10).contains(&text.len())
            && text
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
        if ok {
            Ok(OdsCode(text))
        } else {
            Err(OdsCodeError { text })
        }
    }
}

crate::util::checked_text_newtype!(OdsCode, OdsCodeError);

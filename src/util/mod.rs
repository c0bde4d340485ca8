//! Private helpers shared by the value types: padding in `Display`, the macro that declares
//! a coded enum, and the short excerpt of bad input that the readers' messages quote.

mod coded_enum;
// Used by the file readers only.
#[cfg(any(
    feature = "cwt-extract",
    feature = "pathway-csv",
    feature = "pathway-arrow"
))]
mod excerpt;
mod pad;
mod text_newtype;

pub(crate) use coded_enum::coded_enum;
#[cfg(any(
    feature = "cwt-extract",
    feature = "pathway-csv",
    feature = "pathway-arrow"
))]
pub(crate) use excerpt::excerpt;
pub(crate) use pad::{pad_number, pad_text};
pub(crate) use text_newtype::checked_text_newtype;

//! Private helpers shared by the value types: padding in `Display`, and the macro that declares
//! a coded enum.

mod coded_enum;
mod pad;
mod text_newtype;

pub(crate) use coded_enum::coded_enum;
pub(crate) use pad::{pad_number, pad_text};
pub(crate) use text_newtype::checked_text_newtype;

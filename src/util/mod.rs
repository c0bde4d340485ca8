//! Private helpers shared by the value types: padding in `Display`, and the macro that declares
//! a coded enum.

mod pad;

pub(crate) use pad::{pad_number, pad_text};

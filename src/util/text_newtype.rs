//! One pattern for the checked text newtypes ([`Id`](crate::id::Id),
//! [`OdsCode`](crate::org::OdsCode)): a `String` that passed a check.

/// Implements, for `$name(String)` with a `new(text) -> Result<$name, $error>`
/// that checks the text: `as_str`, a padding `Display`, `FromStr`,
/// `TryFrom<String>` (serde's `try_from`, so JSON runs the same check),
/// `From<$name> for String` (serde's `into`), `AsRef<str>` and `Borrow<str>`
/// (so maps keyed by it can be looked up with a `&str`).
macro_rules! checked_text_newtype {
    ($name:ident, $error:ty) => {
        impl $name {
            /// The text, as written.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl ::std::fmt::Display for $name {
            /// The text as written; a width pads it, left-aligned unless the
            /// format says otherwise.
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                $crate::util::pad_text(f, format_args!("{}", self.0))
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $error;
            fn from_str(s: &str) -> Result<$name, $error> {
                $name::new(s)
            }
        }

        impl TryFrom<String> for $name {
            type Error = $error;
            fn try_from(s: String) -> Result<$name, $error> {
                $name::new(s)
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl ::std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }
    };
}

pub(crate) use checked_text_newtype;

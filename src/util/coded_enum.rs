//! One way to declare a closed list of coded or numbered values (tumour
//! sites, RDC principles, AfC bands...): the enum, its `ALL` list, and a
//! `const fn` per text column, from one table.

/// Declares an enum from a table: each variant (with its attributes and an
/// optional number) and its texts, one per column of `texts`.
///
/// Generates the enum; `ALL`, every variant in order; one `pub const fn`
/// per column returning the variant's text (a struct literal per row, so a
/// row missing a column does not compile); and, with `display = column;`, a
/// `Display` that writes that column, padded.
///
/// ```ignore
/// coded_enum! {
///     /// A level.
///     #[derive(Debug, Clone, Copy, PartialEq, Eq)]
///     pub enum Level {
///         /// Low.
///         Low => { code: "low" },
///         /// High.
///         High => { code: "high" },
///     }
///     texts LevelTexts {
///         /// Its code.
///         code,
///     }
///     display = code;
/// }
/// ```
macro_rules! coded_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $(
                $(#[$vmeta:meta])*
                $var:ident $(= $number:literal)? => { $($col:ident : $text:expr_2021),+ $(,)? }
            ),+ $(,)?
        }
        texts $texts:ident {
            $( $(#[$cmeta:meta])* $column:ident ),+ $(,)?
        }
        $(display = $display:ident;)?
    ) => {
        $(#[$meta])*
        $vis enum $name {
            $( $(#[$vmeta])* $var $(= $number)? ),+
        }

        /// The texts of one variant, a row of the table.
        #[derive(Clone, Copy)]
        struct $texts {
            $( $column: &'static str ),+
        }

        impl $name {
            /// Every variant, in order.
            pub const ALL: [$name; <[&str]>::len(&[$(stringify!($var)),+])] = [$($name::$var),+];

            const fn texts(self) -> $texts {
                match self {
                    $( $name::$var => $texts { $($col: $text),+ } ),+
                }
            }

            $(
                $(#[$cmeta])*
                pub const fn $column(self) -> &'static str {
                    self.texts().$column
                }
            )+
        }

        $(
            impl ::std::fmt::Display for $name {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    $crate::util::pad_text(f, format_args!("{}", self.$display()))
                }
            }
        )?
    };
}

pub(crate) use coded_enum;

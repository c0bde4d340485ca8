//! Width, fill and alignment for the value types' `Display`.
//!
//! Every value type writes its text through one of these two functions, so
//! `format!("[{:>10}]", Money::from_pounds(1234))` gives `[    £1,234]` and a
//! table can line up amounts with `{:>12}`. Without a width they write straight
//! through (no allocation). Precision is ignored: the number of decimal places
//! is chosen by name (`Percent::display(places)`), not by `{:.2}`.

use std::fmt::{self, Alignment, Write as _};

/// Writes `args` padded to the formatter's width; right-aligned unless the
/// format says otherwise, as numbers are.
pub(crate) fn pad_number(f: &mut fmt::Formatter<'_>, args: fmt::Arguments<'_>) -> fmt::Result {
    pad(f, args, Alignment::Right)
}

/// Writes `args` padded to the formatter's width; left-aligned unless the
/// format says otherwise, as strings are.
pub(crate) fn pad_text(f: &mut fmt::Formatter<'_>, args: fmt::Arguments<'_>) -> fmt::Result {
    pad(f, args, Alignment::Left)
}

// Halving a width, and subtracting the half from it, cannot overflow.
#[allow(clippy::arithmetic_side_effects)]
fn pad(f: &mut fmt::Formatter<'_>, args: fmt::Arguments<'_>, default: Alignment) -> fmt::Result {
    let Some(width) = f.width() else {
        return f.write_fmt(args);
    };
    let text = args.to_string();
    let len = text.chars().count();
    let padding = width.saturating_sub(len);
    let (before, after) = match f.align().unwrap_or(default) {
        Alignment::Left => (0, padding),
        Alignment::Right => (padding, 0),
        Alignment::Center => (padding / 2, padding - padding / 2),
    };
    let fill = f.fill();
    for _ in 0..before {
        f.write_char(fill)?;
    }
    f.write_str(&text)?;
    for _ in 0..after {
        f.write_char(fill)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::fmt;

    struct Number(&'static str);
    impl fmt::Display for Number {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            super::pad_number(f, format_args!("{}", self.0))
        }
    }
    struct Text(&'static str);
    impl fmt::Display for Text {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            super::pad_text(f, format_args!("{}", self.0))
        }
    }

    #[test]
    fn width_fill_and_alignment() {
        assert_eq!(format!("[{}]", Number("£1")), "[£1]");
        assert_eq!(format!("[{:5}]", Number("£1")), "[   £1]");
        assert_eq!(format!("[{:<5}]", Number("£1")), "[£1   ]");
        assert_eq!(format!("[{:*^6}]", Number("£1")), "[**£1**]");
        assert_eq!(format!("[{:5}]", Text("RHU")), "[RHU  ]");
        assert_eq!(format!("[{:>5}]", Text("RHU")), "[  RHU]");
        assert_eq!(format!("[{:2}]", Text("RHU")), "[RHU]");
        assert_eq!(format!("[{:.1}]", Text("RHU")), "[RHU]");
    }
}

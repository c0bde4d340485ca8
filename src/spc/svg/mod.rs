//! SPC charts drawn as SVG (feature `svg`): a pure function from an
//! [`SpcChart`] to a `String`, in the Making Data Count style.
//!
//! ```
//! use cancer_plan::spc::svg::{chart_svg, ChartStyle, TargetKind, TargetLine};
//! use cancer_plan::spc::{ImprovementDirection, Series, SpcChart, SpcOptions};
//! use cancer_plan::YearMonth;
//!
//! let april: YearMonth = "2024-04".parse()?;
//! let fds = [74.0, 76.0, 75.0, 77.0, 73.0, 76.0, 75.0, 74.0, 78.0, 76.0, 75.0, 81.0];
//! let series = Series::new(fds.iter().enumerate().map(|(i, v)| (april.saturating_plus_months(i as i32), *v)))?;
//! let chart = SpcChart::new(&series, &SpcOptions::new(ImprovementDirection::Increase).target(77.0))?;
//! let targets = [
//!     TargetLine::constant(TargetKind::Standard, "Standard", 80.0),
//!     TargetLine::steps(TargetKind::Milestone, "Milestone", [(april, 75.0), ("2025-03".parse()?, 77.0)]),
//! ];
//! let svg = chart_svg(&chart, &targets, &ChartStyle::new("28-day FDS, Wessex").id("fds"));
//! assert!(svg.starts_with("<svg "));
//! assert!(svg.contains("<title id=\"fds-title\">28-day FDS, Wessex</title>"));
//! // The same input always gives the same bytes.
//! assert_eq!(svg, chart_svg(&chart, &targets, &ChartStyle::new("28-day FDS, Wessex").id("fds")));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # What is drawn
//!
//! - the XmR chart: each period's mean (solid), process limits (dashed)
//!   and, if asked, the 2-sigma band between the near limits (shaded); a
//!   rebase starts a new period, marked by a dotted line;
//! - the points, coloured by their variation with the icon palette
//!   ([`VariationIcon::colour`]): orange for a special cause of concerning
//!   nature, blue for improvement, purple for a special cause when neither
//!   direction is better, grey for common cause;
//! - the target layers as labelled lines ([`TargetLine`], a step line for a
//!   target that changes over time), each [`TargetKind`] with its own
//!   colour and dash; with no lines given, the chart's own target;
//! - the Making Data Count variation and assurance icons, top right, drawn
//!   from the icon data ([`VariationIcon`], [`AssuranceIcon`]: colour,
//!   letter and words): the chart's own ([`SpcChart::icons`]) or those
//!   given with [`ChartStyle::icons`] (assurance against a time-varying
//!   target).
//!
//! # Accessibility
//!
//! The `<svg>` has `role="img"` and `aria-labelledby` pointing at its
//! `<title>` (the chart's title) and `<desc>`: a sentence a screen reader
//! can use, with the period, the latest value, the mean and limits, the
//! variation and assurance in words and the latest value of every target
//! line. Decorative parts are `aria-hidden`; each icon and each point has
//! its own `<title>` (a tooltip in a browser). Give each chart on a page
//! its own id prefix ([`ChartStyle::id`]) so the ids stay unique.
//!
//! # Design note: plain writes, not plotters or an SVG crate
//!
//! The chart is written with `std::fmt::Write` into a `String`, with one
//! escaping function for every piece of caller text and one fixed number
//! format for every coordinate. Why:
//!
//! - **Deterministic bytes.** Coordinates are printed with one decimal
//!   place by Rust's exact, locale-free float formatting (never `-0.0`,
//!   never `NaN`), elements are written in a fixed order, and nothing
//!   depends on a hash order, a clock or a font: golden files hold the
//!   output byte for byte. plotters' SVG backend prints coordinates as
//!   integers it rounds itself and controls element order and attributes;
//!   its text layout would need font metrics, which differ by machine.
//! - **Accessibility.** `<title>`, `<desc>`, `role`, `aria-labelledby`,
//!   `aria-hidden` and per-element tooltips are first-class here; plotters
//!   has no way to write them, and the SVG-writing crates (`svg`) would add
//!   a dependency to write what a dozen `write!` calls write, with the same
//!   need for care over number formatting.
//! - **No dependency.** The feature adds none, so the library stays light
//!   and pure: the function neither reads nor writes files.
//!
//! The cost is that escaping is ours to get right: every caller string goes
//! through one function that escapes `& < > " '` and replaces characters
//! XML forbids, and ids are reduced to `[A-Za-z0-9_-]` (tested, including
//! a title that tries to close the element).

mod draw;
mod icon;
mod style;
mod target;
mod text;

pub use style::ChartStyle;
pub use target::{TargetKind, TargetLine};

use crate::spc::{AssuranceIcon, SpcChart, VariationIcon};

/// The chart as a standalone SVG document fragment (`<svg ...>...</svg>`),
/// ready to write to a `.svg` file or to place inline in HTML.
///
/// The output is deterministic: the same chart, targets and style give the
/// same bytes.
pub fn chart_svg(chart: &SpcChart, targets: &[TargetLine], style: &ChartStyle) -> String {
    draw::chart(chart, targets, style)
}

/// A Making Data Count variation icon alone, as a small SVG (`size`
/// pixels square) with its `<title>`: for a summary table cell. The
/// colour, letter and words come from the icon.
///
/// ```
/// use cancer_plan::spc::svg::variation_icon_svg;
/// use cancer_plan::spc::VariationIcon;
///
/// let svg = variation_icon_svg(VariationIcon::ConcerningLow, 32);
/// assert!(svg.contains("<title>Variation: special cause variation, concerning (lower values)</title>"));
/// ```
pub fn variation_icon_svg(icon: VariationIcon, size: u32) -> String {
    icon::standalone(
        |out| icon::variation_icon(out, icon, 20.0, 20.0, 17.0),
        &icon::variation_words(icon),
        size,
    )
}

/// A Making Data Count assurance icon alone, as a small SVG (`size`
/// pixels square) with its `<title>`: for a summary table cell.
pub fn assurance_icon_svg(icon: AssuranceIcon, size: u32) -> String {
    icon::standalone(
        |out| icon::assurance_icon(out, icon, 20.0, 20.0, 17.0),
        &icon::assurance_words(icon),
        size,
    )
}

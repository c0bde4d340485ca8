//! Drawing the Making Data Count variation and assurance icons.
//!
//! The icons are drawn from data (which icon, decided by the chart), never
//! from pictures: a circle in the icon's colour, a small run of points
//! showing the pattern, and the letter Making Data Count uses (H or L for a
//! high or low special cause; P, F or ? for assurance).

use std::fmt::Write as _;

use super::text::{coord, push_escaped};
use crate::spc::{Assurance, SpcChart, Variation};

/// Making Data Count colours.
pub(crate) const GREY: &str = "#7B7D7D";
pub(crate) const BLUE: &str = "#289DE0";
pub(crate) const ORANGE: &str = "#FAB428";
pub(crate) const PURPLE: &str = "#361475";

/// The variation icon of a chart: its latest point's variation and, for a
/// special cause, whether it is high or low.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum VariationGlyph {
    CommonCause,
    Improving { high: bool },
    Concerning { high: bool },
    Neutral { high: bool },
}

impl VariationGlyph {
    pub(crate) fn of(chart: &SpcChart) -> VariationGlyph {
        let Some(latest) = chart.points().last() else {
            return VariationGlyph::CommonCause;
        };
        let high = latest.special_causes().first().is_some_and(|c| c.is_high());
        match latest.variation() {
            Variation::CommonCause => VariationGlyph::CommonCause,
            Variation::SpecialCauseImproving => VariationGlyph::Improving { high },
            Variation::SpecialCauseConcerning => VariationGlyph::Concerning { high },
            Variation::SpecialCauseNeutralHigh => VariationGlyph::Neutral { high: true },
            Variation::SpecialCauseNeutralLow => VariationGlyph::Neutral { high: false },
        }
    }

    fn colour(self) -> &'static str {
        match self {
            VariationGlyph::CommonCause => GREY,
            VariationGlyph::Improving { .. } => BLUE,
            VariationGlyph::Concerning { .. } => ORANGE,
            VariationGlyph::Neutral { .. } => PURPLE,
        }
    }

    fn letter(self) -> Option<&'static str> {
        match self {
            VariationGlyph::CommonCause => None,
            VariationGlyph::Improving { high }
            | VariationGlyph::Concerning { high }
            | VariationGlyph::Neutral { high } => Some(if high { "H" } else { "L" }),
        }
    }

    pub(crate) fn words(self) -> &'static str {
        match self {
            VariationGlyph::CommonCause => "Variation: common cause, no significant change",
            VariationGlyph::Improving { high: true } => {
                "Variation: special cause of improving nature, high values"
            }
            VariationGlyph::Improving { high: false } => {
                "Variation: special cause of improving nature, low values"
            }
            VariationGlyph::Concerning { high: true } => {
                "Variation: special cause of concerning nature, high values"
            }
            VariationGlyph::Concerning { high: false } => {
                "Variation: special cause of concerning nature, low values"
            }
            VariationGlyph::Neutral { high: true } => "Variation: special cause, high values",
            VariationGlyph::Neutral { high: false } => "Variation: special cause, low values",
        }
    }
}

/// Words for the assurance icon.
pub(crate) fn assurance_words(assurance: Option<Assurance>) -> &'static str {
    match assurance {
        Some(Assurance::ConsistentlyPassing) => "Assurance: will consistently pass the target",
        Some(Assurance::ConsistentlyFailing) => "Assurance: will consistently fail the target",
        Some(Assurance::HitAndMiss) => "Assurance: hit and miss, will pass and fail at random",
        None => "Assurance: no target to assure against",
    }
}

/// Writes the variation icon centred at (`cx`, `cy`) with radius `r`.
pub(crate) fn variation_icon(out: &mut String, glyph: VariationGlyph, cx: f64, cy: f64, r: f64) {
    let colour = glyph.colour();
    open_icon(out, "variation", glyph.words());
    ring(out, colour, cx, cy, r);
    // Five points: flat for common cause, ending high or low otherwise.
    let rise = match glyph {
        VariationGlyph::CommonCause => 0.0,
        VariationGlyph::Improving { high }
        | VariationGlyph::Concerning { high }
        | VariationGlyph::Neutral { high } => {
            if high {
                -1.0
            } else {
                1.0
            }
        }
    };
    let offsets = [
        (-0.6, 0.0),
        (-0.3, 0.15),
        (0.0, -0.1),
        (0.3, 0.1),
        (0.6, 0.0),
    ];
    for (i, (dx, dy)) in offsets.iter().enumerate() {
        // The last two points carry the special cause.
        let special = i >= 3 && rise != 0.0;
        let lift = if special { rise * 0.2 } else { 0.0 };
        let fill = if special { colour } else { GREY };
        let _ = write!(
            out,
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{fill}\"/>",
            coord(cx + dx * r),
            coord(cy + r * 0.45 + (dy * 0.6 + lift) * r),
            coord(r * 0.11),
        );
    }
    if let Some(letter) = glyph.letter() {
        letter_text(out, colour, letter, cx, cy - r * 0.3, r);
    }
    out.push_str("</g>");
}

/// Writes the assurance icon centred at (`cx`, `cy`) with radius `r`.
pub(crate) fn assurance_icon(
    out: &mut String,
    assurance: Option<Assurance>,
    cx: f64,
    cy: f64,
    r: f64,
) {
    let (colour, letter) = match assurance {
        Some(Assurance::ConsistentlyPassing) => (BLUE, "P"),
        Some(Assurance::ConsistentlyFailing) => (ORANGE, "F"),
        Some(Assurance::HitAndMiss) => (GREY, "?"),
        None => (GREY, "\u{2013}"),
    };
    open_icon(out, "assurance", assurance_words(assurance));
    ring(out, colour, cx, cy, r);
    // The target as a line across the icon.
    let _ = write!(
        out,
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{colour}\" stroke-width=\"1.5\"/>",
        coord(cx - r * 0.7),
        coord(cy + r * 0.35),
        coord(cx + r * 0.7),
        coord(cy + r * 0.35),
    );
    letter_text(out, colour, letter, cx, cy - r * 0.05, r);
    out.push_str("</g>");
}

fn open_icon(out: &mut String, class: &str, words: &str) {
    let _ = write!(
        out,
        "<g class=\"mdc-icon mdc-{class}\" role=\"img\" aria-label=\""
    );
    push_escaped(out, words);
    out.push_str("\"><title>");
    push_escaped(out, words);
    out.push_str("</title>");
}

fn ring(out: &mut String, colour: &str, cx: f64, cy: f64, r: f64) {
    let _ = write!(
        out,
        "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"#FFFFFF\" stroke=\"{colour}\" stroke-width=\"{}\"/>",
        coord(cx),
        coord(cy),
        coord(r),
        coord(r * 0.15),
    );
}

fn letter_text(out: &mut String, colour: &str, letter: &str, x: f64, y: f64, r: f64) {
    let _ = write!(
        out,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"{}\" font-weight=\"bold\" fill=\"{colour}\">{letter}</text>",
        coord(x),
        coord(y + r * 0.25),
        coord(r * 0.8),
    );
}

/// A standalone icon as its own small SVG (for a summary table cell).
pub(crate) fn standalone(draw: impl FnOnce(&mut String), words: &str, size: u32) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 40 40\" width=\"{size}\" height=\"{size}\" role=\"img\" aria-label=\""
    );
    push_escaped(&mut out, words);
    out.push_str("\" font-family=\"Arial, Helvetica, sans-serif\"><title>");
    push_escaped(&mut out, words);
    out.push_str("</title>");
    draw(&mut out);
    out.push_str("</svg>");
    out
}

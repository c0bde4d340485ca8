//! Drawing the Making Data Count variation and assurance icons from the
//! icon data ([`VariationIcon`], [`AssuranceIcon`]): colour, letter and
//! words all come from the icon value, never from a picture. Each is a
//! ring in the icon's colour, a small run of points (variation) or a
//! target line (assurance), and the letter Making Data Count uses.

use std::fmt::Write as _;

use super::text::{coord, push_escaped};
use crate::spc::{AssuranceIcon, VariationIcon};

/// Grey for what has no colour of its own (an assurance icon with no
/// target, the common points inside a variation icon).
pub(crate) const GREY: &str = "#a6a6a6";

/// Words for the variation icon (the `<title>` and `aria-label`).
pub(crate) fn variation_words(icon: VariationIcon) -> String {
    format!("Variation: {}", icon.label())
}

/// Words for the assurance icon.
pub(crate) fn assurance_words(icon: AssuranceIcon) -> String {
    format!("Assurance: {}", icon.label())
}

/// Writes the variation icon centred at (`cx`, `cy`) with radius `r`.
pub(crate) fn variation_icon(out: &mut String, icon: VariationIcon, cx: f64, cy: f64, r: f64) {
    let colour = icon.colour();
    open_icon(out, "variation", icon.name(), &variation_words(icon));
    ring(out, colour, cx, cy, r);
    // Five points: flat for common cause; the last two high or low.
    let rise = match icon.letter() {
        Some('H') => -1.0,
        Some(_) => 1.0,
        None => 0.0,
    };
    let offsets = [
        (-0.6, 0.0),
        (-0.3, 0.15),
        (0.0, -0.1),
        (0.3, 0.1),
        (0.6, 0.0),
    ];
    for (i, (dx, dy)) in offsets.iter().enumerate() {
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
    if let Some(letter) = icon.letter() {
        letter_text(out, colour, letter, cx, cy - r * 0.3, r);
    }
    out.push_str("</g>");
}

/// Writes the assurance icon centred at (`cx`, `cy`) with radius `r`.
pub(crate) fn assurance_icon(out: &mut String, icon: AssuranceIcon, cx: f64, cy: f64, r: f64) {
    let colour = icon.colour().unwrap_or(GREY);
    open_icon(out, "assurance", icon.name(), &assurance_words(icon));
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
    letter_text(
        out,
        colour,
        icon.letter().unwrap_or('\u{2013}'),
        cx,
        cy - r * 0.05,
        r,
    );
    out.push_str("</g>");
}

fn open_icon(out: &mut String, class: &str, name: &str, words: &str) {
    let _ = write!(
        out,
        "<g class=\"mdc-icon mdc-{class} mdc-{class}-{name}\" role=\"img\" aria-label=\""
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

fn letter_text(out: &mut String, colour: &str, letter: char, x: f64, y: f64, r: f64) {
    let mut text = String::new();
    push_escaped(&mut text, letter.encode_utf8(&mut [0; 4]));
    let _ = write!(
        out,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"{}\" font-weight=\"bold\" fill=\"{colour}\">{text}</text>",
        coord(x),
        coord(y + r * 0.25),
        coord(r * 0.8),
    );
}

/// A standalone icon as its own small SVG (for a summary table cell).
pub(crate) fn standalone(draw: impl FnOnce(&mut String), words: &str, size: u32) -> String {
    let size = size.clamp(8, 512);
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"mdc-icon-svg\" viewBox=\"0 0 40 40\" width=\"{size}\" height=\"{size}\" role=\"img\" aria-label=\""
    );
    push_escaped(&mut out, words);
    out.push_str("\" font-family=\"Arial, Helvetica, sans-serif\"><title>");
    push_escaped(&mut out, words);
    out.push_str("</title>");
    draw(&mut out);
    out.push_str("</svg>");
    out
}

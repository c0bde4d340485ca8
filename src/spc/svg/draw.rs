//! The chart itself: axes, periods (limits, means, the 2-sigma band,
//! rebases), target lines, the data and the icons.

use std::fmt::Write as _;

use super::icon;
use super::text::{coord, fixed, push_escaped};
use super::{ChartStyle, TargetKind, TargetLine};
use crate::period::YearMonth;
use crate::spc::{Icons, SpcChart, Variation, VariationIcon};

const FONT: &str = "Arial, Helvetica, sans-serif";
const INK: &str = "#231F20";
const GRID: &str = "#E8EDEE";
const LIMIT: &str = "#768692";
const BAND: &str = "#F0F4F5";
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A month as `Jul 25`.
pub(crate) fn short_month(month: YearMonth) -> String {
    let name = usize::try_from(month.month())
        .ok()
        .and_then(|m| m.checked_sub(1))
        .and_then(|i| MONTHS.get(i))
        .copied()
        .unwrap_or("?");
    format!("{name} {:02}", month.year().rem_euclid(100))
}

/// The plot area and the scales.
struct Frame {
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
    lo: f64,
    hi: f64,
    points: usize,
}

impl Frame {
    fn step(&self) -> f64 {
        (self.right - self.left) / self.points.max(1) as f64
    }

    fn x(&self, index: usize) -> f64 {
        self.left + (index as f64 + 0.5) * self.step()
    }

    fn y(&self, value: f64) -> f64 {
        let span = self.hi - self.lo;
        let t = if span > 0.0 {
            (value - self.lo) / span
        } else {
            0.5
        };
        self.bottom - t.clamp(-0.05, 1.05) * (self.bottom - self.top)
    }
}

/// A step of 1, 2 or 5 × 10^k giving about five ticks over `span`.
fn nice_step(span: f64) -> f64 {
    if span.is_nan() || span <= 0.0 {
        return 1.0;
    }
    let raw = span / 5.0;
    let magnitude = 10_f64.powf(raw.log10().floor());
    let fraction = raw / magnitude;
    let nice = if fraction <= 1.0 {
        1.0
    } else if fraction <= 2.0 {
        2.0
    } else if fraction <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * magnitude
}

/// Decimals needed to print multiples of `step`.
fn decimals_for(step: f64) -> usize {
    if step >= 1.0 {
        0
    } else if step >= 0.1 {
        1
    } else {
        2
    }
}

/// The value range every drawn thing fits in, padded and on tick steps.
fn value_range(chart: &SpcChart, targets: &[(TargetLine, Vec<Option<f64>>)]) -> (f64, f64) {
    let mut lo = f64::INFINITY;
    let mut hi = f64::NEG_INFINITY;
    let mut take = |v: f64| {
        if v.is_finite() {
            lo = lo.min(v);
            hi = hi.max(v);
        }
    };
    for p in chart.points() {
        take(p.value());
        take(p.limits().lower_process_limit());
        take(p.limits().upper_process_limit());
    }
    for (_, values) in targets {
        values.iter().flatten().for_each(|v| take(*v));
    }
    if !(lo.is_finite() && hi.is_finite()) {
        return (0.0, 1.0);
    }
    let pad = if hi > lo { (hi - lo) * 0.05 } else { 1.0 };
    let step = nice_step(hi - lo + 2.0 * pad);
    (
        ((lo - pad) / step).floor() * step,
        ((hi + pad) / step).ceil() * step,
    )
}

/// A point's colour: its variation's icon colour (orange concern, blue
/// improvement, purple neutral, grey common cause).
fn variation_colour(chart: &SpcChart, v: Variation) -> &'static str {
    VariationIcon::of(v, chart.direction()).colour()
}

/// The whole chart.
pub(crate) fn chart(chart: &SpcChart, targets: &[TargetLine], style: &ChartStyle) -> String {
    let icons = style.icons_override().unwrap_or_else(|| chart.icons());
    let months: Vec<YearMonth> = chart.points().iter().map(|p| p.month()).collect();
    let mut lines: Vec<(TargetLine, Vec<Option<f64>>)> = targets
        .iter()
        .map(|t| (t.clone(), months.iter().map(|m| t.value_in(*m)).collect()))
        .collect();
    if lines.is_empty()
        && let Some(target) = chart.target()
    {
        let label = format!("Target {}{}", fixed(target, 1), style.unit_text());
        let line = TargetLine::constant(TargetKind::Standard, label, target);
        lines.push((line, months.iter().map(|_| Some(target)).collect()));
    }
    let (lo, hi) = value_range(chart, &lines);
    let (w, h) = (style.width(), style.height());
    let frame = Frame {
        left: 46.0,
        right: w - 150.0,
        top: if style.subtitle_text().is_some() {
            62.0
        } else {
            50.0
        },
        bottom: h - 30.0,
        lo,
        hi,
        points: months.len(),
    };
    let id = style.id_prefix();
    let unit = style.unit_text();
    let mut out = String::with_capacity(16 * 1024);
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" class=\"spc-chart\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" font-family=\"{FONT}\">",
        coord(w),
        coord(h)
    );
    let _ = write!(out, "<title id=\"{id}-title\">");
    push_escaped(&mut out, style.title());
    let _ = write!(out, "</title><desc id=\"{id}-desc\">");
    push_escaped(&mut out, &description(chart, &lines, style, icons));
    out.push_str("</desc>");
    let _ = write!(
        out,
        "<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"#FFFFFF\"/>",
        coord(w),
        coord(h)
    );
    header(&mut out, icons, style, w);
    axes(&mut out, &frame, &months);
    periods(&mut out, chart, &frame, style.band());
    target_lines(&mut out, &lines, &frame, unit);
    data(&mut out, chart, &frame, unit);
    out.push_str("</svg>");
    out
}

/// A font size at most `largest` at which `text` fits in `width` pixels,
/// estimated at 0.6 em a character (wider than Arial's average, so the
/// estimate errs towards fitting); never below 6. Deterministic: it
/// depends on the text and the numbers only, not on a font.
fn fitting_size(text: &str, largest: f64, width: f64) -> f64 {
    let chars = text.chars().count().max(1) as f64;
    let size = (width / (chars * 0.6)).min(largest).max(6.0);
    // Half-pixel steps keep the output short and stable.
    (size * 2.0).floor() / 2.0
}

/// The title and subtitle (shrunk to fit beside the icons) and the icons.
fn header(out: &mut String, icons: Icons, style: &ChartStyle, w: f64) {
    let r = 16.0;
    let room = w - 3.0 * r - 28.0 - r - 16.0;
    out.push_str("<g class=\"spc-header\" aria-hidden=\"true\">");
    let _ = write!(
        out,
        "<text x=\"8\" y=\"20\" font-size=\"{}\" font-weight=\"bold\" fill=\"{INK}\">",
        fixed(fitting_size(style.title(), 14.0, room), 1)
    );
    push_escaped(out, style.title());
    out.push_str("</text>");
    if let Some(sub) = style.subtitle_text() {
        let _ = write!(
            out,
            "<text x=\"8\" y=\"36\" font-size=\"{}\" fill=\"{LIMIT}\">",
            fixed(fitting_size(sub, 10.0, room), 1)
        );
        push_escaped(out, sub);
        out.push_str("</text>");
    }
    out.push_str("</g>");
    icon::variation_icon(out, icons.variation(), w - 3.0 * r - 28.0, r + 6.0, r);
    icon::assurance_icon(out, icons.assurance(), w - r - 8.0, r + 6.0, r);
}

fn axes(out: &mut String, frame: &Frame, months: &[YearMonth]) {
    out.push_str("<g class=\"spc-axes\" aria-hidden=\"true\">");
    let step = nice_step(frame.hi - frame.lo);
    let decimals = decimals_for(step);
    let first = (frame.lo / step).ceil();
    let ticks = ((frame.hi - frame.lo) / step).floor().clamp(0.0, 20.0) as usize;
    for k in 0..=ticks {
        let value = (first + k as f64) * step;
        if value > frame.hi + step * 1e-9 {
            break;
        }
        let y = frame.y(value);
        let _ = write!(
            out,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{GRID}\" stroke-width=\"1\"/><text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"end\" fill=\"{INK}\">{}</text>",
            coord(frame.left),
            coord(y),
            coord(frame.right),
            coord(y),
            coord(frame.left - 4.0),
            coord(y + 3.5),
            fixed(value, decimals),
        );
    }
    let _ = write!(
        out,
        "<line x1=\"{l}\" y1=\"{b}\" x2=\"{r}\" y2=\"{b}\" stroke=\"{INK}\" stroke-width=\"1\"/>",
        l = coord(frame.left),
        r = coord(frame.right),
        b = coord(frame.bottom),
    );
    let every = months.len().div_ceil(12).max(1);
    for (i, month) in months.iter().enumerate() {
        if i.checked_rem(every) != Some(0) {
            continue;
        }
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" font-size=\"9\" text-anchor=\"middle\" fill=\"{INK}\">{}</text>",
            coord(frame.x(i)),
            coord(frame.bottom + 13.0),
            short_month(*month),
        );
    }
    out.push_str("</g>");
}

fn periods(out: &mut String, chart: &SpcChart, frame: &Frame, band: bool) {
    out.push_str("<g class=\"spc-limits\" aria-hidden=\"true\">");
    let half = frame.step() / 2.0;
    let points = chart.points();
    for (index, period) in chart.periods().iter().enumerate() {
        let first = points.iter().position(|p| p.period() == index);
        let last = points.iter().rposition(|p| p.period() == index);
        let (Some(first), Some(last)) = (first, last) else {
            continue;
        };
        let (x1, x2) = (frame.x(first) - half, frame.x(last) + half);
        let l = period.limits();
        if band {
            let (top, bottom) = (frame.y(l.upper_near_limit()), frame.y(l.lower_near_limit()));
            let _ = write!(
                out,
                "<rect class=\"spc-band\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{BAND}\"/>",
                coord(x1),
                coord(top),
                coord(x2 - x1),
                coord((bottom - top).max(0.0)),
            );
        }
        hline(out, "spc-mean", x1, x2, frame.y(l.mean()), INK, "", 1.5);
        hline(
            out,
            "spc-limit",
            x1,
            x2,
            frame.y(l.upper_process_limit()),
            LIMIT,
            "4 3",
            1.0,
        );
        hline(
            out,
            "spc-limit",
            x1,
            x2,
            frame.y(l.lower_process_limit()),
            LIMIT,
            "4 3",
            1.0,
        );
        if index > 0 {
            let _ = write!(
                out,
                "<line class=\"spc-rebase\" x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"{INK}\" stroke-dasharray=\"1 3\"/><text x=\"{}\" y=\"{}\" font-size=\"9\" fill=\"{INK}\">rebased {}</text>",
                coord(frame.top),
                coord(frame.bottom),
                coord(x1 + 3.0),
                coord(frame.top + 9.0),
                short_month(period.first_month()),
                x = coord(x1),
            );
        }
    }
    out.push_str("</g>");
}

#[allow(clippy::too_many_arguments)]
fn hline(
    out: &mut String,
    class: &str,
    x1: f64,
    x2: f64,
    y: f64,
    colour: &str,
    dash: &str,
    width: f64,
) {
    let _ = write!(
        out,
        "<line class=\"{class}\" x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"{colour}\" stroke-width=\"{}\"",
        coord(x1),
        coord(x2),
        coord(width),
        y = coord(y),
    );
    if !dash.is_empty() {
        let _ = write!(out, " stroke-dasharray=\"{dash}\"");
    }
    out.push_str("/>");
}

fn target_lines(
    out: &mut String,
    lines: &[(TargetLine, Vec<Option<f64>>)],
    frame: &Frame,
    unit: &str,
) {
    out.push_str("<g class=\"spc-targets\" aria-hidden=\"true\">");
    let half = frame.step() / 2.0;
    let mut labels: Vec<(f64, &TargetLine, f64)> = Vec::new();
    for (line, values) in lines {
        let kind = line.kind();
        let mut path = String::new();
        let mut pen_down = false;
        let mut last_value = None;
        for (i, value) in values.iter().enumerate() {
            let Some(v) = value else {
                pen_down = false;
                continue;
            };
            let (x1, x2, y) = (frame.x(i) - half, frame.x(i) + half, frame.y(*v));
            if pen_down {
                let _ = write!(path, " V{} H{}", coord(y), coord(x2));
            } else {
                let _ = write!(path, "M{} {} H{}", coord(x1), coord(y), coord(x2));
                pen_down = true;
            }
            last_value = Some(*v);
        }
        if path.is_empty() {
            continue;
        }
        let _ = write!(
            out,
            "<path class=\"spc-target\" d=\"{path}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"",
            kind.colour()
        );
        if !kind.dash().is_empty() {
            let _ = write!(out, " stroke-dasharray=\"{}\"", kind.dash());
        }
        out.push_str("/>");
        if let Some(v) = last_value {
            labels.push((frame.y(v), line, v));
        }
    }
    // Labels in the right gutter, pushed apart so that none overlap.
    labels.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut previous = f64::NEG_INFINITY;
    for (y, line, value) in labels {
        let y = y.max(previous + 11.0);
        previous = y;
        let _ = write!(
            out,
            "<text class=\"spc-target-label\" x=\"{}\" y=\"{}\" font-size=\"9.5\" fill=\"{}\">",
            coord(frame.right + 6.0),
            coord(y + 3.5),
            line.kind().colour(),
        );
        push_escaped(out, line.label());
        let _ = write!(out, " {}{}</text>", fixed(value, 1), escaped_unit(unit));
    }
    out.push_str("</g>");
}

fn escaped_unit(unit: &str) -> String {
    super::text::escaped(unit)
}

fn data(out: &mut String, chart: &SpcChart, frame: &Frame, unit: &str) {
    out.push_str("<g class=\"spc-data\">");
    let mut path = String::new();
    for (i, p) in chart.points().iter().enumerate() {
        let command = if i == 0 { 'M' } else { 'L' };
        let _ = write!(
            path,
            "{command}{} {} ",
            coord(frame.x(i)),
            coord(frame.y(p.value()))
        );
    }
    let _ = write!(
        out,
        "<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"1.5\" aria-hidden=\"true\"/>",
        path.trim_end(),
        icon::GREY
    );
    for (i, p) in chart.points().iter().enumerate() {
        let variation = p.variation();
        let _ = write!(
            out,
            "<circle class=\"spc-point spc-{}\" cx=\"{}\" cy=\"{}\" r=\"3.5\" fill=\"{}\"><title>{}: {}{} ({})</title></circle>",
            variation_class(variation),
            coord(frame.x(i)),
            coord(frame.y(p.value())),
            variation_colour(chart, variation),
            short_month(p.month()),
            fixed(p.value(), 1),
            escaped_unit(unit),
            variation.label(),
        );
    }
    out.push_str("</g>");
}

fn variation_class(v: Variation) -> &'static str {
    match v {
        Variation::CommonCause => "common",
        Variation::SpecialCauseImproving => "improving",
        Variation::SpecialCauseConcerning => "concerning",
        Variation::SpecialCauseNeutralHigh => "neutral-high",
        Variation::SpecialCauseNeutralLow => "neutral-low",
    }
}

/// The sentence a screen reader reads for the chart.
fn description(
    chart: &SpcChart,
    lines: &[(TargetLine, Vec<Option<f64>>)],
    style: &ChartStyle,
    icons: Icons,
) -> String {
    let unit = style.unit_text();
    let v = |x: f64| format!("{}{unit}", fixed(x, 1));
    let mut text = String::new();
    let (Some(first), Some(last)) = (chart.points().first(), chart.points().last()) else {
        return style.title().to_owned();
    };
    let _ = write!(
        text,
        "SPC chart of {} months, {} to {}. Latest {}: {}.",
        chart.points().len(),
        short_month(first.month()),
        short_month(last.month()),
        short_month(last.month()),
        v(last.value()),
    );
    let l = chart.latest_limits();
    let _ = write!(
        text,
        " Mean {}, process limits {} to {}",
        v(l.mean()),
        v(l.lower_process_limit()),
        v(l.upper_process_limit()),
    );
    if let Some(period) = chart.periods().last().filter(|_| chart.periods().len() > 1) {
        let _ = write!(
            text,
            " (since the rebase in {})",
            short_month(period.first_month())
        );
    }
    text.push('.');
    let _ = write!(
        text,
        " {}. {}",
        icon::variation_words(icons.variation()),
        icon::assurance_words(icons.assurance())
    );
    if let (Some(target), None) = (chart.target(), style.icons_override()) {
        let _ = write!(text, " of {}", v(target));
    }
    text.push('.');
    let specials = chart
        .points()
        .iter()
        .filter(|p| p.variation().is_special_cause())
        .count();
    let _ = write!(
        text,
        " {specials} of the points show special cause variation."
    );
    for (line, values) in lines {
        if let Some(value) = values.iter().rev().flatten().next() {
            let _ = write!(
                text,
                " {} ({}): {} in {}.",
                line.label(),
                line.kind().label(),
                v(*value),
                short_month(last.month())
            );
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_steps() {
        assert_eq!(nice_step(10.0), 2.0);
        assert_eq!(nice_step(23.0), 5.0);
        assert_eq!(nice_step(0.0), 1.0);
        assert_eq!(nice_step(f64::NAN), 1.0);
    }

    #[test]
    fn long_titles_shrink_to_fit() {
        assert_eq!(fitting_size("short", 14.0, 400.0), 14.0);
        let long = "x".repeat(100);
        let size = fitting_size(&long, 14.0, 400.0);
        assert!(size * 0.6 * 100.0 <= 400.0 && size >= 6.0);
        assert_eq!(fitting_size(&"x".repeat(10_000), 14.0, 400.0), 6.0);
    }

    #[test]
    fn short_months() {
        assert_eq!(short_month("2025-07".parse().unwrap()), "Jul 25");
    }
}

//! The funnel plot of the trusts' latest month: performance against the
//! number of patients, with the library's funnel limits
//! (`assurance::funnel_limits`, as PHEindicatormethods computes them for
//! proportions) at 95% and 99.8% around the average of every organisation
//! in the file. The plan's trusts are labelled; any others (a national
//! file) are small grey dots.

use cancer_plan::assurance::funnel_limits;
use cancer_plan::cwt::ConfidenceLevel;
use cancer_plan::{CwtStandard, YearMonth};
use maud::{html, Markup};

use crate::model::ProviderRow;

fn f1(x: f64) -> String {
    let s = format!("{x:.1}");
    if s == "-0.0" {
        "0.0".into()
    } else {
        s
    }
}

/// The plot as inline SVG. `others` are (patients, performance %) of the
/// organisations the plan does not list; `centre` is the funnel's average
/// in percent.
pub fn svg(
    providers: &[ProviderRow],
    others: &[(f64, f64)],
    centre: f64,
    standard: CwtStandard,
    period: YearMonth,
) -> String {
    let p = centre / 100.0;
    let (w, h) = (560.0_f64, 300.0_f64);
    let (left, right, top, bottom) = (48.0, w - 16.0, 16.0, h - 40.0);
    let totals = providers
        .iter()
        .filter_map(|r| r.total.parse::<f64>().ok())
        .chain(others.iter().map(|(n, _)| *n));
    let n_max = totals.fold(100.0_f64, f64::max) * 1.15;
    let n_min = n_max / 20.0;
    let limit = |n: f64, level| funnel_limits(p, n, level).unwrap_or((p, p));
    let (lo_lim, _) = limit(n_min, ConfidenceLevel::Percent99_8);
    let values = providers
        .iter()
        .map(|r| r.performance)
        .chain(others.iter().map(|(_, v)| *v));
    let (mut lo, mut hi) = values.fold((lo_lim * 100.0, centre), |(l, h), v| (l.min(v), h.max(v)));
    let (_, hi_lim) = limit(n_min, ConfidenceLevel::Percent99_8);
    hi = hi.max(hi_lim * 100.0);
    lo = (lo / 5.0).floor() * 5.0;
    hi = ((hi / 5.0).ceil() * 5.0).min(100.0);
    let x = |n: f64| left + (n / n_max) * (right - left);
    let y = |v: f64| bottom - ((v - lo) / (hi - lo).max(1.0)).clamp(0.0, 1.0) * (bottom - top);
    let curve = |level: ConfidenceLevel, upper: bool| -> String {
        let mut d = String::new();
        for i in 0..=60 {
            let n = n_min + (n_max - n_min) * f64::from(i) / 60.0;
            let (l, u) = limit(n, level);
            let v = if upper { u } else { l } * 100.0;
            d.push_str(&format!(
                "{}{} {} ",
                if i == 0 { 'M' } else { 'L' },
                f1(x(n)),
                f1(y(v))
            ));
        }
        d.trim_end().to_owned()
    };
    let ticks: Vec<f64> = (0..=((hi - lo) / 5.0) as usize)
        .map(|k| lo + 5.0 * k as f64)
        .collect();
    let title = format!("Funnel plot: {standard}, trusts, {period}");
    let flagged = providers
        .iter()
        .filter(|r| r.funnel != "within the limits")
        .count();
    let desc = format!(
        "Each trust's performance in {period} against its number of patients, with funnel limits at 95% and 99.8% around the average of the {} organisations in the file, {}%. {} of the plan's {} trusts sit outside the 95% limits.",
        providers.len() + others.len(),
        f1(centre),
        flagged,
        providers.len()
    );
    let id = format!("funnel-{}", standard.to_string().replace([' ', '-'], ""));
    let markup: Markup = html! {
        svg xmlns="http://www.w3.org/2000/svg" class="funnel" viewBox=(format!("0 0 {w} {h}")) role="img"
            aria-labelledby=(format!("{id}-title {id}-desc")) font-family="Arial, Helvetica, sans-serif" {
            title id=(format!("{id}-title")) { (title) }
            desc id=(format!("{id}-desc")) { (desc) }
            g aria-hidden="true" {
                @for t in &ticks {
                    line x1=(f1(left)) x2=(f1(right)) y1=(f1(y(*t))) y2=(f1(y(*t))) stroke="#E8EDEE" {}
                    text x=(f1(left - 4.0)) y=(f1(y(*t) + 3.5)) font-size="10" text-anchor="end" { (format!("{t:.0}")) }
                }
                line x1=(f1(left)) x2=(f1(right)) y1=(f1(bottom)) y2=(f1(bottom)) stroke="#231F20" {}
                text x=(f1((left + right) / 2.0)) y=(f1(h - 8.0)) font-size="10" text-anchor="middle" { "patients in the month" }
                line x1=(f1(left)) x2=(f1(right)) y1=(f1(y(centre))) y2=(f1(y(centre))) stroke="#231F20" stroke-width="1.5" {}
                path d=(curve(ConfidenceLevel::Percent95, true)) fill="none" stroke="#768692" stroke-dasharray="4 3" {}
                path d=(curve(ConfidenceLevel::Percent95, false)) fill="none" stroke="#768692" stroke-dasharray="4 3" {}
                path d=(curve(ConfidenceLevel::Percent99_8, true)) fill="none" stroke="#425563" {}
                path d=(curve(ConfidenceLevel::Percent99_8, false)) fill="none" stroke="#425563" {}
                @for (n, v) in others {
                    circle cx=(f1(x(*n))) cy=(f1(y(*v))) r="2" fill="#D8DDE0" {}
                }
            }
            g {
                @for r in providers {
                    @let n = r.total.parse::<f64>().unwrap_or(0.0);
                    @let colour = if r.funnel.starts_with("below") { "#e46c0a" } else if r.funnel.starts_with("above") { "#00b0f0" } else { "#7B7D7D" };
                    circle cx=(f1(x(n))) cy=(f1(y(r.performance))) r="4.5" fill=(colour) {
                        title { (format!("{} {}: {}% of {} patients, {}", r.code, r.name, f1(r.performance), r.total, r.funnel)) }
                    }
                    text x=(f1(x(n) + 6.0)) y=(f1(y(r.performance) + 3.5)) font-size="9" aria-hidden="true" { (r.code) }
                }
            }
        }
    };
    markup.into_string()
}

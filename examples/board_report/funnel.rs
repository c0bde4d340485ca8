//! The funnel plot of the trusts' latest month: performance against the
//! number of patients, with limits around the alliance's performance at
//! 95% and 99.8% (Wilson score limits for a proportion, as
//! PHEindicatormethods' `phe_funnel` computes them for proportions).

use cancer_plan::{CwtStandard, YearMonth};
use maud::{html, Markup};

use crate::model::ProviderRow;

const Z95: f64 = 1.959_963_984_540_054;
const Z998: f64 = 3.090_232_306_167_813;

/// The Wilson limits around proportion `p` for `n` patients at `z`.
pub fn limits(p: f64, n: f64, z: f64) -> (f64, f64) {
    let z2 = z * z;
    let centre = 2.0 * n * p + z2;
    let spread = z * (z2 + 4.0 * n * p * (1.0 - p)).sqrt();
    let denominator = 2.0 * (n + z2);
    (
        (centre - spread) / denominator,
        (centre + spread) / denominator,
    )
}

/// Where a trust with `observed` of `n` sits against the funnel around `p`.
pub fn position(p: f64, n: f64, observed: f64) -> &'static str {
    let (lo998, hi998) = limits(p, n, Z998);
    let (lo95, hi95) = limits(p, n, Z95);
    if observed > hi998 {
        "above the 99.8% limit"
    } else if observed < lo998 {
        "below the 99.8% limit"
    } else if observed > hi95 {
        "above the 95% limit"
    } else if observed < lo95 {
        "below the 95% limit"
    } else {
        "within the limits"
    }
}

fn f1(x: f64) -> String {
    let s = format!("{x:.1}");
    if s == "-0.0" {
        "0.0".into()
    } else {
        s
    }
}

/// The plot as inline SVG (empty when there is no alliance figure).
pub fn svg(
    providers: &[ProviderRow],
    centre: Option<f64>,
    standard: CwtStandard,
    period: YearMonth,
) -> String {
    let Some(centre) = centre else {
        return String::new();
    };
    let p = centre / 100.0;
    let (w, h) = (560.0_f64, 300.0_f64);
    let (left, right, top, bottom) = (48.0, w - 16.0, 16.0, h - 40.0);
    let totals: Vec<f64> = providers
        .iter()
        .filter_map(|r| r.total.parse::<f64>().ok())
        .collect();
    let n_max = totals.iter().copied().fold(100.0_f64, f64::max) * 1.15;
    let n_min = 10.0_f64;
    let (lo_lim, _) = limits(p, n_min.max(n_max / 20.0), Z998);
    let mut lo = providers
        .iter()
        .map(|r| r.performance)
        .fold(lo_lim * 100.0, f64::min);
    let mut hi = providers
        .iter()
        .map(|r| r.performance)
        .fold(100.0_f64, f64::max);
    lo = (lo / 5.0).floor() * 5.0;
    hi = (hi / 5.0).ceil() * 5.0;
    let x = |n: f64| left + (n / n_max) * (right - left);
    let y = |v: f64| bottom - ((v - lo) / (hi - lo).max(1.0)).clamp(0.0, 1.0) * (bottom - top);
    let curve = |z: f64, upper: bool| -> String {
        let mut d = String::new();
        for i in 0..=60 {
            let n = n_max / 20.0 + (n_max - n_max / 20.0) * f64::from(i) / 60.0;
            let (l, u) = limits(p, n, z);
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
        "Each trust's performance in {period} against its number of patients, with funnel limits at 95% and 99.8% around the alliance's {}%. {} of {} trusts sit outside the 95% limits.",
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
                path d=(curve(Z95, true)) fill="none" stroke="#768692" stroke-dasharray="4 3" {}
                path d=(curve(Z95, false)) fill="none" stroke="#768692" stroke-dasharray="4 3" {}
                path d=(curve(Z998, true)) fill="none" stroke="#425563" {}
                path d=(curve(Z998, false)) fill="none" stroke="#425563" {}
            }
            g {
                @for r in providers {
                    @let n = r.total.parse::<f64>().unwrap_or(0.0);
                    @let colour = if r.funnel.starts_with("below") { "#FAB428" } else if r.funnel.starts_with("above") { "#289DE0" } else { "#7B7D7D" };
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wilson_limits_are_symmetric_in_probability() {
        let (l, u) = limits(0.75, 400.0, Z95);
        assert!(l < 0.75 && u > 0.75);
    }
}

//! Rendering: the view model to one self-contained HTML page (maud escapes
//! every piece of text; the charts are the library's SVG, inserted as
//! pre-escaped markup). No scripts, no external resources.

use maud::{html, Markup, PreEscaped, DOCTYPE};

use crate::model::*;

const CSS: &str = include_str!("report.css");

fn yes_no(met: Option<bool>) -> &'static str {
    match met {
        Some(true) => "met",
        Some(false) => "not met",
        None => "not judged",
    }
}

fn pct(x: Option<f64>) -> String {
    x.map_or_else(|| "no data".into(), |v| format!("{v:.2}%"))
}

pub fn render(r: &Report) -> String {
    let page: Markup = html! {
        (DOCTYPE)
        html lang="en-GB" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (r.title) ", " (r.period_words) }
                style { (PreEscaped(CSS)) }
            }
            body {
                main {
                    (cover(r))
                    (summary(r))
                    @for s in &r.standards { (standard(s)) }
                    (outside(r))
                    @if let Some(b) = &r.budget { (budget(b)) }
                    (rdc(&r.rdc))
                    (how_to_read())
                }
            }
        }
    };
    page.into_string()
}

fn cover(r: &Report) -> Markup {
    html! {
        section.cover aria-labelledby="cover-title" {
            p.kicker { "Board assurance report" }
            h1 #cover-title { (r.title) }
            p.period { "Period: " strong { (r.period_words) } " (" (r.period) "), plan year " (r.plan_year) }
            p.release { (r.release) }
            h2 { "Headlines" }
            ul.headlines { @for h in &r.headlines { li { (h) } } }
            h2 { "Sources" }
            table.sources {
                caption { "Data used in this report" }
                thead { tr {
                    th scope="col" { "File" } th scope="col" { "Layout" } th scope="col" { "Basis" }
                    th scope="col" { "Months" } th scope="col" { "Rows (bad)" } th scope="col" { "Used for" }
                } }
                tbody { @for s in &r.sources { tr {
                    th scope="row" { (s.file) } td { (s.layout) } td { (s.basis) } td { (s.months) }
                    td { (s.rows_read) " (" (s.bad_rows) ")" } td { (s.used_for) }
                } } }
            }
            p.note { (r.computed_with) }
        }
    }
}

fn summary(r: &Report) -> Markup {
    html! {
        section.summary #summary aria-labelledby="summary-title" {
            h2 #summary-title { "Summary: Making Data Count icons, " (r.period_words) }
            table.icons {
                caption { "Latest month, variation and assurance for each measure and organisation, with the basis of the figures. Assurance is judged against the headline target of the month: the plan's ask where the plan sets one, otherwise the national milestone or standard in force. Each layer is judged separately in the standard's section." }
                thead { tr {
                    th scope="col" { "Measure" } th scope="col" { "Organisation" } th scope="col" { "Level" }
                    th scope="col" { "Performance" } th scope="col" { "Patients" } th scope="col" { "Assurance target" }
                    th scope="col" { "Variation" } th scope="col" { "Assurance" }
                } }
                tbody {
                    @for row in &r.summary {
                        tr class=(format!("level-{}{}", row.level.label().to_lowercase().replace(' ', "-"), if row.no_chart.is_some() { " no-chart" } else { "" })) {
                            td { @if row.no_chart.is_none() { a href=(format!("#{}", row.chart_id)) { (row.measure) } } @else { (row.measure) } }
                            th scope="row" { (row.organisation) }
                            td { (row.level.label()) br; span.met { (row.basis) } }
                            td.num { (pct(row.performance)) " " span.met { "(" (yes_no(row.met)) ")" } }
                            td.num { (row.patients) }
                            td { (row.target_in_force.as_deref().unwrap_or("none")) }
                            @if let Some(reason) = &row.no_chart {
                                td.reason colspan="2" { "No chart: " (reason) }
                            } @else {
                                td.icon { (PreEscaped(&row.variation_icon)) }
                                td.icon { (PreEscaped(&row.assurance_icon)) }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn standard(s: &StandardSection) -> Markup {
    html! {
        section.standard id=(s.anchor) aria-labelledby=(format!("{}-title", s.anchor)) {
            h2 id=(format!("{}-title", s.anchor)) { (s.measure) }
            h3 { "Latest month against each target layer (alliance, " (s.latest_month) ")" }
            p { "Alliance performance: " strong { (pct(s.alliance_performance)) } }
            table.layers {
                caption { "Each layer of target kept separate: the standard, the national milestones and the plan's own ask" }
                thead { tr {
                    th scope="col" { "Layer" } th scope="col" { "Threshold" } th scope="col" { "In force" }
                    th scope="col" { "Met?" } th scope="col" { "Gap (patients)" } th scope="col" { "Note" }
                } }
                tbody { @for l in &s.layers { tr {
                    th scope="row" { (l.layer) } td.num { (l.threshold) } td { (l.in_force) }
                    td { (yes_no(l.met)) } td.num { (l.gap_in_patients.map_or("-".to_owned(), |g| g.to_string())) } td { (l.note) }
                } } }
            }
            h3 { "SPC charts" }
            div.charts {
                @for c in &s.charts {
                    figure class=(format!("chart chart-{}", match c.level { Level::Alliance => "alliance", _ => "small" })) id=(c.id) {
                        (PreEscaped(&c.svg))
                        figcaption { (c.organisation) ": " (c.variation) "; " (c.assurance) " (" (c.months) " months)" @if let Some(n) = &c.note { "; " (n) } }
                    }
                }
            }
            h3 { "Provider breakdown, " (s.latest_month) }
            div.breakdown {
                table.providers {
                    caption { "Trusts' latest month with 95% Wilson intervals and their place on the funnel plot" }
                    thead { tr {
                        th scope="col" { "Trust" } th scope="col" { "ICB" } th scope="col" { "Within / total" }
                        th scope="col" { "Performance" } th scope="col" { "95% interval" } th scope="col" { "Funnel" }
                    } }
                    tbody { @for p in &s.providers { tr {
                        th scope="row" { (p.code) " " (p.name) } td { (p.icb) } td.num { (p.within) " / " (p.total) }
                        td.num { (format!("{:.1}%", p.performance)) } td.num { (format!("{:.1}-{:.1}%", p.wilson_95.0, p.wilson_95.1)) } td { (p.funnel) }
                    } } }
                }
                @if !s.funnel_svg.is_empty() { figure.funnel { (PreEscaped(&s.funnel_svg)) figcaption { "Funnel limits at 95% (dashed) and 99.8% (solid) around the alliance's " (pct(s.funnel_centre)) "." } } }
            }
            h3 { "Trajectory against plan" }
            p { (s.trajectory.note) }
            table.trajectory {
                caption { "Alliance, last twelve months" @if let Some(a) = &s.trajectory.ask { "; plan's ask " (a) } }
                thead { tr { th scope="col" { "Month" } th scope="col" { "Planned" } th scope="col" { "Actual" } th scope="col" { "On track?" } } }
                tbody { @for t in &s.trajectory.rows { tr {
                    th scope="row" { (t.month) } td.num { (t.planned.as_deref().unwrap_or("-")) } td.num { (pct(t.actual)) }
                    td { (match t.on_track { Some(true) => "yes", Some(false) => "no", None => "not judged" }) }
                } } }
            }
        }
    }
}

fn outside(r: &Report) -> Markup {
    html! {
        @if !r.outside.is_empty() {
            section.outside aria-labelledby="outside-title" {
                h2 #outside-title { "Organisations outside the alliance's ICBs" }
                ul { @for o in &r.outside { li { strong { (o.code) " " (o.name) } ": " (o.why) "." } } }
            }
        }
    }
}

fn budget(b: &BudgetView) -> Markup {
    html! {
        section.budget #budget aria-labelledby="budget-title" {
            h2 #budget-title { "Budget" }
            p { "Total allocation: " strong { (b.total) } }
            table.areas {
                caption { "Allocation areas" }
                thead { tr { th scope="col" { "Area" } th scope="col" { "Share" } th scope="col" { "Guide spend" } th scope="col" { "Budget" } th scope="col" { "Lines" } } }
                tbody { @for a in &b.areas { tr {
                    th scope="row" { (a.name) } td.num { (a.share) } td.num { (a.guide_spend) } td.num { (a.budget) } td.num { (a.lines) }
                } } }
            }
            h3 { "Reconciliation findings" }
            @if b.findings.is_empty() { p { "No difference beyond rounding." } }
            @else { ul { @for f in &b.findings { li { (f) } } } }
            p.note { (b.rounding_findings) " further differences are within rounding of the printed tables and need no action." }
            h3 { "Exit risks" }
            table.risks {
                caption { "Budget lines whose exit carries a risk" }
                thead { tr { th scope="col" { "Risk" } th scope="col" { "Lines" } th scope="col" { "Amount" } } }
                tbody { @for e in &b.exit_risks { tr { th scope="row" { (e.risk) } td.num { (e.lines) } td.num { (e.amount) } } } }
            }
        }
    }
}

fn rdc(v: &RdcView) -> Markup {
    html! {
        section.rdc #rdc aria-labelledby="rdc-title" {
            h2 #rdc-title { "Rapid Diagnostic Centre principles" }
            p.coverage { strong { "Coverage: " (v.sites_assessed) " of " (v.sites_total) " tumour sites assessed. " } (v.summary) }
            @if v.illustrative { p.note { "The plan's assessments are labelled illustrative: they show how the matrix reads, not real findings." } }
            table.matrix {
                caption { "Alliance compliance by tumour site and principle (" (v.assessments) " assessments in the plan)" }
                thead { tr { th scope="col" { "Tumour site" } @for p in &v.principles { th scope="col" { (p) } } } }
                tbody { @for row in &v.rows { tr class=(if row.assessed { "assessed" } else { "not-assessed" }) {
                    th scope="row" { (row.site) }
                    @for l in &row.levels { td class=(l.replace(' ', "-")) { (l) } }
                } } }
            }
        }
    }
}

fn how_to_read() -> Markup {
    html! {
        section.how #how aria-labelledby="how-title" {
            h2 #how-title { "How to read this page" }
            dl {
                dt { "SPC chart" }
                dd { "Each point is one month's performance. The solid dark line is the mean; the dashed grey lines are the process limits (mean ± 2.66 × the mean moving range), where almost all months fall while nothing changes. A shaded band marks two sigma. A dotted vertical line marks a rebase, after which the limits are recalculated." }
                dt { "Point colours" }
                dd { "Grey: common cause (no significant change). Orange: special cause of concerning nature. Blue: special cause of improving nature. A special cause is a point outside the limits, a run of 7 on one side of the mean, a trend of 7 rising or falling, or two of three near a limit." }
                dt { "Variation icon (left)" }
                dd { "Grey: common cause. Blue with H or L: improvement, high or low. Orange with H or L: concern, high or low." }
                dt { "Assurance icon (right)" }
                dd { "Blue P: the process will consistently pass the threshold. Orange F: it will consistently fail without change. Grey ?: hit and miss, it will pass and fail at random. Judged against the month's headline target (the plan's ask where there is one, otherwise the national milestone or standard in force); the variation icon is the latest month's." }
                dt { "Target layers" }
                dd { "Red solid: the standard's own threshold. Dark red dashed: the national planning milestone. Blue dotted: the plan's own ask. These are kept separate: a month can meet a milestone and miss the standard." }
                dt { "Basis" }
                dd { "Provider basis: patients counted by the trust that treated or diagnosed them. Commissioner-basis figures (by the patient's sub-ICB location) differ; ICB figures here are the sum of the ICB's trusts." }
                dt { "Funnel plot" }
                dd { "A trust outside the 99.8% limits differs from the alliance by more than chance; outside 95% is a warning. Small trusts have wide limits." }
                dt { "Release status" }
                dd { "Recent months are provisional and may be revised." }
            }
        }
    }
}

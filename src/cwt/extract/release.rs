//! Releases: NHS England publishes each month's extract **provisional**
//! and later revises it to **final** (October 2023 FDS: 271,402 told
//! provisional, 275,198 final). An extract carries its [`Release`] when the
//! caller says it; [`Combined`] joins extracts of overlapping months by an
//! explicit rule and reports what it replaced.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

use crate::YearMonth;

/// Which release of NHS England's monthly CWT statistics an extract is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Release {
    /// First published, to be revised.
    Provisional,
    /// Revised and final.
    Final,
}

impl Release {
    /// The release a file's *name* says, by NHS England's convention of
    /// naming revised files `...Final...` or `...Revised...` / `...with
    /// Revisions...` and first releases `...Provisional...` (words compared
    /// without case, split at anything not a letter or digit). `None` when
    /// the name says neither, or both: then the caller must say. Takes a
    /// name, not a path to open: the library opens no files.
    ///
    /// ```
    /// use cancer_plan::cwt::extract::Release;
    /// assert_eq!(Release::from_file_name("CWT-CRS-Apr-2024-to-Sep-2024-Data-Extract-Provider-Final.xlsx"), Some(Release::Final));
    /// assert_eq!(Release::from_file_name("CWT CRS Provider Time Series with Revisions.xlsx"), Some(Release::Final));
    /// assert_eq!(Release::from_file_name("cwt-provider-extract-2025-07-provisional.csv"), Some(Release::Provisional));
    /// assert_eq!(Release::from_file_name("CWT-CRS-Oct-2023-Data-Extract-Provider.xlsx"), None);
    /// assert_eq!(Release::from_file_name("finalist.csv"), None);
    /// ```
    pub fn from_file_name(name: &str) -> Option<Release> {
        let words = name
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty());
        let (mut provisional, mut fin) = (false, false);
        for word in words {
            let is = |w: &str| word.eq_ignore_ascii_case(w);
            if is("provisional") {
                provisional = true;
            } else if is("final") || is("revised") || is("revisions") {
                fin = true;
            }
        }
        match (provisional, fin) {
            (true, false) => Some(Release::Provisional),
            (false, true) => Some(Release::Final),
            _ => None,
        }
    }

    /// `provisional` or `final`.
    pub const fn name(self) -> &'static str {
        match self {
            Release::Provisional => "provisional",
            Release::Final => "final",
        }
    }
}

impl fmt::Display for Release {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.name())
    }
}

/// Where a month of a [`Combined`] extract came from: the input's position
/// (from 0) and its release.
pub type Source = (usize, Option<Release>);

/// A month an input of [`Combined`] lost to another: every row of that
/// month in the input `replaced` was left out, and the month taken from
/// `kept`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Replacement {
    month: YearMonth,
    kept: Source,
    replaced: Source,
    rows_left_out: usize,
}

impl Replacement {
    /// The month.
    pub fn month(&self) -> YearMonth {
        self.month
    }

    /// The input the month was taken from (its position among the inputs,
    /// from 0) and its release.
    pub fn kept(&self) -> Source {
        self.kept
    }

    /// The input whose rows of the month were left out, and its release.
    pub fn replaced(&self) -> Source {
        self.replaced
    }

    /// How many valid rows of the month it had.
    pub fn rows_left_out(&self) -> usize {
        self.rows_left_out
    }
}

impl fmt::Display for Replacement {
    /// `2024-09: input 2 (final) replaces input 1 (provisional), 412 rows left out`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let release = |r: Option<Release>| r.map_or("release not stated", Release::name);
        write!(
            f,
            "{}: input {} ({}) replaces input {} ({}), {} rows left out",
            self.month,
            self.kept.0.saturating_add(1),
            release(self.kept.1),
            self.replaced.0.saturating_add(1),
            release(self.replaced.1),
            self.rows_left_out
        )
    }
}

/// Extracts of overlapping months joined by one rule, from
/// [`Extract::combine`](super::Extract::combine) or
/// [`SubIcbExtract::combine`](super::SubIcbExtract::combine).
///
/// **The rule, month by month:** a month found in more than one input is
/// taken whole from one of them: a [`Release::Final`] input supersedes a
/// provisional one (or one whose release is not stated); between inputs of
/// the same rank, the later input (in the order given) wins. Every month
/// left out of an input is a [`Replacement`]. Rows are never mixed within a
/// month, so no repeat across inputs is counted twice. The bad rows of
/// every input are kept, each with its line in its own file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Combined<E> {
    extract: E,
    sources: BTreeMap<YearMonth, Source>,
    replaced: Vec<Replacement>,
}

impl<E> Combined<E> {
    /// The joined extract.
    pub fn extract(&self) -> &E {
        &self.extract
    }

    /// The joined extract, taken.
    pub fn into_extract(self) -> E {
        self.extract
    }

    /// Each month and the input it was taken from (position, release).
    pub fn sources(&self) -> &BTreeMap<YearMonth, Source> {
        &self.sources
    }

    /// The months left out of inputs, in month then input order.
    pub fn replaced(&self) -> &[Replacement] {
        &self.replaced
    }
}

/// Each month's source.
type Sources = BTreeMap<YearMonth, Source>;

/// The joined rows and bad rows, the months' sources and the replacements.
pub(super) type Joined<R, B> = (Vec<R>, Vec<B>, Sources, Vec<Replacement>);

/// Which input each month comes from, and what that replaces: `months[i]`
/// lists input `i`'s months with their valid-row counts.
fn choose(months: &[(Option<Release>, BTreeMap<YearMonth, usize>)]) -> (Sources, Vec<Replacement>) {
    let rank = |r: Option<Release>| u8::from(r == Some(Release::Final));
    let mut sources: BTreeMap<YearMonth, Source> = BTreeMap::new();
    for (i, (release, rows)) in months.iter().enumerate() {
        for &month in rows.keys() {
            let entry = sources.entry(month).or_insert((i, *release));
            if rank(*release) >= rank(entry.1) {
                *entry = (i, *release);
            }
        }
    }
    let mut replaced = Vec::new();
    for (&month, &kept) in &sources {
        for (i, (release, rows)) in months.iter().enumerate() {
            if i == kept.0 {
                continue;
            }
            if let Some(&n) = rows.get(&month) {
                replaced.push(Replacement {
                    month,
                    kept,
                    replaced: (i, *release),
                    rows_left_out: n,
                });
            }
        }
    }
    (sources, replaced)
}

/// Joins the inputs' rows by [`choose`]: `parts` gives each input's
/// release, rows (with each row's month by `period`) and bad rows.
pub(super) fn combine<R, B>(
    parts: Vec<(Option<Release>, Vec<R>, Vec<B>)>,
    period: impl Fn(&R) -> YearMonth,
) -> Joined<R, B> {
    let months: Vec<(Option<Release>, BTreeMap<YearMonth, usize>)> = parts
        .iter()
        .map(|(release, rows, _)| {
            let mut counts: BTreeMap<YearMonth, usize> = BTreeMap::new();
            for row in rows {
                let n = counts.entry(period(row)).or_insert(0);
                *n = n.saturating_add(1);
            }
            (*release, counts)
        })
        .collect();
    let (sources, replaced) = choose(&months);
    let (mut rows, mut bad) = (Vec::new(), Vec::new());
    for (i, (_, part_rows, part_bad)) in parts.into_iter().enumerate() {
        rows.extend(
            part_rows
                .into_iter()
                .filter(|r| sources.get(&period(r)).is_some_and(|s| s.0 == i)),
        );
        bad.extend(part_bad);
    }
    (rows, bad, sources, replaced)
}

impl<E> Combined<E> {
    /// The same join with the extract turned into another type.
    pub(super) fn map<F>(self, f: impl FnOnce(E) -> F) -> Combined<F> {
        Combined {
            extract: f(self.extract),
            sources: self.sources,
            replaced: self.replaced,
        }
    }

    pub(super) fn new(extract: E, sources: Sources, replaced: Vec<Replacement>) -> Combined<E> {
        Combined {
            extract,
            sources,
            replaced,
        }
    }
}

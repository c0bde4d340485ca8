//! [`PerformanceTable`]: performance by reporting month x standard x any
//! grouping (organisation, route, cancer type, ICB, alliance, ...).

use std::collections::{BTreeMap, BTreeSet};

use super::{MonthlyPerformance, Performance, PerformanceError};
use crate::{period::YearMonth, standard::CwtStandard};

/// Performance by reporting month x standard x group `K`, where `K` is any
/// grouping the caller chooses: an organisation code, `(OdsCode,
/// TumourSite)`, an ICB name, `()` for everything.
///
/// Adding is exact; [`PerformanceTable::regroup`] rolls groups up through
/// a caller-supplied mapping (trust -> ICB -> alliance) and reports the
/// groups the mapping did not cover, so that none disappear silently.
///
/// ```
/// use cancer_plan::cwt::{PatientCount, Performance, PerformanceTable};
/// use cancer_plan::{CwtStandard, YearMonth};
/// let oct: YearMonth = "2023-10".parse()?;
/// let fds = CwtStandard::FasterDiagnosis28Day;
/// let mut table = PerformanceTable::new();
/// table.add(oct, fds, "RHM", Performance::new(PatientCount::whole(8), PatientCount::whole(10))?)?;
/// table.add(oct, fds, "R0D", Performance::new("1.5".parse()?, "2.5".parse()?)?)?;
/// let (icbs, unmapped) = table.regroup(|org| match *org {
///     "RHM" => Some("HIOW"),
///     _ => None,
/// })?;
/// assert_eq!(icbs.get(oct, fds, &"HIOW").map(|p| p.to_string()), Some("8 / 10 (80.00%)".into()));
/// assert_eq!(unmapped.into_iter().collect::<Vec<_>>(), vec!["R0D"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PerformanceTable<K: Ord> {
    cells: BTreeMap<(YearMonth, CwtStandard), BTreeMap<K, Performance>>,
}

impl<K: Ord> Default for PerformanceTable<K> {
    fn default() -> Self {
        PerformanceTable {
            cells: BTreeMap::new(),
        }
    }
}

impl<K: Ord> PerformanceTable<K> {
    /// An empty table.
    pub fn new() -> PerformanceTable<K> {
        PerformanceTable::default()
    }

    /// Adds `performance` to the cell (`month`, `standard`, `group`).
    ///
    /// # Errors
    ///
    /// [`PerformanceError::Overflow`] if the cell's counts overflow.
    pub fn add(
        &mut self,
        month: YearMonth,
        standard: CwtStandard,
        group: K,
        performance: Performance,
    ) -> Result<(), PerformanceError> {
        let cell = self
            .cells
            .entry((month, standard))
            .or_default()
            .entry(group)
            .or_default();
        *cell = cell
            .checked_add(performance)
            .ok_or(PerformanceError::Overflow)?;
        Ok(())
    }

    /// The performance of a cell, `None` if nothing was added to it.
    pub fn get<Q>(&self, month: YearMonth, standard: CwtStandard, group: &Q) -> Option<Performance>
    where
        K: std::borrow::Borrow<Q>,
        Q: Ord + ?Sized,
    {
        self.cells.get(&(month, standard))?.get(group).copied()
    }

    /// Every cell, ordered by month, standard, group.
    pub fn iter(&self) -> impl Iterator<Item = (YearMonth, CwtStandard, &K, Performance)> + '_ {
        self.cells.iter().flat_map(|(&(month, standard), groups)| {
            groups
                .iter()
                .map(move |(group, &perf)| (month, standard, group, perf))
        })
    }

    /// The groups of one month and standard, ordered by group.
    pub fn groups_of(
        &self,
        month: YearMonth,
        standard: CwtStandard,
    ) -> impl Iterator<Item = (&K, Performance)> + '_ {
        self.cells
            .get(&(month, standard))
            .into_iter()
            .flat_map(|groups| groups.iter().map(|(g, &p)| (g, p)))
    }

    /// The (month, standard) pairs present, ordered.
    pub fn periods(&self) -> impl Iterator<Item = (YearMonth, CwtStandard)> + '_ {
        self.cells.keys().copied()
    }

    /// The monthly series of one group for one standard, ordered by month
    /// (months where nothing was added are absent).
    pub fn series<Q>(&self, standard: CwtStandard, group: &Q) -> Vec<MonthlyPerformance>
    where
        K: std::borrow::Borrow<Q>,
        Q: Ord + ?Sized,
    {
        self.cells
            .iter()
            .filter(|((_, s), _)| *s == standard)
            .filter_map(|(&(month, _), groups)| {
                groups
                    .get(group)
                    .map(|&p| MonthlyPerformance::new(month, p))
            })
            .collect()
    }

    /// Whether the table has no cells.
    pub fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }

    /// Adds every cell of `other` into `self`.
    ///
    /// # Errors
    ///
    /// [`PerformanceError::Overflow`] if a cell's counts overflow.
    pub fn merge(&mut self, other: PerformanceTable<K>) -> Result<(), PerformanceError> {
        for ((month, standard), groups) in other.cells {
            for (group, perf) in groups {
                self.add(month, standard, group, perf)?;
            }
        }
        Ok(())
    }

    /// Rolls the groups up through `mapping` (e.g. trust -> ICB, or trust ->
    /// alliance): each cell adds into the group `mapping` returns. Groups
    /// for which `mapping` returns `None` are left out of the new table and
    /// returned in the set beside it, so that nothing is dropped unseen.
    ///
    /// # Errors
    ///
    /// [`PerformanceError::Overflow`] if a cell's counts overflow.
    #[allow(clippy::type_complexity)]
    pub fn regroup<G: Ord>(
        &self,
        mut mapping: impl FnMut(&K) -> Option<G>,
    ) -> Result<(PerformanceTable<G>, BTreeSet<K>), PerformanceError>
    where
        K: Clone,
    {
        let mut table = PerformanceTable::new();
        let mut unmapped = BTreeSet::new();
        for (month, standard, group, perf) in self.iter() {
            match mapping(group) {
                Some(g) => table.add(month, standard, g, perf)?,
                None => {
                    unmapped.insert(group.clone());
                }
            }
        }
        Ok((table, unmapped))
    }

    /// Every group added together, by month and standard.
    ///
    /// # Errors
    ///
    /// [`PerformanceError::Overflow`] if a cell's counts overflow.
    pub fn overall(&self) -> Result<PerformanceTable<()>, PerformanceError>
    where
        K: Clone,
    {
        self.regroup(|_| Some(())).map(|(table, _)| table)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cwt::PatientCount;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn regrouping_keeps_every_patient(
            cells in proptest::collection::vec((0u8..3, 0u8..10, 0u64..1000, 0u64..1000), 0..60),
        ) {
            let m: YearMonth = "2024-01".parse().unwrap();
            let mut table = PerformanceTable::new();
            let mut total = Performance::ZERO;
            for (month, group, a, b) in cells {
                let p = Performance::new(PatientCount::from_halves(a.min(b)), PatientCount::from_halves(a.max(b))).unwrap();
                table.add(m.plus_months(month.into()).unwrap(), CwtStandard::Combined62Day, group, p).unwrap();
                total = total.checked_add(p).unwrap();
            }
            let (evens, odd) = table.regroup(|g| (g % 2 == 0).then_some(g / 2)).unwrap();
            let (odds, even) = table.regroup(|g| (g % 2 == 1).then_some(*g)).unwrap();
            prop_assert!(odd.iter().all(|g| g % 2 == 1) && even.iter().all(|g| g % 2 == 0));
            let sum = |t: &PerformanceTable<u8>| Performance::checked_sum(t.iter().map(|(.., p)| p)).unwrap();
            prop_assert_eq!(sum(&evens).checked_add(sum(&odds)).unwrap(), total);
            let overall = Performance::checked_sum(table.overall().unwrap().iter().map(|(.., p)| p)).unwrap();
            prop_assert_eq!(overall, total);
        }
    }

    #[test]
    fn series_and_merge() {
        let fds = CwtStandard::FasterDiagnosis28Day;
        let m1: YearMonth = "2024-01".parse().unwrap();
        let p =
            Performance::new(PatientCount::from_halves(1), PatientCount::from_halves(3)).unwrap();
        let mut a = PerformanceTable::new();
        a.add(m1.next().unwrap(), fds, "X", p).unwrap();
        a.add(m1, fds, "X", p).unwrap();
        a.add(m1, CwtStandard::Combined31Day, "X", p).unwrap();
        let mut b = a.clone();
        b.merge(a.clone()).unwrap();
        let s = b.series(fds, "X");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].month(), m1);
        assert_eq!(s[0].performance().total().to_string(), "3");
        assert_eq!(
            b.overall().unwrap().get(m1, fds, &()),
            Some(p.checked_add(p).unwrap())
        );
    }
}

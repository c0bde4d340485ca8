//! Building SPC series from the CWT module's monthly performance.

use std::borrow::Borrow;

use super::{ImprovementDirection, Series, SpcError, SpcOptions};
use crate::cwt::{MonthlyPerformance, Performance, PerformanceTable};
use crate::standard::target_for;
use crate::{period::YearMonth, standard::CwtStandard};

impl Series {
    /// A series of performance in percentage points (`100 × within /
    /// total`) from the CWT module's monthly performance, in month order.
    /// Half patients (shared pathways) are kept: the percentage is computed
    /// from the exact counts.
    ///
    /// ```
    /// use cancer_plan::cwt::{MonthlyPerformance, PatientCount, Performance};
    /// use cancer_plan::spc::Series;
    /// use cancer_plan::YearMonth;
    ///
    /// let oct: YearMonth = "2023-10".parse()?;
    /// let p = Performance::new("7.5".parse()?, PatientCount::whole(10))?;
    /// let series = Series::from_performance([MonthlyPerformance::new(oct, p)])?;
    /// assert_eq!(series.points()[0].value(), 75.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// An [`SpcError`] for no months, a gap, months out of order, or a month
    /// with no patients (no percentage).
    pub fn from_performance(
        monthly: impl IntoIterator<Item = MonthlyPerformance>,
    ) -> Result<Series, SpcError> {
        let mut points = Vec::new();
        for m in monthly {
            points.push((m.month(), percentage_points(m.month(), m.performance())?));
        }
        Series::new(points)
    }

    /// The series of one group (a trust's ODS code, an ICB, the alliance:
    /// whatever the table is grouped by; use
    /// [`PerformanceTable::regroup`] to roll trusts up) for one standard.
    ///
    /// ```
    /// use cancer_plan::cwt::{PatientCount, Performance, PerformanceTable};
    /// use cancer_plan::spc::{ImprovementDirection, Series, SpcChart, SpcOptions};
    /// use cancer_plan::{CwtStandard, YearMonth};
    ///
    /// let fds = CwtStandard::FasterDiagnosis28Day;
    /// let start: YearMonth = "2024-04".parse()?;
    /// let mut table = PerformanceTable::new();
    /// for i in 0..12_u32 {
    ///     let month = start.saturating_plus_months(i as i32);
    ///     let w = |n: u32| PatientCount::whole(n);
    ///     table.add(month, fds, "RHM", Performance::new(w(700 + 5 * (i % 3)), w(1000))?)?;
    ///     table.add(month, fds, "RN5", Performance::new(w(380 + 4 * (i % 2)), w(500))?)?;
    /// }
    /// // Trusts roll up to the ICB (both are in Hampshire and Isle of Wight).
    /// let (icbs, unmapped) = table.regroup(|_trust| Some("HIOW"))?;
    /// assert!(unmapped.is_empty());
    /// let series = Series::from_table(&icbs, fds, "HIOW")?;
    /// let options = SpcOptions::for_cwt(fds, series.last_month());
    /// let chart = SpcChart::new(&series, &options)?;
    /// assert_eq!(chart.target(), Some(75.0)); // the FDS standard (not the 77% milestone)
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Series::from_performance`], for the group's months in the table.
    pub fn from_table<K, Q>(
        table: &PerformanceTable<K>,
        standard: CwtStandard,
        group: &Q,
    ) -> Result<Series, SpcError>
    where
        K: Ord + Borrow<Q>,
        Q: Ord + ?Sized,
    {
        Series::from_performance(table.series(standard, group))
    }
}

impl SpcOptions {
    /// Options for CWT performance: higher is better, and the target is the
    /// standard's own threshold in `month` (usually the chart's last month;
    /// [`target_for`]), when there is one. For another layer (the milestone
    /// in force, the plan's ask) set it with
    /// [`target_percent`](SpcOptions::target_percent) from
    /// [`TargetLayers`](crate::standard::TargetLayers).
    pub fn for_cwt(standard: CwtStandard, month: YearMonth) -> SpcOptions {
        let options = SpcOptions::new(ImprovementDirection::Increase);
        match target_for(standard, month) {
            Some(target) => options.target_percent(target.threshold()),
            None => options,
        }
    }
}

/// Performance in percentage points, as f64.
fn percentage_points(month: YearMonth, performance: Performance) -> Result<f64, SpcError> {
    if performance.is_empty() {
        return Err(SpcError::NoActivity { month });
    }
    // Half-patient counts are exact in f64 below 2^52 patients.
    Ok(100.0 * performance.within().to_f64() / performance.total().to_f64())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cwt::PatientCount;

    #[test]
    fn a_month_without_patients_is_an_error() {
        let oct: YearMonth = "2023-10".parse().unwrap();
        let err = Series::from_performance([MonthlyPerformance::new(oct, Performance::ZERO)]);
        assert_eq!(err, Err(SpcError::NoActivity { month: oct }));
    }

    #[test]
    fn a_missing_month_in_the_table_is_a_gap() {
        let fds = CwtStandard::FasterDiagnosis28Day;
        let oct: YearMonth = "2023-10".parse().unwrap();
        let p = Performance::new(PatientCount::whole(3), PatientCount::whole(4)).unwrap();
        let mut table = PerformanceTable::new();
        table.add(oct, fds, "RHM", p).unwrap();
        table
            .add(oct.plus_months(2).unwrap(), fds, "RHM", p)
            .unwrap();
        assert!(matches!(
            Series::from_table(&table, fds, "RHM"),
            Err(SpcError::Gap { .. })
        ));
    }

    #[test]
    fn cwt_options_take_the_threshold_in_force() {
        let fds = CwtStandard::FasterDiagnosis28Day;
        let o = SpcOptions::for_cwt(fds, "2024-10".parse().unwrap());
        assert_eq!(o.target_value(), Some(75.0));
        assert_eq!(o.direction(), ImprovementDirection::Increase);
        let early = SpcOptions::for_cwt(fds, "2020-01".parse().unwrap());
        assert_eq!(early.target_value(), None);
    }
}

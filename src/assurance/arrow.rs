//! The assurance rows and funnels as Arrow `RecordBatch`es (feature
//! `pathway-arrow`), in the manner of
//! [`performance_table_batch`](crate::cwt::pathway::performance_table_batch):
//! `month` `YYYY-MM`, `standard` its code, counts as exact
//! `Decimal128(38, 1)` patients.

use std::sync::Arc;

use arrow_array::builder::{
    BooleanBuilder, Decimal128Builder, Float64Builder, StringBuilder, UInt64Builder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{ArrowError, DataType, Field, Schema};
use rust_decimal::prelude::ToPrimitive;

use super::{AssuranceRow, Funnel};
use crate::cwt::{PatientCount, Performance};
use crate::standard::TargetLayer;

fn count_type() -> DataType {
    DataType::Decimal128(38, 1)
}

fn tenths(count: PatientCount) -> i128 {
    i128::from(count.halves()).saturating_mul(5)
}

/// The four columns of one target layer: threshold (points), met, gap in
/// patients, due.
struct LayerColumns {
    name: &'static str,
    layer: TargetLayer,
    threshold: Float64Builder,
    met: BooleanBuilder,
    gap: UInt64Builder,
    due: BooleanBuilder,
}

impl LayerColumns {
    fn new(name: &'static str, layer: TargetLayer) -> LayerColumns {
        LayerColumns {
            name,
            layer,
            threshold: Float64Builder::new(),
            met: BooleanBuilder::new(),
            gap: UInt64Builder::new(),
            due: BooleanBuilder::new(),
        }
    }

    fn push(&mut self, row: &AssuranceRow) {
        let judged = row.target(self.layer);
        if self.layer == TargetLayer::Standard && judged.is_none() {
            // Before the combined standards: the predecessor's threshold.
            return self.push_judged(row.target(TargetLayer::PredecessorStandard));
        }
        self.push_judged(judged);
    }

    fn push_judged(&mut self, judged: Option<&crate::cwt::JudgedTarget>) {
        self.threshold
            .append_option(judged.and_then(|j| j.target().threshold().points().to_f64()));
        self.met.append_option(judged.map(|j| j.met()));
        self.gap
            .append_option(judged.and_then(|j| j.gap_in_patients()));
        self.due.append_option(judged.map(|j| j.due()));
    }

    fn finish(mut self, fields: &mut Vec<Field>, columns: &mut Vec<ArrayRef>) {
        let n = self.name;
        fields.push(Field::new(
            format!("{n}_threshold"),
            DataType::Float64,
            true,
        ));
        fields.push(Field::new(format!("{n}_met"), DataType::Boolean, true));
        fields.push(Field::new(format!("{n}_gap"), DataType::UInt64, true));
        fields.push(Field::new(format!("{n}_due"), DataType::Boolean, true));
        columns.push(Arc::new(self.threshold.finish()));
        columns.push(Arc::new(self.met.finish()));
        columns.push(Arc::new(self.gap.finish()));
        columns.push(Arc::new(self.due.finish()));
    }
}

/// The columns both tables open with: text (`month`, `standard`, ...),
/// `in_alliance`, the exact `total` and `within`, then f64 columns.
struct CommonColumns {
    text: Vec<(&'static str, StringBuilder)>,
    in_alliance: BooleanBuilder,
    total: Decimal128Builder,
    within: Decimal128Builder,
    floats: Vec<(&'static str, Float64Builder)>,
    floats_nullable: bool,
}

impl CommonColumns {
    fn new(text: &[&'static str], floats: &[&'static str], floats_nullable: bool) -> CommonColumns {
        CommonColumns {
            text: text.iter().map(|n| (*n, StringBuilder::new())).collect(),
            in_alliance: BooleanBuilder::new(),
            total: Decimal128Builder::new().with_data_type(count_type()),
            within: Decimal128Builder::new().with_data_type(count_type()),
            floats: floats.iter().map(|n| (*n, Float64Builder::new())).collect(),
            floats_nullable,
        }
    }

    /// One row: `text` and `numbers` in the order of the names given to
    /// [`CommonColumns::new`].
    fn push(
        &mut self,
        text: impl IntoIterator<Item = String>,
        in_alliance: bool,
        performance: Performance,
        numbers: impl IntoIterator<Item = Option<f64>>,
    ) {
        for ((_, builder), value) in self.text.iter_mut().zip(text) {
            builder.append_value(value);
        }
        self.in_alliance.append_value(in_alliance);
        self.total.append_value(tenths(performance.total()));
        self.within.append_value(tenths(performance.within()));
        for ((_, builder), value) in self.floats.iter_mut().zip(numbers) {
            builder.append_option(value);
        }
    }

    fn finish(self, fields: &mut Vec<Field>, columns: &mut Vec<ArrayRef>) {
        let CommonColumns {
            text,
            mut in_alliance,
            mut total,
            mut within,
            floats,
            floats_nullable,
        } = self;
        for (name, mut builder) in text {
            fields.push(Field::new(name, DataType::Utf8, false));
            columns.push(Arc::new(builder.finish()));
        }
        fields.push(Field::new("in_alliance", DataType::Boolean, false));
        columns.push(Arc::new(in_alliance.finish()));
        fields.push(Field::new("total", count_type(), false));
        columns.push(Arc::new(total.finish()));
        fields.push(Field::new("within", count_type(), false));
        columns.push(Arc::new(within.finish()));
        for (name, mut builder) in floats {
            fields.push(Field::new(name, DataType::Float64, floats_nullable));
            columns.push(Arc::new(builder.finish()));
        }
    }
}

/// The rows as a record batch, one row per [`AssuranceRow`]: `month`,
/// `standard`, `basis`, `level`, `code`, `name`, `in_alliance`, `total`,
/// `within`, `percent`, `wilson95_lower`, `wilson95_upper`,
/// `wilson998_lower`, `wilson998_upper` (percentage points), then per layer
/// (`standard` — the predecessor's before October 2023 —, `milestone`,
/// `next_milestone`, `plan_ask`, `trajectory`, `local`) its `_threshold`,
/// `_met`, `_gap` and `_due`, then `within_vs_plan` and `funnel`.
///
/// # Errors
///
/// [`ArrowError`] if the columns do not make a batch (they always do).
pub fn rows_batch(rows: &[AssuranceRow]) -> Result<RecordBatch, ArrowError> {
    let mut common = CommonColumns::new(
        &["month", "standard", "basis", "level", "code", "name"],
        &[
            "percent",
            "wilson95_lower",
            "wilson95_upper",
            "wilson998_lower",
            "wilson998_upper",
        ],
        true,
    );
    let mut layers = vec![
        LayerColumns::new("standard", TargetLayer::Standard),
        LayerColumns::new("milestone", TargetLayer::MilestoneInForce),
        LayerColumns::new("next_milestone", TargetLayer::NextMilestone),
        LayerColumns::new("plan_ask", TargetLayer::PlanAsk),
        LayerColumns::new("trajectory", TargetLayer::Trajectory),
        LayerColumns::new("local", TargetLayer::Local),
    ];
    let mut within_vs_plan = arrow_array::builder::Int64Builder::new();
    let mut funnel = StringBuilder::new();
    for row in rows {
        let org = row.organisation();
        let w95 = row.wilson_95();
        let w998 = row.wilson_99_8();
        common.push(
            [
                row.month().to_string(),
                row.standard().code().to_owned(),
                row.basis().label().to_owned(),
                org.level().to_string(),
                org.code().to_owned(),
                org.name().to_owned(),
            ],
            org.in_alliance(),
            row.performance(),
            [
                row.percent(),
                w95.map(|w| w.lower_points()),
                w95.map(|w| w.upper_points()),
                w998.map(|w| w.lower_points()),
                w998.map(|w| w.upper_points()),
            ],
        );
        for layer in &mut layers {
            layer.push(row);
        }
        within_vs_plan.append_option(row.trajectory().map(|t| t.within_vs_plan()));
        funnel.append_option(row.funnel().map(|f| f.label()));
    }
    let mut fields = Vec::new();
    let mut columns: Vec<ArrayRef> = Vec::new();
    common.finish(&mut fields, &mut columns);
    for layer in layers {
        layer.finish(&mut fields, &mut columns);
    }
    fields.push(Field::new("within_vs_plan", DataType::Int64, true));
    columns.push(Arc::new(within_vs_plan.finish()));
    fields.push(Field::new("funnel", DataType::Utf8, true));
    columns.push(Arc::new(funnel.finish()));
    RecordBatch::try_new(Arc::new(Schema::new(fields)), columns)
}

/// The funnels as a record batch, one row per point: `month`, `standard`,
/// `basis`, `code`, `in_alliance`, `total`, `within`, `average`,
/// `proportion`, `lower_95`, `upper_95`, `lower_99_8`, `upper_99_8`
/// (ratios), `flag`.
///
/// # Errors
///
/// [`ArrowError`] if the columns do not make a batch (they always do).
pub fn funnel_batch(funnels: &[Funnel]) -> Result<RecordBatch, ArrowError> {
    let mut common = CommonColumns::new(
        &["month", "standard", "basis", "code"],
        &[
            "average",
            "proportion",
            "lower_95",
            "upper_95",
            "lower_99_8",
            "upper_99_8",
        ],
        false,
    );
    let mut flag = StringBuilder::new();
    for f in funnels {
        for p in f.points() {
            let (l95, u95) = p.limits_95();
            let (l998, u998) = p.limits_99_8();
            common.push(
                [
                    f.month().to_string(),
                    f.standard().code().to_owned(),
                    f.basis().label().to_owned(),
                    p.code().to_string(),
                ],
                p.in_alliance(),
                p.performance(),
                [f.average(), p.proportion(), l95, u95, l998, u998].map(Some),
            );
            flag.append_value(p.flag().label());
        }
    }
    let mut fields = Vec::new();
    let mut columns: Vec<ArrayRef> = Vec::new();
    common.finish(&mut fields, &mut columns);
    fields.push(Field::new("flag", DataType::Utf8, false));
    columns.push(Arc::new(flag.finish()));
    RecordBatch::try_new(Arc::new(Schema::new(fields)), columns)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assurance::{CwtSource, PlanAssurance};
    use crate::cwt::{Performance, PerformanceTable};
    use crate::{
        id::Id, org::Alliance, org::Icb, org::OdsCode, org::Provider, plan::CancerPlan,
        standard::CwtStandard,
    };

    #[test]
    fn rows_and_funnels_make_batches() {
        let plan = CancerPlan::builder()
            .title("t")
            .financial_year("2025/26".parse().unwrap())
            .alliance(
                Alliance::new("A")
                    .with_icb(Icb::new(Id::new("north").unwrap(), "North"))
                    .with_provider(
                        Provider::new(OdsCode::new("RAA").unwrap(), "Trust A")
                            .in_icb(Id::new("north").unwrap()),
                    ),
            )
            .build()
            .unwrap();
        let mut table = PerformanceTable::new();
        let p = Performance::new("71".parse().unwrap(), "100.5".parse().unwrap()).unwrap();
        for code in ["RAA", "RBB"] {
            table
                .add(
                    "2025-07".parse().unwrap(),
                    CwtStandard::Combined62Day,
                    OdsCode::new(code).unwrap(),
                    p,
                )
                .unwrap();
        }
        let a = PlanAssurance::build(&plan, &[CwtSource::provider("t", table)]).unwrap();
        let rows = rows_batch(a.rows()).unwrap();
        assert_eq!(rows.num_rows(), 3); // alliance, ICB, trust
        let schema = rows.schema();
        for name in [
            "standard_threshold",
            "milestone_gap",
            "next_milestone_due",
            "funnel",
            "wilson998_upper",
        ] {
            assert!(schema.field_with_name(name).is_ok(), "{name}");
        }
        let total = rows
            .column_by_name("total")
            .unwrap()
            .as_any()
            .downcast_ref::<arrow_array::Decimal128Array>()
            .unwrap();
        assert_eq!(total.value(0), 1005); // 100.5 patients, exact
        let funnels = funnel_batch(a.funnels()).unwrap();
        assert_eq!(funnels.num_rows(), 2); // both codes, in the alliance or not
    }
}

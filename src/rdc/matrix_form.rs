//! The JSON form of a [`ComplianceMatrix`]: the alliance's ICB ids, the
//! latest assessment per tumour site and scope, and what the matrix
//! computes from them (each site's alliance level per principle, and the
//! counts of levels), so a report reading the JSON sees the levels the
//! crate computed. Reading it back runs the matrix's checks again and
//! recomputes the levels from the assessments (stored levels are read
//! and ignored: they cannot disagree with the matrix built).

use serde::{Deserialize, Serialize};

use super::{ComplianceMatrix, LevelCounts, MatrixRow, PathwayAssessment};
use crate::{id::Id, org::Alliance, org::Icb};

/// `{"icbs": ["dorset", "hiow"], "assessments": [...], "rows": [{"site":
/// ..., "levels": [...]}], "counts": {"met": 3, ...}}`.
#[derive(Serialize)]
pub(super) struct MatrixForm {
    icbs: Vec<Id>,
    assessments: Vec<PathwayAssessment>,
    rows: Vec<MatrixRow>,
    counts: LevelCounts,
}

/// The form read back: the computed parts are optional (a hand-written
/// matrix may leave them out) and recomputed.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct MatrixReadForm {
    icbs: Vec<Id>,
    assessments: Vec<PathwayAssessment>,
    #[serde(default)]
    rows: Option<serde::de::IgnoredAny>,
    #[serde(default)]
    counts: Option<serde::de::IgnoredAny>,
}

impl From<ComplianceMatrix> for MatrixForm {
    fn from(matrix: ComplianceMatrix) -> MatrixForm {
        MatrixForm {
            assessments: matrix.latest_assessments().cloned().collect(),
            icbs: matrix.icbs().to_vec(),
            rows: matrix.rows(),
            counts: matrix.counts(),
        }
    }
}

impl TryFrom<MatrixReadForm> for ComplianceMatrix {
    type Error = String;

    /// The same checks as [`ComplianceMatrix::build`]; and, since the form
    /// holds only the latest assessment per site and scope, two for the
    /// same site and scope are refused rather than one silently dropped.
    fn try_from(form: MatrixReadForm) -> Result<ComplianceMatrix, String> {
        // The computed levels are recomputed from the assessments.
        let _ = (form.rows, form.counts);
        let alliance = form.icbs.iter().fold(Alliance::new("alliance"), |a, id| {
            a.with_icb(Icb::new(id.clone(), id.as_str()))
        });
        let given = form.assessments.len();
        let matrix =
            ComplianceMatrix::build(&alliance, form.assessments).map_err(|e| e.to_string())?;
        let kept = matrix.latest_assessments().count();
        if kept != given {
            return Err(format!(
                "assessments: {given} given but only {kept} distinct tumour site and scope pairs \
                 (a stored matrix holds the latest assessment of each)"
            ));
        }
        Ok(matrix)
    }
}

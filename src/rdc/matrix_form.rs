//! The JSON form of a [`ComplianceMatrix`]: the alliance's ICB ids and the
//! latest assessment per tumour site and scope. Reading it back runs the
//! matrix's checks again.

use serde::{Deserialize, Serialize};

use super::{ComplianceMatrix, PathwayAssessment};
use crate::{id::Id, org::Alliance, org::Icb};

/// `{"icbs": ["dorset", "hiow"], "assessments": [...]}`.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct MatrixForm {
    icbs: Vec<Id>,
    assessments: Vec<PathwayAssessment>,
}

impl From<ComplianceMatrix> for MatrixForm {
    fn from(matrix: ComplianceMatrix) -> MatrixForm {
        MatrixForm {
            assessments: matrix.latest_assessments().cloned().collect(),
            icbs: matrix.icbs().to_vec(),
        }
    }
}

impl TryFrom<MatrixForm> for ComplianceMatrix {
    type Error = String;

    /// The same checks as [`ComplianceMatrix::build`]; and, since the form
    /// holds only the latest assessment per site and scope, two for the
    /// same site and scope are refused rather than one silently dropped.
    fn try_from(form: MatrixForm) -> Result<ComplianceMatrix, String> {
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

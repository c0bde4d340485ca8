//! Rapid Diagnostic Centre (RDC) principles.
//!
//! Every tumour-site pathway was to adopt the seven principles by 2023/24
//! (Wessex Cancer Alliance Board, 16 June 2021, Appendix A).

mod principle;

pub use principle::RdcPrinciple;

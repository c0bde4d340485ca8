//! NHS periods: [`FinancialYear`] (1 April to 31 March), its [`Quarter`]s and
//! calendar [`YearMonth`]s (the reporting unit of Cancer Waiting Times).

mod financial_year;
mod quarter;
mod year_month;

pub use financial_year::FinancialYear;
pub use quarter::Quarter;
pub use year_month::YearMonth;

//! [`ChartStyle`]: what the drawn chart says and how big it is.

use serde::Serialize;

use crate::spc::Icons;

/// How to draw a chart: its title (shown, and the SVG's `<title>`), an
/// optional subtitle (e.g. the data source), the unit suffix of values,
/// the size, an `id` prefix unique within the page, and whether to shade
/// the 2-sigma band. Built with chained setters.
///
/// ```
/// use cancer_plan::spc::svg::ChartStyle;
///
/// let style = ChartStyle::new("28-day FDS, Wessex alliance")
///     .subtitle("NHS England CWT provider extract, provisional")
///     .id("fds-alliance")
///     .size(640, 300)
///     .two_sigma_band(true);
/// assert_eq!(style.title(), "28-day FDS, Wessex alliance");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChartStyle {
    title: String,
    subtitle: Option<String>,
    id: String,
    unit: String,
    width: u32,
    height: u32,
    two_sigma_band: bool,
    icons: Option<Icons>,
}

/// Smallest width and height drawn (narrower charts cannot hold the icons
/// and labels); larger requests are capped at 4000 pixels.
const MIN_SIZE: (u32, u32) = (320, 200);
const MAX_SIZE: u32 = 4000;

impl ChartStyle {
    /// A 640 × 300 chart titled `title`, values in percent, no 2-sigma band,
    /// id prefix `spc`.
    pub fn new(title: impl Into<String>) -> ChartStyle {
        ChartStyle {
            title: title.into(),
            subtitle: None,
            id: "spc".to_owned(),
            unit: "%".to_owned(),
            width: 640,
            height: 300,
            two_sigma_band: false,
            icons: None,
        }
    }

    /// A second line under the title (the source, a caveat).
    pub fn subtitle(mut self, subtitle: impl Into<String>) -> ChartStyle {
        self.subtitle = Some(subtitle.into());
        self
    }

    /// The prefix of the SVG's element ids (for `aria-labelledby`): give
    /// each chart on one page its own. Characters other than ASCII letters,
    /// digits, `-` and `_` become `-`.
    pub fn id(mut self, id: impl Into<String>) -> ChartStyle {
        self.id = super::text::id_safe(&id.into());
        self
    }

    /// The suffix of values in labels and descriptions (`%` by default).
    pub fn unit(mut self, unit: impl Into<String>) -> ChartStyle {
        self.unit = unit.into();
        self
    }

    /// Width and height in pixels (the `viewBox`; the chart scales to its
    /// container). Clamped to 320 × 200 at least and 4000 at most.
    pub fn size(mut self, width: u32, height: u32) -> ChartStyle {
        self.width = width.clamp(MIN_SIZE.0, MAX_SIZE);
        self.height = height.clamp(MIN_SIZE.1, MAX_SIZE);
        self
    }

    /// Shade the band between the near limits (two sigma) of each period.
    pub fn two_sigma_band(mut self, on: bool) -> ChartStyle {
        self.two_sigma_band = on;
        self
    }

    /// Draw these icons instead of the chart's own ([`SpcChart::icons`](crate::spc::SpcChart::icons)):
    /// e.g. assurance judged against a time-varying target
    /// ([`Icons::against`]).
    pub fn icons(mut self, icons: Icons) -> ChartStyle {
        self.icons = Some(icons);
        self
    }

    /// The title.
    pub fn title(&self) -> &str {
        &self.title
    }

    pub(crate) fn subtitle_text(&self) -> Option<&str> {
        self.subtitle.as_deref()
    }

    pub(crate) fn id_prefix(&self) -> &str {
        &self.id
    }

    pub(crate) fn unit_text(&self) -> &str {
        &self.unit
    }

    pub(crate) fn width(&self) -> f64 {
        f64::from(self.width)
    }

    pub(crate) fn height(&self) -> f64 {
        f64::from(self.height)
    }

    pub(crate) fn icons_override(&self) -> Option<Icons> {
        self.icons
    }

    pub(crate) fn band(&self) -> bool {
        self.two_sigma_band
    }
}

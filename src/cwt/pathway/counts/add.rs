//! Counting into a [`PathwayCounts`]: [`Pathway`]s, interning their
//! providers (the public way in), and the file readers' compact chunks.

use super::super::compact::{CompactPathway, ProviderIndex, ProviderRegistry};
use super::{Pathway, PathwayCounts};
use crate::org::OdsCode;

impl PathwayCounts {
    /// Counts `pathways`; `first_index` is the index of `pathways[0]` in
    /// the caller's whole input (used in findings, so that chunks added one
    /// after another report true indexes).
    ///
    /// A provider not seen before is registered (in order of first sight)
    /// while the table has room for it; a pathway of a provider beyond that
    /// room is a [`ProviderBeyondTable`] finding.
    ///
    /// Indexes saturate at `usize::MAX` (a `first_index` so close to it
    /// that `first_index + i` overflows cannot be a true index): they never
    /// wrap round to small, plausible-looking indexes.
    ///
    /// [`ProviderBeyondTable`]: crate::cwt::pathway::DataQualityKind::ProviderBeyondTable
    pub fn add(&mut self, first_index: usize, pathways: &[Pathway]) {
        let mut registry = std::mem::take(&mut self.registry);
        let room = self.providers;
        self.add_with(first_index, pathways, |code| {
            if registry.len() < room {
                registry.intern(code)
            } else {
                registry.get(code)
            }
        });
        self.registry = registry;
    }

    /// Registers the providers of `pathways` that `add` would register, in
    /// the same order, without counting them.
    pub(in crate::cwt::pathway) fn register(&mut self, pathways: &[Pathway]) {
        let mut last: Option<&OdsCode> = None;
        for pathway in pathways {
            if self.registry.len() >= self.providers {
                return;
            }
            let code = pathway.provider();
            if last != Some(code) {
                self.registry.intern(code);
                last = Some(code);
            }
        }
    }

    /// The registry, taken out while threads read it.
    pub(in crate::cwt::pathway) fn take_registry(&mut self) -> ProviderRegistry {
        std::mem::take(&mut self.registry)
    }

    /// Puts back the registry taken by `take_registry`.
    pub(in crate::cwt::pathway) fn restore_registry(&mut self, registry: ProviderRegistry) {
        self.registry = registry;
    }

    /// Counts `pathways` with the providers of `registry` (registered
    /// beforehand), leaving this table's registry alone.
    pub(in crate::cwt::pathway) fn add_registered(
        &mut self,
        first_index: usize,
        pathways: &[Pathway],
        registry: &ProviderRegistry,
    ) {
        self.add_with(first_index, pathways, |code| registry.get(code));
    }

    /// Counts `pathways`, each with the index `provider` gives its
    /// provider's code (looked up once per run of one provider).
    #[inline]
    fn add_with(
        &mut self,
        first_index: usize,
        pathways: &[Pathway],
        mut provider: impl FnMut(&OdsCode) -> Option<ProviderIndex>,
    ) {
        let mut last: Option<(&OdsCode, ProviderIndex)> = None;
        for (i, pathway) in pathways.iter().enumerate() {
            let index = first_index.saturating_add(i);
            let code = pathway.provider();
            let found = match last {
                Some((seen, found)) if seen == code => Some(found),
                _ => provider(code),
            };
            match found {
                Some(found) => {
                    last = Some((code, found));
                    self.add_one(index, &CompactPathway::from_pathway(pathway, found));
                }
                None => self.beyond_table(index),
            }
        }
    }

    /// Counts compact `records` (the file readers' chunks, their providers
    /// registered by the reader); `first_index` as in [`add`](Self::add).
    #[cfg_attr(
        not(any(feature = "pathway-csv", feature = "pathway-arrow")),
        allow(dead_code)
    )]
    pub(in crate::cwt::pathway) fn add_compact(
        &mut self,
        first_index: usize,
        records: &[CompactPathway],
    ) {
        for (i, record) in records.iter().enumerate() {
            self.add_one(first_index.saturating_add(i), record);
        }
    }
}

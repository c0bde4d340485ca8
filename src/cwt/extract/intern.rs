//! Interning the small categorical columns (organisation, route, modality,
//! cancer type): each distinct spelling is checked and allocated once, and
//! rows carry shared text and small integer ids. Ids of texts that differ
//! only in case are the same "folded" id, which is what duplicate keys and
//! totals compare.

use std::collections::hash_map::RandomState;
use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};
use std::sync::Arc;

use crate::org::OdsCode;

/// A fast non-cryptographic hasher for the reader's own maps (keys are a
/// file's category texts and fixed-size row keys). The FxHash mixing step
/// (rotate, xor, multiply, eight bytes at a time) from a per-map random
/// seed, finished with the MurmurHash3 64-bit finaliser: without the seed a
/// file could be crafted whose texts all collide, making reading it
/// quadratic; with it the collisions depend on a value the file cannot
/// know.
#[derive(Clone, Copy)]
pub(super) struct FastHasher {
    hash: u64,
}

/// Builds [`FastHasher`]s from one random seed per map (drawn from the
/// standard library's `RandomState`, as `HashMap`'s default hasher is).
#[derive(Clone, Copy)]
pub(super) struct FastState {
    seed: u64,
}

impl Default for FastState {
    fn default() -> FastState {
        FastState {
            seed: RandomState::new().hash_one(0x5eed_u64),
        }
    }
}

impl BuildHasher for FastState {
    type Hasher = FastHasher;

    fn build_hasher(&self) -> FastHasher {
        FastHasher { hash: self.seed }
    }
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word.iter_mut().zip(rest).for_each(|(w, &b)| *w = b);
            self.add(u64::from_le_bytes(word) ^ ((rest.len() as u64) << 59));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        // MurmurHash3's fmix64: every input bit reaches the low bits the
        // table indexes by.
        let mut h = self.hash;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

/// A `HashMap` with [`FastHasher`].
pub(super) type FastMap<K, V> = HashMap<K, V, FastState>;

/// Distinct texts of one column, as published, with a case-folded id.
#[derive(Default)]
pub(super) struct TextInterner {
    exact: FastMap<Box<[u8]>, u32>,
    texts: Vec<(Arc<str>, u32)>,
    folded: FastMap<Box<[u8]>, u32>,
    last: Option<u32>,
}

impl TextInterner {
    /// The shared text and folded id of `bytes`; `None` if not UTF-8.
    pub(super) fn intern(&mut self, bytes: &[u8]) -> Option<(&Arc<str>, u32)> {
        let id = match self.last.filter(|&id| self.text(id).as_bytes() == bytes) {
            Some(id) => id,
            None => match self.exact.get(bytes) {
                Some(&id) => id,
                None => self.insert(bytes)?,
            },
        };
        self.last = Some(id);
        self.texts.get(id as usize).map(|(t, f)| (t, *f))
    }

    fn text(&self, id: u32) -> &str {
        self.texts.get(id as usize).map_or("", |(t, _)| t)
    }

    fn insert(&mut self, bytes: &[u8]) -> Option<u32> {
        let text: Arc<str> = std::str::from_utf8(bytes).ok()?.into();
        let next_folded = u32::try_from(self.folded.len()).ok()?;
        let folded = *self
            .folded
            .entry(bytes.to_ascii_uppercase().into_boxed_slice())
            .or_insert(next_folded);
        let id = u32::try_from(self.texts.len()).ok()?;
        self.texts.push((text, folded));
        self.exact.insert(bytes.into(), id);
        Some(id)
    }
}

/// Distinct organisation (or location) codes, each checked as an ODS code
/// once.
#[derive(Default)]
pub(super) struct CodeInterner {
    exact: FastMap<Box<[u8]>, u32>,
    codes: Vec<Arc<OdsCode>>,
    last: Option<u32>,
}

impl CodeInterner {
    /// The shared code and its id; `None` if `bytes` is not an ODS code.
    pub(super) fn intern(&mut self, bytes: &[u8]) -> Option<(&Arc<OdsCode>, u32)> {
        let hit = self.last.filter(|&id| {
            self.codes
                .get(id as usize)
                .is_some_and(|c| c.as_str().as_bytes() == bytes)
        });
        let id = match hit {
            Some(id) => id,
            None => match self.exact.get(bytes) {
                Some(&id) => id,
                None => {
                    let code = OdsCode::new(std::str::from_utf8(bytes).ok()?).ok()?;
                    let id = u32::try_from(self.codes.len()).ok()?;
                    self.codes.push(Arc::new(code));
                    self.exact.insert(bytes.into(), id);
                    id
                }
            },
        };
        self.last = Some(id);
        self.codes.get(id as usize).map(|c| (c, id))
    }
}

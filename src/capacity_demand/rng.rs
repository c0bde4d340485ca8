//! The simulation's random numbers: xoshiro256++ (Blackman and Vigna),
//! seeded through SplitMix64 from `(seed, replication)`, so that each
//! replication's stream depends on nothing else (not on the thread that
//! runs it).

#[derive(Debug, Clone)]
pub(crate) struct Rng {
    s: [u64; 4],
}

fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Rng {
    /// The stream of replication `replication` under `seed`.
    pub(crate) fn for_replication(seed: u64, replication: u64) -> Rng {
        let mut a = seed;
        let mut b = replication ^ 0xD1B5_4A32_D192_ED03;
        let mut state = splitmix(&mut a) ^ splitmix(&mut b).rotate_left(17);
        let s = [
            splitmix(&mut state),
            splitmix(&mut state),
            splitmix(&mut state),
            splitmix(&mut state),
        ];
        Rng { s }
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        let [s0, s1, s2, s3] = &mut self.s;
        let result = s0.wrapping_add(*s3).rotate_left(23).wrapping_add(*s0);
        let t = *s1 << 17;
        *s2 ^= *s0;
        *s3 ^= *s1;
        *s1 ^= *s2;
        *s0 ^= *s3;
        *s2 ^= t;
        *s3 = s3.rotate_left(45);
        result
    }

    /// Uniform on [0, 1).
    pub(crate) fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Exponential with mean `mean`.
    pub(crate) fn exponential(&mut self, mean: f64) -> f64 {
        -mean * (1.0 - self.uniform()).ln()
    }

    /// Standard normal (Box-Muller; one of the pair).
    pub(crate) fn normal(&mut self) -> f64 {
        let u1 = 1.0 - self.uniform();
        let u2 = self.uniform();
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }
}

/// A service-time distribution with a given mean and coefficient of
/// variation: fixed (cv 0), exponential (cv 1) or lognormal.
#[derive(Debug, Clone, Copy)]
pub(crate) enum ServiceTime {
    Fixed(f64),
    Exponential(f64),
    Lognormal { mu: f64, sigma: f64 },
}

impl ServiceTime {
    pub(crate) fn new(mean: f64, cv: f64) -> ServiceTime {
        if cv == 0.0 {
            ServiceTime::Fixed(mean)
        } else if cv == 1.0 {
            ServiceTime::Exponential(mean)
        } else {
            let sigma2 = (1.0 + cv * cv).ln();
            ServiceTime::Lognormal {
                mu: mean.ln() - sigma2 / 2.0,
                sigma: sigma2.sqrt(),
            }
        }
    }

    pub(crate) fn sample(self, rng: &mut Rng) -> f64 {
        match self {
            ServiceTime::Fixed(mean) => mean,
            ServiceTime::Exponential(mean) => rng.exponential(mean),
            ServiceTime::Lognormal { mu, sigma } => (mu + sigma * rng.normal()).exp(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_differ_by_replication_and_repeat_by_seed() {
        let a: Vec<u64> = (0..4)
            .map(|_| Rng::for_replication(7, 0).next_u64())
            .collect();
        assert!(a.iter().all(|x| *x == a[0]));
        assert_ne!(
            Rng::for_replication(7, 0).next_u64(),
            Rng::for_replication(7, 1).next_u64()
        );
        assert_ne!(
            Rng::for_replication(7, 0).next_u64(),
            Rng::for_replication(8, 0).next_u64()
        );
    }

    #[test]
    fn service_times_have_their_mean_and_cv() {
        for cv in [0.0, 0.5, 1.0, 2.0] {
            let mut rng = Rng::for_replication(1, 2);
            let dist = ServiceTime::new(3.0, cv);
            let n = 200_000;
            let xs: Vec<f64> = (0..n).map(|_| dist.sample(&mut rng)).collect();
            let mean = xs.iter().sum::<f64>() / n as f64;
            let sd = (xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n as f64).sqrt();
            assert!((mean - 3.0).abs() < 0.05, "cv {cv}: mean {mean}");
            assert!((sd / mean - cv).abs() < 0.06, "cv {cv}: {}", sd / mean);
        }
    }
}

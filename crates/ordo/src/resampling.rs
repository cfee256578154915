//! The resampling settings of every call that bootstraps or permutes.

/// Seed, replicates and block length of a moving-block bootstrap (and of
/// permutations).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resampling {
    /// Seed of the ChaCha8 generator.
    pub seed: u64,
    /// Bootstrap (and permutation) replicates.
    pub reps: usize,
    /// Bootstrap block length in years.
    pub block: usize,
}

impl Default for Resampling {
    fn default() -> Resampling {
        Resampling {
            seed: 20260101,
            reps: 10_000,
            block: 3,
        }
    }
}

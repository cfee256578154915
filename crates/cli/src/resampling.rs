//! `--seed`, `--reps`, `--block`: the same resampling flags on every
//! command that bootstraps or permutes.

use clap::Args;

#[derive(Args, Debug, Clone, Copy)]
pub struct ResamplingArgs {
    /// Seed of the ChaCha8 generator (bootstrap and permutations)
    #[arg(long, default_value_t = 20260101)]
    pub seed: u64,
    /// Bootstrap (and permutation) replicates
    #[arg(long, default_value_t = 10_000)]
    pub reps: usize,
    /// Bootstrap block length in years
    #[arg(long, default_value_t = 3)]
    pub block: usize,
}

impl From<ResamplingArgs> for ordo::Resampling {
    fn from(r: ResamplingArgs) -> ordo::Resampling {
        ordo::Resampling {
            seed: r.seed,
            reps: r.reps,
            block: r.block,
        }
    }
}
